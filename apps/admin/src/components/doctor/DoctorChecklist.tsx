'use client';
// The doctor's findings for a number, worst first is not needed: the checks come in set-up order (number, flows,
// services), which is also the order to fix them in.
import { Box } from '@twilio-paste/core/box';
import { InlineCode } from '@twilio-paste/core/inline-code';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import { Text } from '@twilio-paste/core/text';
import type { CheckStatus, NumberDiagnosis } from '../../lib/doctor/diagnosis.types';

const BADGE: Record<CheckStatus, { variant: StatusBadgeProps['variant']; label: string }> = {
  ok: { variant: 'ProcessSuccess', label: 'OK' },
  warning: { variant: 'ProcessWarning', label: 'Warning' },
  error: { variant: 'ProcessError', label: 'Problem' },
};

const VERDICT: Record<CheckStatus, string> = {
  ok: 'Ready for both outbound flows.',
  warning: 'Works, with warnings worth a look.',
  error: 'Not ready: fix the problems below.',
};

export function DoctorChecklist({ diagnosis }: { diagnosis: NumberDiagnosis }) {
  return (
    <Box data-testid="doctor-checklist">
      <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space60" role="status">
        <StatusBadge as="span" variant={BADGE[diagnosis.status].variant} data-testid="doctor-verdict">
          {diagnosis.number}: {BADGE[diagnosis.status].label}
        </StatusBadge>
        <Text as="span">{VERDICT[diagnosis.status]}</Text>
      </Box>
      <Box as="ul" margin="space0" padding="space0" listStyleType="none" display="flex" flexDirection="column" rowGap="space50">
        {diagnosis.checks.map((check) => (
          <Box
            as="li"
            key={check.id}
            data-testid="doctor-check"
            data-status={check.status}
            borderStyle="solid"
            borderWidth="borderWidth10"
            borderColor={check.status === 'ok' ? 'colorBorderWeak' : check.status === 'warning' ? 'colorBorderWarning' : 'colorBorderError'}
            borderRadius="borderRadius30"
            padding="space50"
          >
            <Box display="flex" alignItems="center" columnGap="space30" flexWrap="wrap">
              <StatusBadge as="span" variant={BADGE[check.status].variant}>
                {BADGE[check.status].label}
              </StatusBadge>
              <Text as="h3" fontWeight="fontWeightSemibold">
                {check.title}
              </Text>
            </Box>
            <Text as="p" marginTop="space30">
              {check.detail}
            </Text>
            {check.fix ? (
              <Text as="p" marginTop="space30" data-testid="doctor-fix">
                <Text as="span" fontWeight="fontWeightSemibold">
                  Fix:{' '}
                </Text>
                {/* API calls are shown as code, to copy as they are. */}
                {/^(GET|POST|PATCH|PUT|DELETE) /.test(check.fix) ? <InlineCode>{check.fix}</InlineCode> : check.fix}
              </Text>
            ) : null}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
