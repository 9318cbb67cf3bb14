import { describeTwilioError, type DeliveryStatus, type MessageDelivery } from '@flex-sms/domain';

/** The `delivery` of a request as the history routes show it. */
export interface DeliveryView {
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
  explanation: string | null;
  updatedAt: Date;
}

/**
 * A request's delivery: what Twilio reported for its message, or `accepted` for a message sent that nothing has been
 * reported about yet; null when the request sent no message (it failed, or an agent request without a first message).
 */
export function deliveryView(
  entry: { status: string; result: Record<string, unknown> | null; finishedAt: Date | null },
  delivery: MessageDelivery | undefined,
): DeliveryView | null {
  if (delivery) {
    const { status, errorCode, errorMessage, updatedAt } = delivery;
    return { status, errorCode, errorMessage, explanation: describeTwilioError(errorCode), updatedAt };
  }
  const message = entry.result?.message as { sid?: unknown } | undefined;
  if (entry.status !== 'succeeded' || typeof message?.sid !== 'string') return null;
  return { status: 'accepted', errorCode: null, errorMessage: null, explanation: null, updatedAt: entry.finishedAt ?? new Date(0) };
}
