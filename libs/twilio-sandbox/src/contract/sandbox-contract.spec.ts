import { randomUUID } from 'node:crypto';
import type twilio from 'twilio';
import { SandboxControls, startSandbox, type DemoAccount, type RunningSandbox } from '../index';
import { loadOpenApiCatalog } from '../spec';
import { ContractLog } from './contract-log.test-helpers';
import { walkConversationsJourneys } from './conversations-journeys.test-helpers';
import { PRODUCT_OPERATIONS } from './product-operations.test-helpers';
import { sandboxRouteOperations } from './sandbox-routes.test-helpers';
import { sandboxTarget, validatingTwilioClient } from './validating-request-client.test-helpers';
import { walkWhatsAppJourneys } from './whatsapp-journeys.test-helpers';

const CUSTOMER = '+15557770001';
const SECOND_CUSTOMER = '+15557770002';
const INBOUND_CUSTOMER = '+15557770003';
const AGENT = 'agent.alice';
/** The product names each Flex channel's chat identity with a fresh UUID, as the original Functions did. */
const chatIdentity = () => randomUUID();

interface Journey {
  client: twilio.Twilio;
  account: DemoAccount;
  controls: SandboxControls;
}

/**
 * Every response of the sandbox that the product relies on, checked against Twilio's official OpenAPI schemas
 * (twilio-oai): the SDK goes through a RequestClient that validates each body as it arrives, while the test walks
 * the product's journeys (FlexFlow set-up, an agent starting an SMS conversation, a customer texting first,
 * clean-up, WhatsApp with Content templates) and its error paths.
 */
describe('sandbox contract with Twilio OpenAPI specs', () => {
  let sandbox: RunningSandbox;
  const log = new ContractLog();

  // The whole journey, with the specs loaded and compiled on the way, takes 4-5 s on a busy 2-core machine: more
  // than jest's default 5 s allows a hook.
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const journey: Journey = {
      client: validatingTwilioClient(sandbox.url, sandbox.account.accountSid, sandbox.account.authToken, log),
      account: sandbox.account,
      controls: new SandboxControls(sandbox.url),
    };
    await readAccountSetUp(journey);
    const flexFlowSid = await manageFlexFlow(journey);
    await startAgentConversation(journey, flexFlowSid);
    await journey.client.flexApi.v1.flexFlow(flexFlowSid).remove();
    await receiveCustomerFirstSms(journey);
    await useRemainingSandboxEndpoints(journey);
    await provokeErrors(journey, sandbox.url, log);
    await walkConversationsJourneys(journey);
    await walkWhatsAppJourneys(journey);
  }, 30_000);

  afterAll(() => sandbox?.close());

  it('answers every request with a body that matches its schema', () => {
    expect(log.violationReport()).toEqual([]);
  });

  it('has exercised every operation the product uses', () => {
    const exercised = log.succeededOperations();
    expect(PRODUCT_OPERATIONS.filter((operation) => !exercised.has(operation))).toEqual([]);
  });

  it('serves only operations of the specs, and every one of them was exercised', () => {
    const exercised = log.succeededOperations();
    const routes = sandboxRouteOperations(loadOpenApiCatalog());
    expect(routes.filter(({ operation }) => !operation).map(({ route }) => route)).toEqual([]);
    expect(routes.filter(({ operation }) => !exercised.has(operation as string)).map(({ route }) => route)).toEqual([]);
  });

  it("has checked Twilio's error body for the errors the product handles (400, 401, 404, 409)", () => {
    expect([...log.errorStatuses()]).toEqual(expect.arrayContaining([400, 401, 404, 409]));
  });

  describe('request parameters against the spec', () => {
    const flexFlowForm = () => ({
      FriendlyName: 'Contract test flow',
      ChatServiceSid: sandbox.account.chatServiceSid,
      ChannelType: 'sms',
      IntegrationType: 'task',
      'Integration.WorkspaceSid': sandbox.account.workspaceSid,
      'Integration.WorkflowSid': sandbox.account.workflowSid,
    });

    it('refuses a form parameter the spec does not know, naming it', async () => {
      const { status, body } = await rawRequest('POST', '/flex-api/v1/FlexFlows', { ...flexFlowForm(), Colour: 'red' });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 20001, message: expect.stringContaining('Colour') });
    });

    it('refuses a query parameter the spec does not know, naming it', async () => {
      const { status, body } = await rawRequest('GET', '/flex-api/v1/FlexFlows?Colour=red');
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 20001, message: expect.stringContaining('Colour') });
    });

    it('refuses a request that leaves out a required parameter, naming it', async () => {
      const { ChannelType: _omitted, ...form } = flexFlowForm();
      const { status, body } = await rawRequest('POST', '/flex-api/v1/FlexFlows', form);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 20001, message: expect.stringContaining('ChannelType') });
    });

    it('accepts the same request with exactly the parameters of the spec', async () => {
      const created = await rawRequest('POST', '/flex-api/v1/FlexFlows', flexFlowForm());
      expect(created).toMatchObject({ status: 201 });
      expect(await rawRequest('DELETE', `/flex-api/v1/FlexFlows/${created.body.sid}`)).toMatchObject({ status: 204 });
    });

    it('answered these requests with bodies that match the spec too', () => {
      expect(log.violationReport()).toEqual([]);
    });
  });

  /** A request the SDK would never send, with Basic auth as the SDK does; its response is checked like the others. */
  async function rawRequest(method: string, pathAndQuery: string, form?: Record<string, string>) {
    const { accountSid, authToken } = sandbox.account;
    const url = `${sandbox.url}${pathAndQuery}`;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const text = await response.text();
    const { domain, path } = sandboxTarget(url, sandbox.url);
    log.check(method, domain, path, response.status, text);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
});

