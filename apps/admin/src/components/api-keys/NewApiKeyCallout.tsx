'use client';
// The one moment a key is visible: the API stores only its hash, so this is the user's only chance to copy it.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';
import type { CreatedApiKey } from '../../lib/api-keys/api-key.types';

export function NewApiKeyCallout({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Callout variant="success" data-testid="new-api-key">
      <CalloutHeading as="h2">API key “{created.apiKey.name}” created</CalloutHeading>
      <CalloutText>Copy it now: it is shown this once. Send it as Authorization: Bearer &lt;key&gt;.</CalloutText>
      <Box marginY="space40" padding="space30" backgroundColor="colorBackground" borderRadius="borderRadius20" overflowWrap="anywhere">
        <Text as="code" fontFamily="fontFamilyCode" data-testid="new-api-key-value">
          {created.key}
        </Text>
      </Box>
      <Box display="flex" columnGap="space30">
        <Button
          variant="secondary"
          size="small"
          onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Copied' : 'Copy key'}
        </Button>
        <Button variant="secondary" size="small" onClick={onDone}>
          Done
        </Button>
      </Box>
    </Callout>
  );
}
