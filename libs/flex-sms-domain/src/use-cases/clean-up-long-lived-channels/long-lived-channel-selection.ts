import { InvalidInput } from '../../errors';
import { Sid } from '../../value-objects/sid.value-object';

/** Which long-lived channels a clean-up touches. */
export interface LongLivedChannelSelection {
  /** No message or change for at least this many hours. */
  idleForHours: number;
  /** Only channels of these Flex Flows (FO…); default: every long-lived flow of the account. */
  flexFlowSids?: string[];
}

export function readLongLivedChannelSelection(input: LongLivedChannelSelection): LongLivedChannelSelection {
  if (!(typeof input.idleForHours === 'number' && Number.isFinite(input.idleForHours) && input.idleForHours >= 0)) {
    throw new InvalidInput('idleForHours', 'must be a number of hours >= 0');
  }
  const selection: LongLivedChannelSelection = { idleForHours: input.idleForHours };
  if (input.flexFlowSids != null) {
    input.flexFlowSids.forEach((sid, index) => Sid.parse(sid, 'FO', `flexFlowSids[${index}]`));
    selection.flexFlowSids = [...new Set(input.flexFlowSids)];
  }
  return selection;
}