/** What the product reads to check an account is set up (the diagnose and settings screens). */
async function readAccountSetUp({ client, account }: Journey): Promise<void> {
  await client.chat.v2.services.list();
  await client.chat.v2.services(account.chatServiceSid).fetch();
  await client.proxy.v1.services.list();
  await client.proxy.v1.services(account.proxyServiceSid).fetch();
  await client.proxy.v1.services(account.proxyServiceSid).phoneNumbers.list();
  await client.taskrouter.v1.workspaces.list();
  const workspace = client.taskrouter.v1.workspaces(account.workspaceSid);
  await workspace.fetch();
  await workspace.workflows.list();
  await workspace.workflows(account.workflowSid).fetch();
  await workspace.taskChannels.list();
  await workspace.taskChannels(account.taskChannelSids.sms).fetch();
  await client.studio.v2.flows.list();
  await client.studio.v2.flows(account.studioFlowSid).fetch();
  await client.api.v2010.accounts(account.accountSid).incomingPhoneNumbers.list();
}

/** Creating, finding and changing the product's FlexFlow; returns its SID. */
async function manageFlexFlow({ client, account }: Journey): Promise<string> {
  const flow = await client.flexApi.v1.flexFlow.create({
    friendlyName: 'Outbound SMS (contract)',
    chatServiceSid: account.chatServiceSid,
    channelType: 'sms',
    integrationType: 'task',
    'integration.workspaceSid': account.workspaceSid,
    'integration.workflowSid': account.workflowSid,
    'integration.channel': account.taskChannelSids.sms,
    contactIdentity: account.numbers[0],
    enabled: false,
    longLived: false,
    janitorEnabled: true,
  });
  await client.flexApi.v1.flexFlow.list({ friendlyName: 'Outbound SMS (contract)' });
  await client.flexApi.v1.flexFlow(flow.sid).fetch();
  await client.flexApi.v1.flexFlow(flow.sid).update({ friendlyName: 'Outbound SMS (contract, renamed)' });
  return flow.sid;
}

/**
 * An agent starting an SMS conversation the way Flex does it: a Flex channel (chat channel + task), a Proxy
 * session pairing the customer's handset with the chat channel, messages both ways, then the clean-up.
 */
