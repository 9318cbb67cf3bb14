'use client';
// The customer is already in a live conversation with this number. Chat + Proxy mode (PARTICIPANT_CONFLICT): the API names
// the Proxy session holding the pair, which the operator can look at and close if it is stuck. Conversations mode
// (CONVERSATION_CONFLICT): an agent's task holds the conversation, and only finishing that task frees it.
import { Text } from '@twilio-paste/core/text';
import { ApiError } from '../../lib/api-error';
import { ConsoleLink } from '../common/ConsoleLink';

const sidOf = (error: ApiError, field: string) => (typeof error.context[field] === 'string' ? (error.context[field] as string) : undefined);

export function ConflictingSessionHint({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'PARTICIPANT_CONFLICT') {
    const sessionSid = sidOf(error, 'conflictingSessionSid');
    if (!sessionSid) return null;
    return (
      <Text as="p" data-testid="conflicting-session">
        The conversation holding this customer: <ConsoleLink href={`/proxy-sessions/${sessionSid}`}>Proxy session {sessionSid}</ConsoleLink>. Close it
        there if it is stuck, then send again.
      </Text>
    );
  }
  if (error.code === 'CONVERSATION_CONFLICT') {
    const conversationSid = sidOf(error, 'conversationSid');
    const taskSid = sidOf(error, 'taskSid');
    const customer = sidOf(error, 'customerNumber');
    return (
      <Text as="p" data-testid="conflicting-conversation">
        {conversationSid ? `Conversation ${conversationSid}` : 'A conversation'} holds this customer{taskSid ? `, for task ${taskSid}` : ''}: the
        agent must finish that task in Flex before another conversation can start.
        {customer ? (
          <>
            {' '}
            <ConsoleLink href={`/history?number=${encodeURIComponent(customer)}`}>Earlier requests to {customer}</ConsoleLink>
          </>
        ) : null}
      </Text>
    );
  }
  return null;
}
