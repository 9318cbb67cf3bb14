import type { Clock } from './clock';
import { Collection, type CollectionSnapshot } from './collection';
import { SandboxState } from './state';

/** The product stores of a SandboxState: everything an account holds. */
const STORES = ['flex', 'chat', 'proxy', 'taskrouter', 'studio', 'api', 'conversations', 'interactions', 'handsets', 'content'] as const;
type StoreName = (typeof STORES)[number];

/** Bumped when a saved state can no longer be read as it is. */
const SNAPSHOT_VERSION = 1;

/** A SandboxState as JSON data, with the account description the sandbox hands out beside it. */
export interface SandboxSnapshot<Account> {
  version: number;
  account: Account;
  credentials: SandboxState['account'];
  sids: { seed: string; issued: number };
  stores: Record<StoreName, Record<string, unknown>>;
}

/**
 * The whole state as JSON data. Stores are walked field by field, so a field added to a store is saved without a
 * change here; the few non-JSON values they hold (Date, Map, Set, Collection) are tagged to come back as they were.
 */
export function snapshotState<Account>(state: SandboxState, account: Account): SandboxSnapshot<Account> {
  const stores = {} as SandboxSnapshot<Account>['stores'];
  for (const name of STORES) stores[name] = encode({ ...state[name] }) as Record<string, unknown>;
  return { version: SNAPSHOT_VERSION, account, credentials: state.account, sids: state.sidCounter, stores };
}

/** The state a snapshot describes, on `clock`. Store fields the snapshot lacks (added since) keep their defaults. */
export function restoreState<Account>(snapshot: SandboxSnapshot<Account>, clock: Clock): { state: SandboxState; account: Account } {
  if (snapshot.version !== SNAPSHOT_VERSION)
    throw new Error(`saved sandbox state has version ${snapshot.version}, this sandbox reads ${SNAPSHOT_VERSION}`);
  const state = new SandboxState(snapshot.credentials, clock, snapshot.sids.seed, snapshot.sids.issued);
  for (const name of STORES) Object.assign(state[name], decode(snapshot.stores[name] ?? {}));
  return { state, account: snapshot.account };
}

/** How encode() tags what JSON cannot hold. */
interface Tagged {
  $date?: unknown;
  $map?: unknown;
  $set?: unknown;
  $collection?: unknown;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Collection) {
    const snapshot = value.snapshot();
    return { $collection: { ...snapshot, items: snapshot.items.map(encode) } };
  }
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [key, encode(item)]) };
  if (value instanceof Set) return { $set: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  const tagged = value as Tagged;
  if (typeof tagged.$date === 'string') return new Date(tagged.$date);
  if (Array.isArray(tagged.$map)) return new Map((tagged.$map as Array<[unknown, unknown]>).map(([key, item]) => [key, decode(item)]));
  if (Array.isArray(tagged.$set)) return new Set(tagged.$set.map(decode));
  if (tagged.$collection) {
    const snapshot = tagged.$collection as CollectionSnapshot<unknown>;
    return Collection.restore({ ...snapshot, items: snapshot.items.map(decode) as Array<{ sid: string }> });
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
}
