'use client';
// What the calling system was told of this request (system callbacks): each change, where it went, every attempt's
// answer, and when the API tries again. Shown to whoever the API lets read it; a refusal says so in the API's words.
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { useSystemCallbacks } from '../../hooks/use-system-callbacks';
import { ApiError } from '../../lib/api-error';
import { CALLBACK_EVENT_LABEL, CALLBACK_STATUS_LABEL, type SystemCallback } from '../../lib/outbound/system-callbacks.types';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';

const STATUS_VARIANT: Record<SystemCallback['status'], 'success' | 'warning' | 'error'> = {
  delivered: 'success',
  pending: 'warning',
  failed: 'error',
};

export function SystemCallbackLog({ requestId }: { requestId: string }) {
  const callbacks = useSystemCallbacks(requestId);
  if (callbacks.isPending) return <Text as="p">Loading the callbacks…</Text>;
  if (callbacks.error) {
    const message = callbacks.error instanceof ApiError ? callbacks.error.message : 'The callbacks could not be read.';
    return (
      <Text as="p" color="colorTextWeak" data-testid="callbacks-unavailable">
        {message}
      </Text>
    );
  }
  if (callbacks.data.items.length === 0) {
    return (
      <EmptyState heading="No callbacks">
        Nothing was reported for this request: its caller has no callback URL (set one on its API key, or send with statusCallbackUrl).
      </EmptyState>
    );
  }
  return (
    <Table scrollHorizontally data-testid="callback-log">
      <THead>
        <Tr>
          <Th>Change</Th>
          <Th>Status</Th>
          <Th>Attempts</Th>
          <Th>Next attempt</Th>
        </Tr>
      </THead>
      <TBody>
        {callbacks.data.items.map((callback) => (
          <Tr key={callback.id}>
            <Td>
              <Text as="span" display="block">
                {CALLBACK_EVENT_LABEL[callback.event] ?? callback.event}
              </Text>
              <Text as="span" display="block" color="colorTextWeak" fontFamily="fontFamilyCode" wordBreak="break-all">
                {callback.url || 'another caller’s URL'}
              </Text>
            </Td>
            <Td>
              <Badge as="span" variant={STATUS_VARIANT[callback.status]}>
                {CALLBACK_STATUS_LABEL[callback.status]}
              </Badge>
            </Td>
            <Td>
              {callback.attemptLog.length === 0 ? (
                'None yet'
              ) : (
                <Box as="ol" margin="space0" paddingLeft="space60">
                  {callback.attemptLog.map((attempt) => (
                    <Text as="li" key={attempt.attempt}>
                      {formatDateTime(attempt.startedAt)}: {attempt.statusCode === null ? 'no answer' : `HTTP ${attempt.statusCode}`}
                      {attempt.error ? ` (${attempt.error})` : ''}, {attempt.durationMs} ms
                    </Text>
                  ))}
                </Box>
              )}
            </Td>
            <Td>{callback.nextAttemptAt ? formatDateTime(callback.nextAttemptAt) : '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