async function startAgentConversation({ client, account, controls }: Journey, flexFlowSid: string): Promise<void> {
  const flexChannel = await client.flexApi.v1.channel.create({
    flexFlowSid,
    identity: chatIdentity(),
    chatUserFriendlyName: CUSTOMER,
    chatFriendlyName: CUSTOMER,
    target: CUSTOMER,
    taskAttributes: JSON.stringify({ to: CUSTOMER, direction: 'outbound' }),
  });
  await client.flexApi.v1.channel.list();
  await client.flexApi.v1.channel(flexChannel.sid).fetch();

  const chat = client.chat.v2.services(account.chatServiceSid);
  await chat.channels.list();
  await chat.channels(flexChannel.sid).fetch();
  await chat.channels(flexChannel.sid).update({ attributes: JSON.stringify({ from: CUSTOMER, status: 'ACTIVE' }) });
  await chat.channels(flexChannel.sid).members.list();
  const users = await chat.users.list();
  await chat.users(users[0].sid).fetch();

  const proxy = client.proxy.v1.services(account.proxyServiceSid);
  // Where Proxy reports interactions (this machine's discard port: nothing listens, nothing leaves it), cleared after.
  await proxy.update({ callbackUrl: 'http://127.0.0.1:9/proxy', numberSelectionBehavior: 'prefer-sticky' });
  const session = await proxy.sessions.create({
    uniqueName: flexChannel.sid,
    mode: 'message-only',
    participants: [{ Identifier: CUSTOMER, ProxyIdentifier: account.numbers[0] }],
  });
  const agent = await proxy.sessions(session.sid).participants.create({ identifier: flexChannel.sid, friendlyName: AGENT });
  await expect(proxy.sessions.create({ uniqueName: flexChannel.sid })).rejects.toMatchObject({ status: 400 });
  await expect(proxy.sessions.create({ participants: [{ Identifier: CUSTOMER, ProxyIdentifier: account.numbers[0] }] })).rejects.toMatchObject({
    status: 409,
  });
  await proxy.sessions.list();
  await proxy.sessions(session.sid).fetch();
  await proxy.sessions(flexChannel.sid).fetch();
  const participants = await proxy.sessions(session.sid).participants.list();
  await proxy.sessions(session.sid).participants(agent.sid).fetch();

  await chat.channels(flexChannel.sid).messages.create({ body: 'Hello from Flex', from: flexChannel.sid });
  await controls.sendInboundSms({ from: CUSTOMER, to: account.numbers[0], body: 'Hello back' });
  await chat.channels(flexChannel.sid).messages.list();
  const customer = participants.find((participant) => participant.identifier === CUSTOMER);
  expect(customer).toBeDefined();
  // One interaction each way: an outbound one (inbound_* fields null) and an inbound one.
  const [interaction] = await proxy.sessions(session.sid).participants(customer!.sid).messageInteractions.list();
  expect(await proxy.sessions(session.sid).participants(customer!.sid).messageInteractions.list()).toHaveLength(2);
  await proxy.sessions(session.sid).participants(customer!.sid).messageInteractions(interaction.sid).fetch();
  expect(await proxy.sessions(session.sid).interactions.list()).toHaveLength(2);
  await proxy.sessions(session.sid).interactions(interaction.sid).fetch();
  await proxy.update({ callbackUrl: '' });

  // Proxy relayed the agent's chat message to the customer's handset as an SMS.
  const sms = await client.api.v2010.accounts(account.accountSid).messages.list({ to: CUSTOMER });
  expect(sms).toHaveLength(1);
  await client.api.v2010.accounts(account.accountSid).messages(sms[0].sid).fetch();

  // A Task-integration FlexFlow gives the Flex channel its Task.
  expect(flexChannel.taskSid).toMatch(/^WT/);
  const workspace = client.taskrouter.v1.workspaces(account.workspaceSid);
  await workspace.tasks.list();
  await workspace.tasks(flexChannel.taskSid).fetch();
  await workspace.tasks(flexChannel.taskSid).update({ assignmentStatus: 'canceled', reason: 'contract test' });

  await proxy.sessions(session.sid).update({ status: 'closed' });
  await proxy.sessions(session.sid).participants(agent.sid).remove();
  await proxy.sessions(session.sid).remove();
  await client.flexApi.v1.channel(flexChannel.sid).remove();

  // The product deletes a stale chat channel directly too (clean-up of abandoned conversations).
  const stale = await client.flexApi.v1.channel.create({
    flexFlowSid,
    identity: chatIdentity(),
    chatUserFriendlyName: SECOND_CUSTOMER,
    chatFriendlyName: SECOND_CUSTOMER,
    target: SECOND_CUSTOMER,
  });
  await chat.channels(stale.sid).remove();
}

