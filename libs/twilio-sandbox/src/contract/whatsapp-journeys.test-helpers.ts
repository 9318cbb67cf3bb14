import type twilio from 'twilio';
import type { ContentCreateRequest } from 'twilio/lib/rest/content/v1/content';
import type { DemoAccount, SandboxControls } from '../index';
import { eventually } from '../testing/callback-receiver';

const PHONE = '+15557775101';
const CUSTOMER = `whatsapp:${PHONE}`;
const INBOUND_CUSTOMER = 'whatsapp:+15557775102';

export interface WhatsAppJourney {
  client: twilio.Twilio;
  account: DemoAccount;
  controls: SandboxControls;
}

/** Every Content API operation the sandbox serves, as `<domain>:<operationId>`. */
export const CONTENT_OPERATIONS: readonly string[] = [
  'content:CreateContent',
  'content:ListContent',
  'content:FetchContent',
  'content:DeleteContent',
  'content:ListContentAndApprovals',
  'content:CreateApprovalCreate',
  'content:FetchApprovalFetch',
];

/**
 * The WhatsApp journeys: the account's Content templates read as the product lists them, a template made and taken
 * through approval, a template and free text sent over Messaging, an agent's outbound WhatsApp Interaction whose
 * first message is a template, and a customer writing first to the WhatsApp sender. Reusable by any contract test
 * that wants its responses checked, on a seeded sandbox; its customers' numbers are its own.
 */
export async function walkWhatsAppJourneys(journey: WhatsAppJourney): Promise<void> {
  await readTemplates(journey);
  await manageTemplate(journey);
  await sendOverMessaging(journey);
  await startWhatsAppInteraction(journey);
  await receiveCustomerFirstWhatsApp(journey);
}

/** What `GET /api/v1/content-templates` reads: the templates with their WhatsApp approval, and one template. */
async function readTemplates({ client, account }: WhatsAppJourney): Promise<void> {
  const templates = await client.content.v1.contentAndApprovals.list();
  expect(templates.map((template) => template.sid)).toEqual(expect.arrayContaining(Object.values(account.contentTemplates)));
  await client.content.v1.contents.list({ pageSize: 2 });
  await client.content.v1.contents(account.contentTemplates.appointmentReminder).fetch();
}

async function manageTemplate({ client, controls }: WhatsAppJourney): Promise<void> {
  const body = {
    friendly_name: 'contract_notice',
    language: 'en',
    variables: { 1: 'there' },
    types: { 'twilio/text': { body: 'Hi {{1}}, this is a contract test.' } },
  };
  const template = await client.content.v1.contents.create(body as unknown as ContentCreateRequest);
  await expect(client.content.v1.contents.create({ ...body, language: undefined } as unknown as ContentCreateRequest)).rejects.toMatchObject({
    status: 400,
  });
  await client.content.v1.contents(template.sid).approvalFetch().fetch();
  await client.content.v1.contents(template.sid).approvalCreate.create({ name: 'contract_notice', category: 'UTILITY' });
  await controls.setContentApproval(template.sid, { status: 'approved' });
  await client.content.v1.contents(template.sid).approvalFetch().fetch();
  await client.content.v1.contents(template.sid).remove();
  await expect(client.content.v1.contents(template.sid).fetch()).rejects.toMatchObject({ status: 404 });
}

async function sendOverMessaging({ client, account }: WhatsAppJourney): Promise<void> {
  const [sender] = account.whatsappSenders;
  const template = await client.messages.create({
    from: sender,
    to: CUSTOMER,
    contentSid: account.contentTemplates.appointmentConfirmation,
    contentVariables: JSON.stringify({ 1: 'Ada', 2: 'Thursday' }),
  });
  const freeText = await client.messages.create({ from: sender, to: CUSTOMER, body: 'Outside the window' });
  await eventually(async () => ((await client.messages(freeText.sid).fetch()).status === 'failed' ? true : undefined), 'the 63016 failure');
  await client.messages(template.sid).fetch();
  await expect(client.messages.create({ from: sender, to: CUSTOMER, contentSid: `HX${'0'.repeat(32)}` })).rejects.toMatchObject({
    status: 400,
    code: 21655,
  });
}

async function startWhatsAppInteraction({ client, account }: WhatsAppJourney): Promise<void> {
  const [sender] = account.whatsappSenders;
  const interaction = await client.flexApi.v1.interaction.create({
    channel: { type: 'whatsapp', initiated_by: 'agent', participants: [{ address: 'whatsapp:+15557775103', proxy_address: sender }] },
    routing: { properties: { workspace_sid: account.workspaceSid, workflow_sid: account.workflowSid, task_channel_unique_name: 'chat' } },
  });
  const [channel] = await client.flexApi.v1.interaction(interaction.sid).channels.list();
  const [invite] = await client.flexApi.v1.interaction(interaction.sid).channels(channel.sid).invites.list();
  const task = await client.taskrouter.v1
    .workspaces(account.workspaceSid)
    .tasks((invite.routing as { task_sid: string }).task_sid)
    .fetch();
  const conversation = client.conversations.v1.conversations(JSON.parse(task.attributes).conversationSid as string);
  await conversation.participants.list();
  const first = await conversation.messages.create({
    author: 'agent.alice',
    contentSid: account.contentTemplates.appointmentReminder,
    contentVariables: JSON.stringify({ 1: 'Grace', 2: 'Monday' }),
  });
  const [receipt] = await eventually(async () => {
    const receipts = await conversation.messages(first.sid).deliveryReceipts.list();
    return receipts.length ? receipts : undefined;
  }, 'the template’s receipt');
  await conversation.messages(first.sid).deliveryReceipts(receipt.sid).fetch();
  await conversation.messages(first.sid).fetch();
  await expect(conversation.messages.create({ contentSid: `HX${'0'.repeat(32)}` })).rejects.toMatchObject({ status: 400, code: 50526 });
}

async function receiveCustomerFirstWhatsApp({ client, account, controls }: WhatsAppJourney): Promise<void> {
  const [sender] = account.whatsappSenders;
  const [configuration] = await client.conversations.v1.addressConfigurations.list({ type: 'whatsapp' });
  await client.conversations.v1.addressConfigurations(configuration.sid).fetch();
  const outcome = await controls.sendInboundSms({ from: INBOUND_CUSTOMER, to: sender, body: 'Hello from WhatsApp' });
  await client.conversations.v1.conversations(outcome.conversationSid!).messages.list();
  await client.conversations.v1.conversations(outcome.conversationSid!).participants.list();
  await client.messages.list({ from: INBOUND_CUSTOMER });
}
