'use client';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import type { ProxySessionStatus } from '../../lib/proxy-sessions/proxy-session.types';

const VARIANT: Record<ProxySessionStatus, StatusBadgeProps['variant']> = {
  open: 'ProcessSuccess',
  'in-progress': 'ProcessInProgress',
  closed: 'ProcessDisabled',
  failed: 'ProcessError',
  unknown: 'ProcessNeutral',
};

export function ProxySessionStatusBadge({ status }: { status: ProxySessionStatus }) {
  return (
    <StatusBadge as="span" variant={VARIANT[status] ?? 'ProcessNeutral'}>
      {status}
    </StatusBadge>
  );
}
