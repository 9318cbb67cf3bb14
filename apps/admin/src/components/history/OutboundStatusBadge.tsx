'use client';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import { STATUS_LABEL, type OutboundStatus } from '../../lib/outbound/outbound.types';

const VARIANT: Record<OutboundStatus, StatusBadgeProps['variant']> = {
  in_flight: 'ProcessInProgress',
  succeeded: 'ProcessSuccess',
  failed: 'ProcessError',
  rolled_back: 'ProcessWarning',
};

export function OutboundStatusBadge({ status }: { status: OutboundStatus }) {
  return (
    <StatusBadge as="span" variant={VARIANT[status] ?? 'ProcessNeutral'} data-testid="outbound-status">
      {STATUS_LABEL[status] ?? status}
    </StatusBadge>
  );
}