/** A customer texting a number first: its Studio FlexFlow starts an Execution, which the product lists. */
async function receiveCustomerFirstSms({ client, account, controls }: Journey): Promise<void> {
  await controls.sendInboundSms({ from: INBOUND_CUSTOMER, to: account.numbers[1], body: 'Hi, I have a question' });
  const executions = await client.studio.v2.flows(account.studioFlowSid).executions.list();
  expect(executions.length).toBeGreaterThan(0);
  await client.studio.v2.flows(account.studioFlowSid).executions(executions[0].sid).fetch();
  await client.api.v2010.accounts(account.accountSid).messages.list({ from: INBOUND_CUSTOMER });
}

/** The sandbox's other endpoints (used by its tools and tests): the contract holds for them as well. */
async function useRemainingSandboxEndpoints({ client, account, controls }: Journey): Promise<void> {
  const chat = client.chat.v2.services(account.chatServiceSid);
  const channel = await chat.channels.create({ friendlyName: 'Contract side channel', attributes: '{}' });
  const user = await chat.users.create({ identity: chatIdentity() });
  await chat.channels(channel.sid).members.create({ identity: user.identity });
  await chat.users(user.identity).userChannels.list();
  await chat.channels(channel.sid).remove();

  const workspace = client.taskrouter.v1.workspaces(account.workspaceSid);
  const task = await workspace.tasks.create({ workflowSid: account.workflowSid, taskChannel: 'sms', attributes: JSON.stringify({ to: CUSTOMER }) });
  await workspace.tasks(task.sid).remove();

  await client.api.v2010.accounts(account.accountSid).messages.create({ from: account.numbers[0], to: SECOND_CUSTOMER, body: 'System notice' });

  // Breaking and repairing the set-up on purpose (the set-up doctor's tests): the Proxy pool, then releasing a number.
  const pool = client.proxy.v1.services(account.proxyServiceSid).phoneNumbers;
  const [poolNumber] = await pool.list();
  await pool(poolNumber.sid).fetch();
  await pool(poolNumber.sid).remove();
  await pool.create({ sid: poolNumber.sid });
  const numbers = client.api.v2010.accounts(account.accountSid).incomingPhoneNumbers;
  await numbers(poolNumber.sid).fetch();
  await numbers(poolNumber.sid).remove();
  // Buying it back, as a tool setting up more senders does (tools/bench/campaigns.mjs).
  await numbers.create({ phoneNumber: poolNumber.phoneNumber });
  // The journeys after this one need the number back: the seeded account again (same SIDs).
  await controls.reset();
}

/** The error answers the product handles besides Proxy's conflicts: unknown resource, bad credentials. */
async function provokeErrors({ client, account }: Journey, sandboxUrl: string, log: ContractLog): Promise<void> {
  await expect(client.flexApi.v1.flexFlow(`FO${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404 });
  const intruder = validatingTwilioClient(sandboxUrl, account.accountSid, 'not-the-token', log);
  await expect(intruder.flexApi.v1.flexFlow.list()).rejects.toMatchObject({ status: 401 });
}
