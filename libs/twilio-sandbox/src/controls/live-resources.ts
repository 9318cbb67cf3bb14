import { Collection } from '../core/collection';
import type { SandboxState } from '../core/state';

/** A resource in one of these states is over: closing, cancelling or completing it is how Twilio undoes it. */
const ENDED = new Set(['closed', 'canceled', 'completed', 'failed', 'ended']);
const STATUS_FIELDS = ['status', 'assignmentStatus', 'state'] as const;
/**
 * Made by Twilio after a request, not by one: a message's delivery receipts arrive as the carrier reports, so a
 * count taken right after a later request would blame it for an earlier message's receipt (the OpenAPI fuzz did).
 */
const CONSEQUENCES = new Set(['conversations.receipts']);

/**
 * How many resources of each kind the account holds that are not over (`proxy.sessions`: open or in-progress;
 * `chat.messagesByChannel`: every channel's messages), keyed `<store>.<field>`. Tests compare two of these to see
 * what a request left behind: a count that went up is something created and not undone. Found by walking the
 * stores, so a collection added tomorrow is counted without a change here. Kinds with none are left out (a kind kept
 * per parent, a map of collections, has no collection to find until a parent has one).
 */
export function liveResources(state: SandboxState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [storeName, store] of Object.entries(state)) {
    if (store === null || typeof store !== 'object') continue;
    for (const [field, value] of Object.entries(store)) {
      const collections =
        value instanceof Collection ? [value] : value instanceof Map ? [...value.values()].filter((item) => item instanceof Collection) : [];
      const live = collections.reduce((sum, collection: Collection<{ sid: string }>) => sum + collection.filter(isLive).length, 0);
      if (live > 0 && !CONSEQUENCES.has(`${storeName}.${field}`)) counts[`${storeName}.${field}`] = live;
    }
  }
  return counts;
}

function isLive(resource: object): boolean {
  const record = resource as Record<string, unknown>;
  return !STATUS_FIELDS.some((field) => typeof record[field] === 'string' && ENDED.has(record[field]));
}
