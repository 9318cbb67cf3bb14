'use client';
// The customer phones of the sandbox, like a list of conversations: pick one to see its thread.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import type { HandsetSummary } from '../../lib/sandbox-handset/sandbox-handset.types';

interface HandsetListProps {
  handsets: HandsetSummary[];
  selected: string | undefined;
  onSelect: (number: string) => void;
}

export function HandsetList({ handsets, selected, onSelect }: HandsetListProps) {
  return (
    <Box
      as="ul"
      margin="space0"
      padding="space0"
      listStyleType="none"
      display="flex"
      flexDirection="column"
      rowGap="space30"
      aria-label="Customer phones"
      data-testid="handset-list"
    >
      {handsets.map((handset) => (
        <Box as="li" key={handset.number}>
          <Button
            variant={handset.number === selected ? 'primary' : 'secondary'}
            fullWidth
            onClick={() => onSelect(handset.number)}
            aria-pressed={handset.number === selected}
          >
            <Box display="flex" flexDirection="column" alignItems="flex-start" width="100%">
              <Text as="span" color="inherit" fontWeight="fontWeightSemibold">
                {handset.number}
              </Text>
              <Text as="span" color="inherit" fontSize="fontSize20">
                {handset.received} received · {handset.sent} sent
              </Text>
              {handset.optedOutOf.length > 0 && (
                <Text as="span" color="inherit" fontSize="fontSize20" data-testid="handset-opted-out">
                  Opted out of {handset.optedOutOf.join(', ')}
                </Text>
              )}
            </Box>
          </Button>
        </Box>
      ))}
    </Box>
  );
}
