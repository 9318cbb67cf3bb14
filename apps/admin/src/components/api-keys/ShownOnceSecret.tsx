'use client';
// A secret the API shows one time only (an API key, a callback signing secret): in full, with a copy button.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';

export function ShownOnceSecret({ value, copyLabel, testId }: { value: string; copyLabel: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Box marginY="space40">
      <Box padding="space30" backgroundColor="colorBackground" borderRadius="borderRadius20" overflowWrap="anywhere">
        <Text as="code" fontFamily="fontFamilyCode" data-testid={testId}>
          {value}
        </Text>
      </Box>
      <Box marginTop="space30">
        <Button
          variant="secondary"
          size="small"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : copyLabel}
        </Button>
      </Box>
    </Box>
  );
}
