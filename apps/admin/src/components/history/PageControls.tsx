'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import { ChevronLeftIcon } from '@twilio-paste/icons/esm/ChevronLeftIcon';
import { ChevronRightIcon } from '@twilio-paste/icons/esm/ChevronRightIcon';

interface PageControlsProps {
  page: number;
  pages: number;
  total: number;
  loading: boolean;
  onPage: (page: number) => void;
  /** What the list holds (one item), and the navigation's name: History's requests unless told. */
  noun?: string;
  label?: string;
}

/** Previous / next with "page x of y": the journal can hold thousands of requests, numbered links would not help. */
export function PageControls({ page, pages, total, loading, onPage, noun = 'request', label = 'History pages' }: PageControlsProps) {
  return (
    <Box
      as="nav"
      aria-label={label}
      display="flex"
      alignItems="center"
      justifyContent="space-between"
      flexWrap="wrap"
      rowGap="space30"
      marginTop="space60"
    >
      <Text as="p" aria-live="polite" data-testid="history-page-label">
        Page {page} of {pages} · {total} {noun}
        {total === 1 ? '' : 's'}
      </Text>
      <Box display="flex" columnGap="space30">
        <Button variant="secondary" size="small" disabled={page <= 1 || loading} onClick={() => onPage(page - 1)}>
          <ChevronLeftIcon decorative />
          Previous
        </Button>
        <Button variant="secondary" size="small" disabled={page >= pages || loading} onClick={() => onPage(page + 1)}>
          Next
          <ChevronRightIcon decorative />
        </Button>
      </Box>
    </Box>
  );
}
