import type twilio from 'twilio';
import type { DemoAccount, SandboxControls } from '../index';
import { eventually } from '../testing/callback-receiver';

const CUSTOMER = '+15557774001';
const INBOUND_CUSTOMER = '+15557774002';

export interface ConversationsJourney {
  client: twilio.Twilio;
  account: DemoAccount;
  controls: SandboxControls;
}

/** Every Conversations and Flex Interactions operation the sandbox serves, as `<domain>:<operationId>`. */
export const CONVERSATIONS_OPERATIONS: readonly string[] = [
  'conversations:ListConversation',
  'conversations:CreateConversation',
  'conversations:FetchConversation',
  'conversations:UpdateConversation',
  'conversations:DeleteConversation',
  'conversations:ListConversationParticipant',
  'conversations:CreateConversationParticipant',
  'conversations:FetchConversationParticipant',
  'conversations:DeleteConversationParticipant',
  'conversations:ListConversationMessage',
  'conversations:CreateConversationMessage',
  'conversations:FetchConversationMessage',
  'conversations:ListConversationScopedWebhook',
  'conversations:CreateConversationScopedWebhook',
  'conversations:FetchConversationScopedWebhook',
  'conversations:UpdateConversationScopedWebhook',
  'conversations:DeleteConversationScopedWebhook',
  'conversations:ListConversationMessageReceipt',
  'conversations:FetchConversationMessageReceipt',
  'conversations:ListServiceConversationMessageReceipt',
  'conversations:FetchServiceConversationMessageReceipt',
  'conversations:FetchConfigurationWebhook',
  'conversations:UpdateConfigurationWebhook',
  'conversations:FetchServiceWebhookConfiguration',
  'conversations:UpdateServiceWebhookConfiguration',
  'conversations:ListConfigurationAddress',
  'conversations:CreateConfigurationAddress',
  'conversations:FetchConfigurationAddress',
  'conversations:UpdateConfigurationAddress',
  'conversations:DeleteConfigurationAddress',
  'flex-api:CreateInteraction',
  'flex-api:FetchInteraction',
  'flex-api:ListInteractionChannel',
  'flex-api:FetchInteractionChannel',
  'flex-api:UpdateInteractionChannel',
  'flex-api:ListInteractionChannelInvite',
  'flex-api:CreateInteractionChannelInvite',
  'flex-api:ListInteractionChannelParticipant',
  'flex-api:CreateInteractionChannelParticipant',
  'flex-api:UpdateInteractionChannelParticipant',
];

/**
 * The conversations-mode journeys (Flex UI 2.x): an agent starting an outbound SMS through an Interaction, the
 * conversation's messages both ways, a customer texting a number whose Address Configuration auto-creates a
 * conversation for Studio, the clean-up, and the conflicts. Reusable by any contract test that wants its responses
 * checked: on a seeded sandbox, alone or after the Programmable Chat journeys of sandbox-contract.spec.ts (its
 * customers' numbers are its own).
 */
export async function walkConversationsJourneys(journey: ConversationsJourney): Promise<void> {
  const conversationSid = await startOutboundInteraction(journey);
  await exchangeMessages(journey, conversationSid);
  await receiveCustomerFirstSms(journey);
  await manageConversationsDirectly(journey);
}

function routing(account: DemoAccount, attributes: Record<string, unknown> = {}) {
  return { properties: { workspace_sid: account.workspaceSid, workflow_sid: account.workflowSid, task_channel_unique_name: 'sms', attributes } };
}

async function startOutboundInteraction({ client, account }: ConversationsJourney): Promise<string> {
  const channel = { type: 'sms', initiated_by: 'agent', participants: [{ address: CUSTOMER, proxy_address: account.numbers[0] }] };
  const interaction = await client.flexApi.v1.interaction.create({ channel, routing: routing(account, { customerName: 'Ada' }) });
  await expect(client.flexApi.v1.interaction.create({ channel, routing: routing(account) })).rejects.toMatchObject({ status: 409, code: 50416 });
  await client.flexApi.v1.interaction(interaction.sid).fetch();
  const [interactionChannel] = await client.flexApi.v1.interaction(interaction.sid).channels.list();
  const channelApi = client.flexApi.v1.interaction(interaction.sid).channels(interactionChannel.sid);
  await channelApi.fetch();
  const [invite] = await channelApi.invites.list();
  await channelApi.invites.create({ routing: routing(account, { escalation: true }) });
  const agent = await channelApi.participants.create({ type: 'agent', mediaProperties: { identity: 'agent.alice' } });
  await channelApi.participants.list();
  await channelApi.participants(agent.sid).update({ status: 'wrapup' });
  const task = await client.taskrouter.v1
    .workspaces(account.workspaceSid)
    .tasks((invite.routing as { task_sid: string }).task_sid)
    .fetch();
  return JSON.parse(task.attributes).conversationSid as string;
}

