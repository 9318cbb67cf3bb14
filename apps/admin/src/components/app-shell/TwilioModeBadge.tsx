'use client';
// Tells the operator, on every page, whether actions reach real customers (Twilio) or the embedded sandbox.
import { StatusBadge } from '@twilio-paste/core/status';
import { useReadiness } from '../../hooks/use-health';

export function TwilioModeBadge() {
  const { data } = useReadiness();
  switch (data?.twilio.mode) {
    case 'sandbox':
      return (
        <StatusBadge as="span" variant="ProcessWarning" data-testid="twilio-mode-badge">
          Sandbox: no real SMS
        </StatusBadge>
      );
    case 'twilio':
      return (
        <StatusBadge as="span" variant="ConnectivityAvailable" data-testid="twilio-mode-badge">
          Live Twilio account
        </StatusBadge>
      );
    default:
      return null;
  }
}
