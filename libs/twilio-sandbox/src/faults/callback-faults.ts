import type { CallbackFaults } from './fault-config';

/**
 * What becomes of one delivery callback under `faults`: the delays (ms) of the copies to send, none when it is
 * dropped, two for a duplicate; `unordered` when it may overtake its resource's earlier callbacks.
 */
export function planCallbackCopies(faults: CallbackFaults, random: () => number = Math.random): { delaysMs: number[]; unordered: boolean } {
  if (random() < (faults.callbackDropRate ?? 0)) return { delaysMs: [], unordered: false };
  const copies = random() < (faults.callbackDuplicateRate ?? 0) ? 2 : 1;
  const reorderMs = faults.callbackReorderMs ?? 0;
  return {
    delaysMs: Array.from({ length: copies }, () => (reorderMs > 0 ? Math.floor(random() * (reorderMs + 1)) : 0)),
    unordered: reorderMs > 0,
  };
}
