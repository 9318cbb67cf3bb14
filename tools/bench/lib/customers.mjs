// Customer numbers for the runs. The sandbox's bulk seed uses +1555030xxxx…; ours start elsewhere so a bench
// customer never collides with a seeded session (which would turn a "new conversation" into a reuse).

/** The Twilio numbers of the sandbox's demo account (each with a Studio and a Task Flex Flow). */
export const DEMO_NUMBERS = ['+15550100001', '+15550100002'];

/** Distinct E.164 numbers +1415<block><index>: each `block` (0-9) gives 1,000,000 numbers. */
export function customerNumbers(block) {
  let next = 0;
  return () => `+1415${block}${String(next++).padStart(6, '0')}`;
}
