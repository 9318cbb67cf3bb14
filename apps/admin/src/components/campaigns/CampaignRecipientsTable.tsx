'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { useState } from 'react';
import { useCampaignRecipients } from '../../hooks/use-campaigns';
import { RECIPIENT_STATE_LABEL, type RecipientState } from '../../lib/campaigns/campaign.types';
import { ConsoleLink } from '../common/ConsoleLink';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../common/format';

/** The campaign's recipients in list order, one state or all, a page at a time (the API pages by position). */
export function CampaignRecipientsTable({ campaignId, version }: { campaignId: string; version: string }) {
  const [state, setState] = useState<RecipientState | ''>('');
  // The positions each page started after: back goes to the previous one.
  const [cursors, setCursors] = useState<number[]>([-1]);
  const after = cursors[cursors.length - 1];
  const recipients = useCampaignRecipients(campaignId, state || undefined, after, version);

  return (
    <Box data-testid="campaign-recipients">
      <Heading as="h2" variant="heading40">
        Recipients
      </Heading>
      <Box maxWidth="size40" marginBottom="space50">
        <Label htmlFor="campaign-recipient-state">State</Label>
        <Select
          id="campaign-recipient-state"
          value={state}
          onChange={(event) => {
            setState(event.target.value as RecipientState | '');
            setCursors([-1]);
          }}
        >
          <Option value="">All</Option>
          {Object.entries(RECIPIENT_STATE_LABEL).map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Select>
      </Box>
      {recipients.isPending ? (
        <LoadingState label="Loading the recipients…" />
      ) : recipients.isError ? (
        <QueryError query={recipients} />
      ) : (
        <>
          <Table scrollHorizontally data-testid="campaign-recipient-table">
            <THead>
              <Tr>
                <Th>Row</Th>
                <Th>Customer</Th>
                <Th>Sender</Th>
                <Th>State</Th>
                <Th>Reason or error</Th>
                <Th>Delivery</Th>
                <Th>Settled</Th>
              </Tr>
            </THead>
            <TBody>
              {recipients.data.recipients.map((recipient) => (
                <Tr key={recipient.position} data-testid="campaign-recipient-row">
                  <Td>{recipient.row}</Td>
                  <Td>
                    {recipient.toName ? `${recipient.toName} · ` : ''}
                    {recipient.toNumber}
                  </Td>
                  <Td>{recipient.fromNumber ?? '—'}</Td>
                  <Td>
                    {recipient.requestId ? (
                      <ConsoleLink href={`/history/${recipient.requestId}`}>{RECIPIENT_STATE_LABEL[recipient.state] ?? recipient.state}</ConsoleLink>
                    ) : (
                      (RECIPIENT_STATE_LABEL[recipient.state] ?? recipient.state)
                    )}
                  </Td>
                  <Td>{recipient.reason ?? recipient.error?.message ?? ''}</Td>
                  <Td>
                    {recipient.deliveryStatus ?? ''}
                    {recipient.deliveryErrorCode ? ` (${recipient.deliveryErrorCode})` : ''}
                  </Td>
                  <Td>{formatDateTime(recipient.settledAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Box display="flex" columnGap="space30" marginTop="space40">
            <Button variant="secondary" size="small" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous
            </Button>
            <Button
              variant="secondary"
              size="small"
              disabled={recipients.data.next === null}
              onClick={() => recipients.data.next !== null && setCursors([...cursors, recipients.data.next])}
            >
              Next
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
}