async function exchangeMessages({ client, account, controls }: ConversationsJourney, conversationSid: string): Promise<void> {
  const conversation = client.conversations.v1.conversations(conversationSid);
  const message = await conversation.messages.create({ author: 'agent.alice', body: 'Hello from Flex' });
  await conversation.messages(message.sid).fetch();
  // The SMS leg's receipt appears once it is sent: what a reconciliation job reads, by both URL forms.
  const [receipt] = await eventually(async () => {
    const receipts = await conversation.messages(message.sid).deliveryReceipts.list();
    return receipts.length ? receipts : undefined;
  }, 'a delivery receipt');
  await conversation.messages(message.sid).deliveryReceipts(receipt.sid).fetch();
  const serviceScoped = client.conversations.v1
    .services(account.chatServiceSid)
    .conversations(conversationSid)
    .messages(message.sid).deliveryReceipts;
  await serviceScoped.list();
  await serviceScoped(receipt.sid).fetch();
  await controls.sendInboundSms({ from: CUSTOMER, to: account.numbers[0], body: 'Hello back' });
  await conversation.messages.list({ order: 'desc' });
  const participants = await conversation.participants.list();
  await conversation.participants(participants[0].sid).fetch();
  await conversation.fetch();
  // A second interaction on the same conversation (as Studio's Send to Flex does for a customer's conversation).
  const interaction = await client.flexApi.v1.interaction.create({
    channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversationSid } },
    routing: routing(account),
  });
  const [channel] = await client.flexApi.v1.interaction(interaction.sid).channels.list();
  await client.flexApi.v1
    .interaction(interaction.sid)
    .channels(channel.sid)
    .update({ status: 'closed', routing: { status: 'closed' } });
}

async function receiveCustomerFirstSms({ client, account, controls }: ConversationsJourney): Promise<void> {
  const configurations = await client.conversations.v1.addressConfigurations.list({ type: 'sms' });
  const configuration = configurations.find((candidate) => candidate.address === account.numbers[1])!;
  await client.conversations.v1.addressConfigurations(configuration.sid).fetch();
  await client.conversations.v1.addressConfigurations(configuration.sid).update({ 'autoCreation.enabled': true });
  const outcome = await controls.sendInboundSms({ from: INBOUND_CUSTOMER, to: account.numbers[1], body: 'I have a question' });
  await client.conversations.v1.conversations(outcome.conversationSid!).webhooks.list();
  await client.conversations.v1.conversations.list({ state: 'active' });
}

async function manageConversationsDirectly({ client, account }: ConversationsJourney): Promise<void> {
  await expect(client.conversations.v1.addressConfigurations.create({ type: 'sms', address: account.numbers[0] })).rejects.toMatchObject({
    status: 400,
  });
  const conversation = await client.conversations.v1.conversations.create({ friendlyName: 'Contract', 'timers.closed': 'PT1H' });
  const api = client.conversations.v1.conversations(conversation.sid);
  await api.update({ state: 'inactive' });
  const participant = await api.participants.create({
    'messagingBinding.address': '+15557774003',
    'messagingBinding.proxyAddress': account.numbers[0],
  });
  await expect(
    api.participants.create({ 'messagingBinding.address': account.numbers[0], 'messagingBinding.proxyAddress': account.numbers[0] }),
  ).rejects.toMatchObject({ status: 400, code: 50409 });
  const webhook = await api.webhooks.create({ target: 'studio', 'configuration.flowSid': account.studioFlowSid });
  await api.webhooks(webhook.sid).fetch();
  await api.webhooks(webhook.sid).update({ 'configuration.flowSid': account.studioFlowSid, 'configuration.filters': ['onMessageAdded'] });
  await api.webhooks(webhook.sid).remove();
  await api.participants(participant.sid).remove();
  await api.remove();
  await expect(api.fetch()).rejects.toMatchObject({ status: 404 });

  // Where the product registers for delivery events: the service's and the account's webhook configuration. The
  // URLs point at this machine's discard port, and are cleared again.
  const serviceWebhooks = client.conversations.v1.services(account.chatServiceSid).configuration.webhooks();
  await serviceWebhooks.fetch();
  await serviceWebhooks.update({
    postWebhookUrl: 'http://127.0.0.1:9/conversations',
    method: 'POST',
    filters: ['onDeliveryUpdated', 'onMessageAdded'],
  });
  await serviceWebhooks.update({ postWebhookUrl: '' });
  const accountWebhooks = client.conversations.v1.configuration.webhooks();
  await accountWebhooks.fetch();
  await accountWebhooks.update({ target: 'webhook', method: 'POST', filters: ['onDeliveryUpdated'], postWebhookUrl: 'http://127.0.0.1:9/account' });
  await accountWebhooks.update({ postWebhookUrl: '' });

  // Re-configuring a number: its Address Configuration deleted, then made again with a webhook handler.
  const [configuration] = await client.conversations.v1.addressConfigurations.list();
  await client.conversations.v1.addressConfigurations(configuration.sid).remove();
  await client.conversations.v1.addressConfigurations.create({
    type: 'sms',
    address: configuration.address,
    friendlyName: 'Re-made',
    'autoCreation.enabled': true,
    'autoCreation.type': 'webhook',
    'autoCreation.webhookUrl': 'https://example.invalid/conversations',
  });
}
