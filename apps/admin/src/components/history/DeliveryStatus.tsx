'use client';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import { Text } from '@twilio-paste/core/text';
import { deliveryLabel, type Delivery, type DeliveryStatus as Status } from '../../lib/outbound/outbound.types';

const VARIANT: Record<Status, StatusBadgeProps['variant']> = {
  accepted: 'ProcessNeutral',
  queued: 'ProcessInProgress',
  sent: 'ProcessInProgress',
  delivered: 'ProcessSuccess',
  read: 'ProcessSuccess',
  undelivered: 'ProcessError',
  failed: 'ProcessError',
};

/** "Undelivered (30007)", and in plain words what it means and what to do (the API's explanation of the code). */
export function DeliveryStatus({ delivery }: { delivery: Delivery | null }) {
  if (!delivery) {
    return (
      <Text as="span" color="colorTextWeak">
        —
      </Text>
    );
  }
  return (
    <>
      <StatusBadge as="span" variant={VARIANT[delivery.status] ?? 'ProcessNeutral'} data-testid="delivery-status">
        {deliveryLabel(delivery)}
      </StatusBadge>
      {delivery.explanation ? (
        <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginTop="space20" data-testid="delivery-explanation">
          {delivery.explanation.charAt(0).toUpperCase() + delivery.explanation.slice(1)}
        </Text>
      ) : null}
    </>
  );
}
