'use client';
// Everything a page needs around it in the browser: Emotion's SSR registry, the Paste theme and React Query.
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { EmotionRegistry } from '../components/paste/EmotionRegistry';
import { consoleThemeOverrides } from '../components/paste/console-theme';
import { createQueryClient } from '../lib/query-client';

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session (and per server render), never shared between users on the server.
  const [queryClient] = useState(createQueryClient);
  return (
    <EmotionRegistry>
      {/* CustomizationProvider is Paste's Theme.Provider plus overrides; unlike Theme.Provider it does not inject the
          @font-face rules that point at assets.twilio.com (see components/paste/system-fonts.ts). */}
      <CustomizationProvider baseTheme="default" theme={consoleThemeOverrides}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </CustomizationProvider>
    </EmotionRegistry>
  );
}
