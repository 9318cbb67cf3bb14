'use client';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import type { ReactNode } from 'react';

/** A page (or a panel) with nothing to show yet: says so, and says what would fill it. */
export function EmptyState({ heading, children, testId }: { heading: string; children: ReactNode; testId?: string }) {
  return (
    <Card padding="space70" data-testid={testId ?? 'empty-state'}>
      <Heading as="h2" variant="heading40">
        {heading}
      </Heading>
      <Paragraph marginBottom="space0">{children}</Paragraph>
    </Card>
  );
}
