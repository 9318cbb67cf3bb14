// Which numbers each Send form can use, from the account's Flex Flows, by the rules the API applies
// (libs/flex-sms-domain/src/flex-flows/select-flex-flow.ts): the agent flow needs an sms Flex Flow of type task,
// enabled or not (Flex's own guidance keeps it disabled: it is only used through the API); the fire-and-forget flow
// needs an enabled sms Flex Flow of type studio, since a disabled one would not hand replies to Studio.
import type { SendKind } from '../outbound/send-form-validation';
import type { FlexFlow } from './flex-flow.types';

export interface SendableNumber {
  number: string;
  flexFlow: FlexFlow;
}

function usableFor(kind: SendKind, flow: FlexFlow): boolean {
  if (flow.channelType !== 'sms') return false;
  return kind === 'task' ? flow.integrationType === 'task' : flow.integrationType === 'studio' && flow.enabled;
}

/** One entry per number, sorted, with the flow the API will use (an enabled one first when a number has several). */
export function sendableNumbers(flows: readonly FlexFlow[], kind: SendKind): SendableNumber[] {
  const byNumber = new Map<string, FlexFlow>();
  for (const flow of flows.filter((candidate) => usableFor(kind, candidate))) {
    const current = byNumber.get(flow.contactIdentity);
    if (!current || (!current.enabled && flow.enabled)) byNumber.set(flow.contactIdentity, flow);
  }
  return [...byNumber.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([number, flexFlow]) => ({ number, flexFlow }));
}

/** The table's grouping: each number (contact identity) with its flows, numbers sorted. */
export function flexFlowsByNumber(flows: readonly FlexFlow[]): Array<{ number: string; flows: FlexFlow[] }> {
  const groups = new Map<string, FlexFlow[]>();
  for (const flow of flows) groups.set(flow.contactIdentity, [...(groups.get(flow.contactIdentity) ?? []), flow]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([number, grouped]) => ({ number, flows: grouped }));
}
