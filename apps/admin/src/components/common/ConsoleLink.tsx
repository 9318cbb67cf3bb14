'use client';
// A link inside the console: Paste's Anchor look, Next's client-side navigation (React Query's cache survives).
import { Anchor } from '@twilio-paste/core/anchor';
import type { ReactNode } from 'react';

type LinkContent = NonNullable<ReactNode>;
import { useClientNavigation } from '../app-shell/use-client-navigation';

export function ConsoleLink({ href, children, testId }: { href: string; children: LinkContent; testId?: string }) {
  const navigate = useClientNavigation();
  return (
    <Anchor href={href} onClick={navigate} data-testid={testId}>
      {children}
    </Anchor>
  );
}
