'use client';
// What a clean-up would take, found exactly as the job will find it, before anything is touched: counts by status
// and the first sessions in the order they would go.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import type { CleanupPreview } from '../../lib/cleanup/cleanup.types';
import { AdminOnly } from '../common/AdminOnly';
import { EmptyState } from '../common/EmptyState';

interface CleanupDryRunPreviewProps {
  preview: CleanupPreview;
  markChannelInactive: boolean;
  onMarkChannelInactive: (on: boolean) => void;
  onConfirm: () => void;
  starting: boolean;
}

export function CleanupDryRunPreview({ preview, markChannelInactive, onMarkChannelInactive, onConfirm, starting }: CleanupDryRunPreviewProps) {
  if (preview.total === 0) {
    return (
      <EmptyState heading="Nothing to clean up" testId="cleanup-preview-empty">
        No Proxy session matches this selection.
      </EmptyState>
    );
  }
  return (
    <Card padding="space70" data-testid="cleanup-preview">
      <Heading as="h2" variant="heading30">
        Dry run: {preview.total} session{preview.total === 1 ? '' : 's'} would be cleaned up
      </Heading>
      <Box as="ul" display="flex" columnGap="space60" flexWrap="wrap" margin="space0" padding="space0" listStyleType="none" marginBottom="space60" data-testid="cleanup-preview-counts">
        {Object.entries(preview.byStatus).map(([status, count]) => (
          <Text as="li" key={status}>
            {status}: <strong>{count}</strong>
          </Text>
        ))}
      </Box>
      <Table scrollHorizontally>
        <THead>
          <Tr>
            <Th>Session</Th>
            <Th>Status</Th>
            <Th>Flex channel</Th>
          </Tr>
        </THead>
        <TBody>
          {preview.sample.map((item) => (
            <Tr key={item.sid}>
              <Td>{item.sid}</Td>
              <Td>{String(item.data.status ?? '—')}</Td>
              <Td>{String(item.data.uniqueName ?? item.data.channelSid ?? '—')}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {preview.total > preview.sample.length ? (
        <Paragraph>
          The first {preview.sample.length} of {preview.total}, in the order they would be cleaned up.
        </Paragraph>
      ) : null}
      <AdminOnly fallback={<Paragraph marginBottom="space0">Only an admin can run the clean-up.</Paragraph>}>
        <Box marginTop="space60" display="flex" flexDirection="column" rowGap="space50" alignItems="flex-start">
          <Checkbox id="cleanup-mark-inactive" checked={markChannelInactive} onChange={(event) => onMarkChannelInactive(event.target.checked)} helpText="Sets each session’s chat channel to INACTIVE, as Flex does when a conversation ends.">
            Mark the chat channels inactive
          </Checkbox>
          <Button variant="destructive" onClick={onConfirm} loading={starting}>
            Clean up {preview.total} session{preview.total === 1 ? '' : 's'}…
          </Button>
        </Box>
      </AdminOnly>
    </Card>
  );
}
