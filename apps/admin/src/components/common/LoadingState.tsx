'use client';
import { Box } from '@twilio-paste/core/box';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

/** What a page shows while its data is on the way; announced once, politely, to screen readers. */
export function LoadingState({ label, testId }: { label: string; testId?: string }) {
  return (
    <Box role="status" aria-live="polite" display="flex" alignItems="center" columnGap="space30" paddingY="space50" data-testid={testId}>
      <Spinner decorative />
      <Text as="p">{label}</Text>
    </Box>
  );
}
