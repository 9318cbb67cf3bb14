import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '../components/app-shell/AppShell';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Flex Outbound SMS', template: '%s · Flex Outbound SMS' },
  description: 'Admin console for starting SMS conversations from Twilio Flex.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>
        <Providers>
          <AppShell>{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
