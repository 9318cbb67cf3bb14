'use client';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { KIND_LABEL, type OutboundRequestSummary } from '../../lib/outbound/outbound.types';
import { ConsoleLink } from '../common/ConsoleLink';
import { durationBetween, formatDateTime, formatDuration } from '../common/format';
import { DeliveryStatus } from './DeliveryStatus';
import { OutboundStatusBadge } from './OutboundStatusBadge';

export function HistoryTable({ items }: { items: OutboundRequestSummary[] }) {
  return (
    <Table scrollHorizontally data-testid="history-table">
      <THead>
        <Tr>
          <Th>Started</Th>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th>Delivery</Th>
          <Th>From</Th>
          <Th>Customer</Th>
          <Th>Took</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((item) => {
          const took = durationBetween(item.startedAt, item.finishedAt);
          return (
            <Tr key={item.id}>
              <Td>
                {/* The row's link: its time is what people scan for. */}
                <ConsoleLink href={`/history/${encodeURIComponent(item.id)}`}>{formatDateTime(item.startedAt)}</ConsoleLink>
              </Td>
              <Td>{KIND_LABEL[item.kind] ?? item.kind}</Td>
              <Td>
                <OutboundStatusBadge status={item.status} />
              </Td>
              <Td>
                <DeliveryStatus delivery={item.delivery} />
              </Td>
              <Td>{item.fromNumber}</Td>
              <Td>
                <Text as="span" display="block">
                  {item.toName}
                </Text>
                <Text as="span" color="colorTextWeak">
                  {item.toNumber}
                </Text>
              </Td>
              <Td>{took === undefined ? '—' : formatDuration(took)}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
