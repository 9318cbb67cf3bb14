'use client';
// A page of Proxy sessions with a checkbox per row (and one for all shown), for closing or deleting in bulk.
import { Checkbox } from '@twilio-paste/core/checkbox';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import type { ProxySession } from '../../lib/proxy-sessions/proxy-session.types';
import { ConsoleLink } from '../common/ConsoleLink';
import { formatDateTime } from '../common/format';
import { ProxySessionStatusBadge } from './ProxySessionStatusBadge';

interface ProxySessionTableProps {
  sessions: ProxySession[];
  selected: ReadonlySet<string>;
  selectable: boolean;
  onSelect: (sids: string[], selected: boolean) => void;
}

export function ProxySessionTable({ sessions, selected, selectable, onSelect }: ProxySessionTableProps) {
  const allSelected = sessions.length > 0 && sessions.every((session) => selected.has(session.sid));
  const someSelected = sessions.some((session) => selected.has(session.sid));
  return (
    <Table scrollHorizontally data-testid="proxy-session-table">
      <THead>
        <Tr>
          {selectable ? (
            <Th width="size5">
              <Checkbox
                id="proxy-sessions-select-all"
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={(event) =>
                  onSelect(
                    sessions.map((session) => session.sid),
                    event.target.checked,
                  )
                }
                isSelectAll
              >
                <ScreenReaderOnly>Select all shown sessions</ScreenReaderOnly>
              </Checkbox>
            </Th>
          ) : null}
          <Th>Session</Th>
          <Th>Status</Th>
          <Th>Flex channel (UniqueName)</Th>
          <Th>Mode</Th>
          <Th>Updated</Th>
        </Tr>
      </THead>
      <TBody>
        {sessions.map((session) => (
          <Tr key={session.sid} data-testid="proxy-session-row">
            {selectable ? (
              <Td>
                <Checkbox
                  id={`select-${session.sid}`}
                  checked={selected.has(session.sid)}
                  onChange={(event) => onSelect([session.sid], event.target.checked)}
                >
                  <ScreenReaderOnly>Select {session.sid}</ScreenReaderOnly>
                </Checkbox>
              </Td>
            ) : null}
            <Td>
              <ConsoleLink href={`/proxy-sessions/${session.sid}`}>{session.sid}</ConsoleLink>
            </Td>
            <Td>
              <ProxySessionStatusBadge status={session.status} />
            </Td>
            <Td>{session.uniqueName ?? '—'}</Td>
            <Td>{session.mode}</Td>
            <Td>{formatDateTime(session.dateUpdated)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
