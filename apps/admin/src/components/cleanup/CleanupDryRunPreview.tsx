'use client';
// What a clean-up would take, found exactly as the job will find it, before anything is touched: counts by status
// and the first items in the order they would go.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { CLEANUP_NOUNS, countOf, type CleanupTarget } from '../../lib/cleanup/cleanup-targets';
import type { CleanupPreview } from '../../lib/cleanup/cleanup.types';
import { AdminOnly } from '../common/AdminOnly';
import { EmptyState } from '../common/EmptyState';

interface CleanupDryRunPreviewProps {
  target: CleanupTarget;
  preview: CleanupPreview;
  onConfirm: () => void;
  starting: boolean;
}

export function CleanupDryRunPreview({ target, preview, onConfirm, starting }: CleanupDryRunPreviewProps) {
  if (preview.total === 0) {
    return (
      <EmptyState heading="Nothing to clean up" testId="cleanup-preview-empty">
        No {CLEANUP_NOUNS[target.kind].one} matches this selection.
      </EmptyState>
    );
  }
  const count = countOf(target.kind, preview.total);
  return (
    <Card padding="space70" data-testid="cleanup-preview">
      <Heading as="h2" variant="heading30">
        Dry run: {count} would be cleaned up
      </Heading>
      <Box
        as="ul"
        display="flex"
        columnGap="space60"
        flexWrap="wrap"
        margin="space0"
        padding="space0"
        listStyleType="none"
        marginBottom="space60"
        data-testid="cleanup-preview-counts"
      >
        {Object.entries(preview.byStatus).map(([status, statusCount]) => (
          <Text as="li" key={status}>
            {status}: <strong>{statusCount}</strong>
          </Text>
        ))}
      </Box>
      <Table scrollHorizontally data-testid="cleanup-preview-sample">
        <THead>
          <Tr>
            {target.sampleColumns.map((column) => (
              <Th key={column.header}>{column.header}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {preview.sample.map((item) => (
            <Tr key={item.sid}>
              {target.sampleColumns.map((column) => (
                <Td key={column.header}>{column.value(item)}</Td>
              ))}
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
        <Box marginTop="space60">
          <Button variant="destructive" onClick={onConfirm} loading={starting}>
            Clean up {count}…
          </Button>
        </Box>
      </AdminOnly>
    </Card>
  );
}
