'use client';
// Each Twilio step of a request, in the order it finished: what it did (created, reused…), how long it took, the
// SIDs it touched and, for a failure, Twilio's error.
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';
import { Timeline, TimelineItem } from '@twilio-paste/core/timeline';
import { ErrorIcon } from '@twilio-paste/icons/esm/ErrorIcon';
import { SuccessIcon } from '@twilio-paste/icons/esm/SuccessIcon';
import type { OutboundStep } from '../../lib/outbound/outbound.types';
import { durationBetween, formatDateTime, formatDuration } from '../common/format';
import { stepLabel } from './step-labels';

export function StepTimeline({ steps }: { steps: OutboundStep[] }) {
  return (
    <Timeline data-testid="step-timeline">
      {steps.map((step, index) => (
        <TimelineItem
          key={`${step.name}-${index}`}
          title={`${stepLabel(step.name)}: ${step.outcome}`}
          timestamp={formatDateTime(step.startedAt)}
          icon={step.error ? ErrorIcon : SuccessIcon}
          data-testid="step"
        >
          <Box display="flex" flexDirection="column" rowGap="space20">
            <Text as="span" color="colorTextWeak" data-testid="step-duration">
              Took {formatDuration(durationBetween(step.startedAt, step.finishedAt) ?? Number.NaN)}
            </Text>
            {Object.entries(step.sids).map(([name, sid]) => (
              <Text as="span" key={name} fontFamily="fontFamilyCode" fontSize="fontSize20">
                {name}: {sid}
              </Text>
            ))}
            {step.error ? (
              <Text as="span" color="colorTextError">
                {step.error.code}
                {step.error.twilioCode ? ` (Twilio ${step.error.twilioCode})` : ''}: {step.error.message}
              </Text>
            ) : null}
          </Box>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
