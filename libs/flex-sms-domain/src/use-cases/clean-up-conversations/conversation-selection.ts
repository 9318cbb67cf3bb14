import { InvalidInput } from '../../errors';
import type { ConversationState } from '../../ports/conversation.port';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';
import { Sid } from '../../value-objects/sid.value-object';
import { MAX_EXPLICIT_SIDS } from '../clean-up-proxy-sessions/proxy-session-selection';

/** A closed conversation is final: only these can be closed. */
export const CLOSABLE_CONVERSATION_STATES: readonly ConversationState[] = ['active', 'inactive'];

/** Which conversations a clean-up closes: every given criterion must hold. At least one is required. */
export interface ConversationSelection {
  /** Default: both `active` and `inactive`. */
  states?: ConversationState[];
  /** Created more than this many hours before the job selects. */
  olderThanHours?: number;
  /** An SMS participant is reached through this Twilio number (its proxy address, E.164). */
  number?: string;
  /** Exactly these conversations (CH…). */
  conversationSids?: string[];
}

export interface ConversationCleanupOptions {
  /**
   * Leave a conversation an agent's task still holds (pending, reserved, assigned, wrapping): closing it would cut
   * the agent off mid-conversation. Default true.
   */
  keepWithOpenTask?: boolean;
}

/** Checks and normalises a selection (number to E.164); an empty one is refused, so no request closes everything by accident. */
export function readConversationSelection(input: ConversationSelection): ConversationSelection {
  const selection: ConversationSelection = {};
  if (input.states != null) {
    const unknown = input.states.filter((state) => !CLOSABLE_CONVERSATION_STATES.includes(state));
    if (unknown.length || input.states.length === 0) throw new InvalidInput('states', `must be some of ${CLOSABLE_CONVERSATION_STATES.join(', ')}`);
    selection.states = [...new Set(input.states)];
  }
  if (input.olderThanHours != null) {
    if (!(Number.isFinite(input.olderThanHours) && input.olderThanHours >= 0))
      throw new InvalidInput('olderThanHours', 'must be a number of hours >= 0');
    selection.olderThanHours = input.olderThanHours;
  }
  if (input.number != null) selection.number = PhoneNumber.parse(input.number, { field: 'number' }).e164;
  if (input.conversationSids != null) {
    if (input.conversationSids.length === 0 || input.conversationSids.length > MAX_EXPLICIT_SIDS)
      throw new InvalidInput('conversationSids', `must list 1 to ${MAX_EXPLICIT_SIDS} conversations`);
    input.conversationSids.forEach((sid, index) => Sid.parse(sid, 'CH', `conversationSids[${index}]`));
    selection.conversationSids = [...new Set(input.conversationSids)];
  }
  if (Object.keys(selection).length === 0)
    throw new InvalidInput('selection', 'select conversations by states, olderThanHours, number or conversationSids');
  return selection;
}
