/**
 * Where an outbound message is, in Twilio's words (Message resource `status`, Conversations delivery receipt
 * `status`, Proxy interaction `outbound_resource_status`). `accepted`: Twilio took the request and has not said
 * more yet (also the product's state before any callback came).
 */
export const DELIVERY_STATUSES = ['accepted', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * How far a message got: callbacks arrive late, twice or out of order (Twilio retries, and does not promise order
 * across attempts), so a status only replaces one with a lower rank. `undelivered`/`failed` are final too: only a
 * later `delivered` or `read` for the same message proves the carrier did hand it over after all.
 */
const RANK: Record<DeliveryStatus, number> = { accepted: 0, queued: 1, sent: 2, delivered: 3, read: 4, undelivered: 3, failed: 3 };
const FAILED: ReadonlySet<DeliveryStatus> = new Set(['undelivered', 'failed']);

/** Whether a report of `next` moves a message that is at `current` (null: nothing recorded yet). */
export function supersedes(next: DeliveryStatus, current: DeliveryStatus | null): boolean {
  if (current === null) return true;
  if (FAILED.has(current)) return next === 'delivered' || next === 'read';
  if (FAILED.has(next)) return RANK[current] < RANK.delivered;
  return RANK[next] > RANK[current];
}

/** The statuses a report of `next` replaces: what a store's conditional update may find and overwrite. */
export function statusesSupersededBy(next: DeliveryStatus): DeliveryStatus[] {
  return DELIVERY_STATUSES.filter((current) => supersedes(next, current));
}

/** No callback will change it any more in practice: reconciliation leaves it alone. (`delivered` may still be `read`.) */
export function isSettled(status: DeliveryStatus | null): boolean {
  return status === 'delivered' || status === 'read' || status === 'undelivered' || status === 'failed';
}

/**
 * Twilio's status words onto ours. The Message resource has more (`scheduled`, `sending`, `canceled`,
 * `partially_delivered`, `receiving`, `received`): the outbound ones fold into the nearest step, inbound ones and
 * unknown words are not delivery news (null).
 */
export function toDeliveryStatus(twilioStatus: string | null | undefined): DeliveryStatus | null {
  switch (twilioStatus?.toLowerCase()) {
    case 'accepted':
    case 'scheduled':
      return 'accepted';
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'partially_delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}
