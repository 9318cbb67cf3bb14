'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { useState, type FormEvent } from 'react';
import { useOptOuts, useRemoveOptOut } from '../../hooks/use-consent';
import { CONSENT_SOURCE_LABELS, type OptOut } from '../../lib/consent/consent.types';
import { pageCount } from '../../lib/outbound/history-filters';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { TextField } from '../common/TextField';
import { formatDateTime } from '../common/format';
import { PageControls } from '../history/PageControls';
import { AddOptOutForm } from './AddOptOutForm';
import { ConsentAuditTrail } from './ConsentAuditTrail';
import { ConsentImportExport } from './ConsentImportExport';

export function ConsentPage() {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState({ number: '', page: 1 });
  const [auditOf, setAuditOf] = useState<string>();
  const optOuts = useOptOuts(search);

  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ number: typed.trim(), page: 1 });
  };

  return (
    <>
      <PageTitle heading="Consent">
        Customers who may not be texted from a sender: they texted STOP (or another opt-out keyword), Twilio refused a send with 21610, or an admin
        added them. Every send to them is refused before Twilio is asked; START from the customer, or removing the opt-out here, lets sends through
        again.
      </PageTitle>
      <Box display="flex" flexDirection="column" rowGap="space70">
        <AddOptOutForm />
        <ConsentImportExport />
        <form onSubmit={find} aria-label="Search opt-outs" role="search">
          <Box display="flex" alignItems="flex-end" columnGap="space40">
            <Box flexGrow={1}>
              <TextField
                id="consent-search"
                name="number"
                label="Find a customer number"
                type="tel"
                placeholder="+1415555"
                value={typed}
                onChange={setTyped}
                help="Any part of the number."
              />
            </Box>
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </Box>
        </form>
        {optOuts.isPending ? (
          <LoadingState label="Loading the opt-outs…" />
        ) : optOuts.isError ? (
          <QueryError query={optOuts} />
        ) : optOuts.data.items.length === 0 ? (
          <EmptyState heading={search.number ? `No opt-out matches ${search.number}` : 'No opt-outs'} testId="consent-empty">
            {search.number ? 'Search for another number, or clear the search.' : 'Customers who text STOP to one of your numbers appear here.'}
          </EmptyState>
        ) : (
          <Box>
            <OptOutTable optOuts={optOuts.data.items} onAudit={setAuditOf} />
            <PageControls
              page={optOuts.data.page}
              pages={pageCount(optOuts.data.total, optOuts.data.pageSize)}
              total={optOuts.data.total}
              loading={optOuts.isFetching}
              onPage={(page) => setSearch({ ...search, page })}
              noun="opt-out"
              label="Opt-out pages"
            />
          </Box>
        )}
        {auditOf ? <ConsentAuditTrail recipient={auditOf} /> : null}
      </Box>
    </>
  );
}

function OptOutTable({ optOuts, onAudit }: { optOuts: readonly OptOut[]; onAudit: (recipient: string) => void }) {
  const remove = useRemoveOptOut();
  const [removing, setRemoving] = useState<OptOut>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();

  const close = () => {
    setRemoving(undefined);
    setReason('');
    setReasonError(undefined);
  };

  return (
    <>
      {remove.isError ? <MutationError error={remove.error} heading="The opt-out could not be removed" /> : null}
      <Table scrollHorizontally data-testid="opt-out-table">
        <THead>
          <Tr>
            <Th>Customer</Th>
            <Th>Sender</Th>
            <Th>Since</Th>
            <Th>How</Th>
            <Th>Reason</Th>
            <Th>Actions</Th>
          </Tr>
        </THead>
        <TBody>
          {optOuts.map((optOut) => (
            <Tr key={`${optOut.recipient} ${optOut.scope}`} data-testid="opt-out-row">
              <Td>{optOut.recipient}</Td>
              <Td>{optOut.scope}</Td>
              <Td>{formatDateTime(optOut.since)}</Td>
              <Td>{CONSENT_SOURCE_LABELS[optOut.source] ?? optOut.source}</Td>
              <Td>{optOut.reason ?? '—'}</Td>
              <Td>
                <Box display="flex" columnGap="space30">
                  <Button variant="secondary" size="small" onClick={() => onAudit(optOut.recipient)}>
                    Audit trail
                  </Button>
                  <Button variant="destructive_secondary" size="small" onClick={() => setRemoving(optOut)}>
                    Remove
                  </Button>
                </Box>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog
        isOpen={removing !== undefined}
        heading={`Let ${removing?.recipient ?? ''} be texted from ${removing?.scope ?? ''} again?`}
        confirmLabel="Remove opt-out"
        destructive
        onDismiss={close}
        onConfirm={() => {
          if (!removing) return;
          if (!reason.trim()) {
            setReasonError('Say why, for the audit trail: e.g. the customer opted back in in writing.');
            return;
          }
          remove.mutate({ recipient: removing.recipient, scope: removing.scope, reason: reason.trim() });
          close();
        }}
      >
        <Text as="p" marginBottom="space50">
          Only with the customer’s consent: sends to them will go out again.
        </Text>
        <TextField id="opt-out-removal-reason" name="reason" label="Reason" value={reason} onChange={setReason} error={reasonError} required />
      </ConfirmDialog>
    </>
  );
}
