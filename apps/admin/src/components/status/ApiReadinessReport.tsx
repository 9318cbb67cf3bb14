'use client';
// The API answered about its readiness: overall verdict, then each dependency with the API's reason when it is down.
import { Box } from '@twilio-paste/core/box';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { StatusBadge } from '@twilio-paste/core/status';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import type { ReactNode } from 'react';
import type { DependencyCheck, Readiness, TwilioMode } from '../../lib/readiness';

const TWILIO_MODE_LABEL: Record<TwilioMode, string> = {
  sandbox: 'Sandbox: the embedded demo account, no real SMS',
  twilio: 'Twilio: a live account',
};

function CheckDetails({ check, children, testId }: { check: DependencyCheck; children?: ReactNode; testId: string }) {
  return (
    <DescriptionListDetails>
      <Box display="flex" alignItems="center" columnGap="space30" rowGap="space20" flexWrap="wrap" data-testid={testId}>
        <StatusBadge as="span" variant={check.up ? 'ProcessSuccess' : 'ProcessError'}>
          {check.up ? 'Up' : 'Down'}
        </StatusBadge>
        {children}
        {check.reason ? (
          <Text as="span" color="colorTextWeak">
            {check.reason}
          </Text>
        ) : null}
      </Box>
    </DescriptionListDetails>
  );
}

export function ApiReadinessReport({ readiness, checkedAt }: { readiness: Readiness; checkedAt: Date }) {
  return (
    <Stack orientation="vertical" spacing="space60">
      <div data-testid="api-readiness">
        <StatusBadge as="span" variant={readiness.ready ? 'ProcessSuccess' : 'ProcessWarning'}>
          {readiness.ready ? 'API ready' : 'API not ready'}
        </StatusBadge>
      </div>
      <DescriptionList>
        <DescriptionListSet>
          <DescriptionListTerm>Database</DescriptionListTerm>
          <CheckDetails check={readiness.database} testId="readiness-database" />
        </DescriptionListSet>
        <DescriptionListSet>
          <DescriptionListTerm>Twilio</DescriptionListTerm>
          <CheckDetails check={readiness.twilio} testId="readiness-twilio">
            <Text as="span">{readiness.twilio.mode ? TWILIO_MODE_LABEL[readiness.twilio.mode] : 'Mode not reported by this API'}</Text>
          </CheckDetails>
        </DescriptionListSet>
        <DescriptionListSet>
          <DescriptionListTerm>Checked at</DescriptionListTerm>
          <DescriptionListDetails>
            <time dateTime={checkedAt.toISOString()}>{checkedAt.toLocaleTimeString()}</time>
          </DescriptionListDetails>
        </DescriptionListSet>
      </DescriptionList>
    </Stack>
  );
}
