import { ConversationAddressInUse } from '../../errors';
import type { Conversation } from '../../ports/conversation.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { PhoneNumber } from '../../value-objects/phone-number.value-object';
import { channelAddress, type OutboundChannel } from '../../outbound/outbound-channel';
import { allSettledOrThrow } from '../all-settled-or-throw';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';
import { reusableConversation } from './resolve-conversation-conflict';

export interface OpenSmsConversationRequest {
  channel: OutboundChannel;
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
  /** The Studio flow that takes the customer's replies (the number's Studio Flex Flow). */
  studioFlowSid: string;
  /** For a conflict: where an agent's task on the customer's conversation would be. */
  workspaceSid: () => Promise<string | undefined>;
}

export interface OpenedConversation {
  conversation: Conversation;
  /** False when the customer's active conversation with the number (held by no task) was reused. */
  created: boolean;
}

type Deps = Pick<OutboundSmsDependencies, 'conversations' | 'interactions' | 'retrier'>;

/** Deterministic per request: a create that may have happened is fetched by it before being sent again. */
export function conversationUniqueName(requestId: string): string {
  return `outbound-sms-${requestId}`;
}

/**
 * A conversation for a fire-and-forget SMS: created, then the customer added as SMS participant beside the Studio
 * webhook that takes replies (one round trip for both). When the customer's pair is already bound elsewhere, the
 * conversation just made is removed at once (never an empty orphan) and the customer's own conversation is reused.
 */
export async function openSmsConversation(deps: Deps, steps: StepRecorder, request: OpenSmsConversationRequest): Promise<OpenedConversation> {
  const conversation = await createConversation(deps, steps, request);
  try {
    await allSettledOrThrow([
      addCustomer(deps, steps, conversation, request),
      attachStudioFlow(deps, steps, conversation, request.studioFlowSid),
    ] as const);
    return { conversation, created: true };
  } catch (error) {
    if (!(error instanceof ConversationAddressInUse)) throw error;
    await removeEmptyConversation(deps, steps, conversation);
    const holder = await reusableConversation(deps, request, error);
    return { conversation: holder, created: false };
  }
}

function createConversation(deps: Deps, steps: StepRecorder, request: OpenSmsConversationRequest): Promise<Conversation> {
  return steps.run('conversation', async () => {
    const uniqueName = conversationUniqueName(steps.requestId);
    const conversation = await deps.retrier.run(
      'create Conversation',
      () =>
        deps.conversations.createConversation({
          friendlyName: `${request.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'} ${request.toNumber.e164}`,
          uniqueName,
          attributes: { outboundSmsRequestId: steps.requestId, name: request.toName },
        }),
      { kind: 'lookup-before-repeat', lookup: () => deps.conversations.fetchConversation(uniqueName) },
    );
    return { value: conversation, outcome: 'created', sids: { conversationSid: conversation.sid, chatServiceSid: conversation.chatServiceSid } };
  });
}

function addCustomer(deps: Deps, steps: StepRecorder, conversation: Conversation, request: OpenSmsConversationRequest): Promise<void> {
  return steps.run('conversation-participant', async () => {
    const participant = {
      address: channelAddress(request.channel, request.toNumber),
      proxyAddress: channelAddress(request.channel, request.fromNumber),
    };
    const added = await deps.retrier.run(
      'add the customer SMS participant',
      () => deps.conversations.addSmsParticipant(conversation.sid, participant),
      {
        kind: 'lookup-before-repeat',
        lookup: async () =>
          (await deps.conversations.listParticipants(conversation.sid)).find((candidate) => candidate.address === participant.address) ?? null,
      },
    );
    return { value: undefined, outcome: 'created', sids: { conversationSid: conversation.sid, participantSid: added.sid } };
  });
}

function attachStudioFlow(deps: Deps, steps: StepRecorder, conversation: Conversation, studioFlowSid: string): Promise<void> {
  return steps.run('conversation-webhook', async () => {
    // `once`: a repeat could add a second Studio webhook, and every reply would then start the flow twice.
    const webhook = await deps.retrier.run('attach the Studio flow', () => deps.conversations.attachStudioFlow(conversation.sid, studioFlowSid), {
      kind: 'once',
    });
    return { value: undefined, outcome: 'created', sids: { conversationSid: conversation.sid, webhookSid: webhook.sid, studioFlowSid } };
  });
}

function removeEmptyConversation(deps: Deps, steps: StepRecorder, conversation: Conversation): Promise<void> {
  return steps.run('conversation', async () => {
    await deps.retrier.run('remove the empty Conversation', () => deps.conversations.removeConversation(conversation.sid), IDEMPOTENT);
    return {
      value: undefined,
      outcome: 'removed',
      sids: { conversationSid: conversation.sid },
      data: { reason: 'the customer is in another conversation' },
    };
  });
}
