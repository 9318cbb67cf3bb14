'use client';
// The one moment a key and its signing secret are visible: the API keeps the key only as a hash and never shows the
// secret again, so this is the user's only chance to copy them.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import type { CreatedApiKey } from '../../lib/api-keys/api-key.types';
import { ShownOnceSecret } from './ShownOnceSecret';

export function NewApiKeyCallout({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <Callout variant="success" data-testid="new-api-key">
      <CalloutHeading as="h2">API key “{created.apiKey.name}” created</CalloutHeading>
      <CalloutText>Copy it now: it is shown this once. Send it as Authorization: Bearer &lt;key&gt;.</CalloutText>
      <ShownOnceSecret value={created.key} copyLabel="Copy key" testId="new-api-key-value" />
      <CalloutText>
        Its callback signing secret, also shown this once: the system checks X-Flex-Sms-Signature (sha256= the HMAC-SHA256 of the body) with it.
      </CalloutText>
      <ShownOnceSecret value={created.signingSecret} copyLabel="Copy signing secret" testId="new-api-key-signing-secret" />
      <Box>
        <Button variant="secondary" size="small" onClick={onDone}>
          Done
        </Button>
      </Box>
    </Callout>
  );
}
