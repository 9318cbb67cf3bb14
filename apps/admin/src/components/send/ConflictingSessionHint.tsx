'use client';
// PARTICIPANT_CONFLICT: the customer is already in a live conversation with this number. The API names the session
// that holds the pair; the operator's next step is to look at it (and close it if it is stuck).
import { Text } from '@twilio-paste/core/text';
import { ApiError } from '../../lib/api-error';
import { ConsoleLink } from '../common/ConsoleLink';

export function ConflictingSessionHint({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.code !== 'PARTICIPANT_CONFLICT') return null;
  const sessionSid = error.context.conflictingSessionSid;
  if (typeof sessionSid !== 'string') return null;
  return (
    <Text as="p" data-testid="conflicting-session">
      The conversation holding this customer: <ConsoleLink href={`/proxy-sessions/${sessionSid}`}>Proxy session {sessionSid}</ConsoleLink>. Close it there if it is stuck, then send again.
    </Text>
  );
}
