'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import type { RotatedSigningSecret } from '../../lib/api-keys/api-key.types';
import { ShownOnceSecret } from './ShownOnceSecret';

export function RotatedSecretCallout({ rotated, onDone }: { rotated: RotatedSigningSecret; onDone: () => void }) {
  return (
    <Callout variant="success" data-testid="rotated-signing-secret">
      <CalloutHeading as="h2">New signing secret for “{rotated.apiKey.name}”</CalloutHeading>
      <CalloutText>Copy it now: it is shown this once. Every callback from now on is signed with it, the old secret with none.</CalloutText>
      <ShownOnceSecret value={rotated.signingSecret} copyLabel="Copy signing secret" testId="rotated-signing-secret-value" />
      <Box>
        <Button variant="secondary" size="small" onClick={onDone}>
          Done
        </Button>
      </Box>
    </Callout>
  );
}
