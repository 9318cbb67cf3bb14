'use client';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { useConsentAudit } from '../../hooks/use-consent';
import { CONSENT_SOURCE_LABELS } from '../../lib/consent/consent.types';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../common/format';

/** Every opt-out and opt-in of one customer, in every scope: how, who and why. */
export function ConsentAuditTrail({ recipient }: { recipient: string }) {
  const audit = useConsentAudit(recipient);
  return (
    <Card padding="space70" data-testid="consent-audit">
      <Heading as="h2" variant="heading40">
        Audit trail of {recipient}
      </Heading>
      {audit.isPending ? (
        <LoadingState label="Loading the audit trail…" />
      ) : audit.isError ? (
        <QueryError query={audit} />
      ) : (
        <Table scrollHorizontally>
          <THead>
            <Tr>
              <Th>When</Th>
              <Th>Change</Th>
              <Th>Sender</Th>
              <Th>How</Th>
              <Th>Who</Th>
              <Th>Reason</Th>
            </Tr>
          </THead>
          <TBody>
            {audit.data.map((entry) => (
              <Tr key={entry.id} data-testid="consent-audit-row">
                <Td>{formatDateTime(entry.at)}</Td>
                <Td>{entry.action === 'opt-out' ? 'Opted out' : 'Opted back in'}</Td>
                <Td>{entry.scope}</Td>
                <Td>{CONSENT_SOURCE_LABELS[entry.source] ?? entry.source}</Td>
                <Td>{entry.actorName ?? entry.actor}</Td>
                <Td>{entry.reason ?? '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
