import { randomUUID } from 'node:crypto';
import { SandboxControls, startSandbox, type DemoAccount, type RunningSandbox } from '../index';
import type { StateRef } from '../core/state';
import { twilioRoutes } from '../server/routes';
import { eventually } from '../testing/callback-receiver';
import { ContractLog } from './contract-log.test-helpers';
import { sandboxTarget } from './validating-request-client.test-helpers';

/** Form or query parameters; an array is the same name repeated, as the SDKs send a list. */
type Form = Record<string, string | readonly string[]>;

interface Answer {
  status: number;
  // Twilio's JSON, read field by field by the assertions.
  body: any;
}

const CUSTOMER = '+15557779001';
const SECOND_CUSTOMER = '+15557779002';
const THIRD_CUSTOMER = '+15557779003';
const BOOLEAN_CASINGS: ReadonlyArray<[string, boolean]> = [
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
];

/**
 * Every endpoint the sandbox serves, replayed as raw HTTP in the forms Twilio accepts (core/twilio-encodings.ts says
 * where each comes from): the official SDKs' (repeated list values, JSON objects as text, `true`/`false`, ISO 8601
 * with `Z`), twilio-python's older `True`/`False`, curl examples from Twilio's docs and the original Flex outbound SMS
 * Functions' exact requests (one JSON array string for Proxy's `Participants`, `Enabled=True`). Each answer must be
 * Twilio's — 2xx with the parsed values in the resource — and match twilio-oai's schema.
 */
describe('request encodings Twilio accepts, replayed as raw HTTP', () => {
  let sandbox: RunningSandbox;
  let account: DemoAccount;
  let controls: SandboxControls;
  const log = new ContractLog();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    account = sandbox.account;
    controls = new SandboxControls(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  async function send(method: 'GET' | 'POST' | 'DELETE', path: string, form: Form = {}): Promise<Answer> {
    const encoded = encode(form);
    const url = `${sandbox.url}${path}${method !== 'POST' && encoded ? `?${encoded}` : ''}`;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: method === 'POST' ? encoded : undefined,
    });
    const text = await response.text();
    const { domain, path: below } = sandboxTarget(url, sandbox.url);
    log.check(method, domain, below, response.status, text);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const api = (path: string) => `/api/2010-04-01/Accounts/${account.accountSid}${path}`;
  const proxy = (path = '') => `/proxy/v1/Services/${account.proxyServiceSid}${path}`;
  const chat = (path = '') => `/chat/v2/Services/${account.chatServiceSid}${path}`;
  const workspace = (path = '') => `/taskrouter/v1/Workspaces/${account.workspaceSid}${path}`;

  describe('Flex FlexFlows', () => {
    it("creates the README's Studio Flex Flow from its curl example (Enabled=True)", async () => {
      const created = await send('POST', '/flex-api/v1/FlexFlows', {
        IntegrationType: 'studio',
        Enabled: 'True',
        'Integration.FlowSid': account.studioFlowSid,
        FriendlyName: 'Flex Messaging Channel Flow',
        ContactIdentity: '+15550109001',
        ChannelType: 'sms',
        LongLived: 'false',
        JanitorEnabled: 'true',
        ChatServiceSid: account.chatServiceSid,
      });
      expect(created).toMatchObject({
        status: 201,
        body: { enabled: true, long_lived: false, janitor_enabled: true, integration: { flow_sid: account.studioFlowSid } },
      });
    });

    it("creates the README's Task Flex Flow, then reads its booleans in every casing the SDKs send", async () => {
      const created = await send('POST', '/flex-api/v1/FlexFlows', {
        ChannelType: 'sms',
        IntegrationType: 'task',
        Enabled: 'false',
        FriendlyName: 'Flex SMS To Task Flow',
        ContactIdentity: '+15550109002',
        ChatServiceSid: account.chatServiceSid,
        'Integration.WorkspaceSid': account.workspaceSid,
        'Integration.WorkflowSid': account.workflowSid,
        'Integration.Channel': account.taskChannelSids.sms,
        'Integration.CreationOnMessage': 'TRUE',
        'Integration.Priority': '5',
        LongLived: 'false',
        JanitorEnabled: 'true',
      });
      expect(created).toMatchObject({
        status: 201,
        body: {
          enabled: false,
          integration: {
            workspace_sid: account.workspaceSid,
            workflow_sid: account.workflowSid,
            channel: account.taskChannelSids.sms,
            creation_on_message: true,
            priority: 5,
          },
        },
      });
      for (const [sent, read] of BOOLEAN_CASINGS) {
        const updated = await send('POST', `/flex-api/v1/FlexFlows/${created.body.sid}`, { Enabled: sent, LongLived: sent });
        expect({ sent, status: updated.status, enabled: updated.body.enabled, longLived: updated.body.long_lived }).toEqual({
          sent,
          status: 200,
          enabled: read,
          longLived: read,
        });
      }
      expect(await send('GET', '/flex-api/v1/FlexFlows', { FriendlyName: 'Flex SMS To Task Flow' })).toMatchObject({
        status: 200,
        body: { flex_flows: [{ sid: created.body.sid }] },
      });
      expect(await send('GET', `/flex-api/v1/FlexFlows/${created.body.sid}`)).toMatchObject({ status: 200, body: { long_lived: false } });
      expect((await send('DELETE', `/flex-api/v1/FlexFlows/${created.body.sid}`)).status).toBe(204);
    });

    it('refuses a boolean in no form Twilio reads, naming it', async () => {
      const answer = await send('POST', '/flex-api/v1/FlexFlows', {
        FriendlyName: 'x',
        ChatServiceSid: account.chatServiceSid,
        ChannelType: 'sms',
        Enabled: 'yes',
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 20001, message: expect.stringContaining('Enabled') } });
    });
  });

  describe('Proxy and Flex Channels: the original Functions, request for request', () => {
    it('creates the channel and the Proxy session exactly as flex-initiate-outbound-sms-task.js does', async () => {
      const [flow] = (await send('GET', '/flex-api/v1/FlexFlows')).body.flex_flows.filter(
        (candidate: { integration_type: string; contact_identity: string }) =>
          candidate.integration_type === 'task' && candidate.contact_identity === account.numbers[0],
      );
      const channel = await send('POST', '/flex-api/v1/Channels', {
        Target: CUSTOMER,
        Identity: randomUUID(),
        ChatUserFriendlyName: 'Ada Lovelace',
        ChatFriendlyName: `SMS${CUSTOMER}`,
        FlexFlowSid: flow.sid,
        TaskAttributes: JSON.stringify({ to: CUSTOMER, direction: 'outbound', name: 'Ada Lovelace', from: account.numbers[0] }),
      });
      expect(channel).toMatchObject({ status: 201, body: { flex_flow_sid: flow.sid, task_sid: expect.stringMatching(/^WT/) } });
      const task = await send('GET', workspace(`/Tasks/${channel.body.task_sid}`));
      expect(JSON.parse(task.body.attributes)).toMatchObject({ to: CUSTOMER, direction: 'outbound', name: 'Ada Lovelace' });

      expect((await send('GET', proxy('/Sessions'))).status).toBe(200);
      const participants = [
        { Identifier: CUSTOMER, ProxyIdentifier: account.numbers[0], FriendlyName: 'Ada Lovelace' },
        { Identifier: channel.body.sid, ProxyIdentifier: account.numbers[0], FriendlyName: 'Ada Lovelace' },
      ];
      const session = await send('POST', proxy('/Sessions'), {
        UniqueName: channel.body.sid,
        Participants: JSON.stringify(participants),
        Mode: 'message-only',
      });
      expect(session).toMatchObject({ status: 201, body: { unique_name: channel.body.sid, mode: 'message-only' } });
      const listed = await send('GET', proxy(`/Sessions/${session.body.sid}/Participants`));
      expect(listed.body.participants).toHaveLength(2);
      expect(listed.body.participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ identifier: CUSTOMER, proxy_identifier: account.numbers[0], friendly_name: 'Ada Lovelace' }),
          expect.objectContaining({ identifier: channel.body.sid, friendly_name: 'Ada Lovelace' }),
        ]),
      );

      // flex-cleanup-all-proxy-sessions.js: the channel set INACTIVE, the session closed, then removed.
      const chatChannel = await send('GET', chat(`/Channels/${channel.body.sid}`));
      const attributes = { ...JSON.parse(chatChannel.body.attributes), status: 'INACTIVE' };
      expect(await send('POST', chat(`/Channels/${channel.body.sid}`), { Attributes: JSON.stringify(attributes) })).toMatchObject({ status: 200 });
      expect(await send('POST', proxy(`/Sessions/${session.body.sid}`), { Status: 'closed' })).toMatchObject({
        status: 200,
        body: { status: 'closed' },
      });
      expect((await send('DELETE', proxy(`/Sessions/${session.body.sid}`))).status).toBe(204);
      expect(await send('GET', '/flex-api/v1/Channels')).toMatchObject({ status: 200 });
      expect(await send('GET', `/flex-api/v1/Channels/${channel.body.sid}`)).toMatchObject({ status: 200, body: { sid: channel.body.sid } });
      expect((await send('DELETE', `/flex-api/v1/Channels/${channel.body.sid}`)).status).toBe(204);
    });

    it("creates a long-lived Flex channel from twilio-python's LongLived=True", async () => {
      const [flow] = (await send('GET', '/flex-api/v1/FlexFlows')).body.flex_flows.filter(
        (candidate: { integration_type: string; contact_identity: string }) =>
          candidate.integration_type === 'studio' && candidate.contact_identity === account.numbers[1],
      );
      const channel = await send('POST', '/flex-api/v1/Channels', {
        FlexFlowSid: flow.sid,
        Identity: randomUUID(),
        ChatUserFriendlyName: 'Grace',
        ChatFriendlyName: 'Grace',
        Target: SECOND_CUSTOMER,
        LongLived: 'True',
        PreEngagementData: JSON.stringify({ friendlyName: 'Grace' }),
      });
      expect(channel.status).toBe(201);
      const chatChannel = await send('GET', chat(`/Channels/${channel.body.sid}`));
      expect(JSON.parse(chatChannel.body.attributes)).toMatchObject({ long_lived: true });
    });
  });

  describe('Proxy Sessions, Participants and the number pool', () => {
    const sessionParticipant = (identifier: string) => ({ Identifier: identifier, ProxyIdentifier: account.numbers[1] });

    it('creates a session from the SDK form: each participant its own JSON object, the name repeated', async () => {
      const session = await send('POST', proxy('/Sessions'), {
        UniqueName: 'sdk-form',
        Mode: 'message-only',
        Participants: [JSON.stringify(sessionParticipant('+15557779101')), JSON.stringify({ identifier: 'CH-sdk-form' })],
      });
      expect(session.status).toBe(201);
      const { participants } = (await send('GET', proxy(`/Sessions/${session.body.sid}/Participants`))).body;
      expect(participants.map((participant: { identifier: string }) => participant.identifier).sort()).toEqual(['+15557779101', 'CH-sdk-form']);
    });

    it('refuses Participants that are not JSON objects, naming the parameter', async () => {
      for (const Participants of ['+15557779102', '["+15557779102"]']) {
        expect(await send('POST', proxy('/Sessions'), { Participants })).toMatchObject({
          status: 400,
          body: { code: 20001, message: expect.stringContaining('Participants') },
        });
      }
    });

    it('reads DateExpiry as ISO 8601 with Z, with an offset and with fractions, and refuses anything else', async () => {
      const forms: Array<[string, string]> = [
        ['2026-12-31T18:00:00Z', '2026-12-31T18:00:00Z'],
        ['2026-12-31T19:00:00+01:00', '2026-12-31T18:00:00Z'],
        ['2026-12-31T13:00:00-0500', '2026-12-31T18:00:00Z'],
        ['2026-12-31T18:00:00.000Z', '2026-12-31T18:00:00Z'],
        ['2026-12-31', '2026-12-31T00:00:00Z'],
      ];
      for (const [sent, read] of forms) {
        const session = await send('POST', proxy('/Sessions'), { UniqueName: `expiry ${sent}`, DateExpiry: sent });
        expect({ sent, status: session.status, dateExpiry: session.body.date_expiry }).toEqual({ sent, status: 201, dateExpiry: read });
      }
      const updated = await send('POST', proxy(`/Sessions/expiry 2026-12-31`), { DateExpiry: '2027-01-01T09:30:00+09:30', Ttl: '3600' });
      expect(updated).toMatchObject({ status: 200, body: { date_expiry: '2027-01-01T00:00:00Z', ttl: 3600 } });
      expect(await send('POST', proxy('/Sessions'), { DateExpiry: 'next Tuesday' })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('DateExpiry') },
      });
    });

    it('adds, reads and removes a participant and its message interactions', async () => {
      const session = await send('POST', proxy('/Sessions'), { UniqueName: 'participants', Status: 'open' });
      const added = await send('POST', proxy(`/Sessions/${session.body.sid}/Participants`), {
        Identifier: THIRD_CUSTOMER,
        FriendlyName: 'Third',
        ProxyIdentifier: account.numbers[1],
      });
      expect(added).toMatchObject({
        status: 201,
        body: { identifier: THIRD_CUSTOMER, proxy_identifier: account.numbers[1], friendly_name: 'Third' },
      });
      const participant = proxy(`/Sessions/${session.body.sid}/Participants/${added.body.sid}`);
      expect((await send('GET', participant)).status).toBe(200);
      expect(await send('GET', `${participant}/MessageInteractions`)).toMatchObject({ status: 200, body: { interactions: [] } });
      expect((await send('GET', proxy(`/Sessions/${session.body.sid}`))).status).toBe(200);
      expect((await send('DELETE', participant)).status).toBe(200);
    });

    // Callback URLs here point at the discard port of this machine: nothing listens, and no request leaves it.
    it('registers the Service callbacks (connection overrides kept in the URL) and reads a session’s interactions', async () => {
      const updated = await send('POST', proxy(), {
        CallbackUrl: 'http://127.0.0.1:9/proxy#rc=3&rp=5xx',
        InterceptCallbackUrl: 'http://127.0.0.1:9/intercept',
        GeoMatchLevel: 'area-code',
        NumberSelectionBehavior: 'avoid-sticky',
      });
      expect(updated).toMatchObject({
        status: 200,
        body: {
          callback_url: 'http://127.0.0.1:9/proxy#rc=3&rp=5xx',
          intercept_callback_url: 'http://127.0.0.1:9/intercept',
          geo_match_level: 'area-code',
          number_selection_behavior: 'avoid-sticky',
        },
      });
      expect(await send('POST', proxy(), { CallbackUrl: 'example.com/proxy' })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('CallbackUrl') },
      });
      const session = await send('POST', proxy('/Sessions'), {
        UniqueName: 'phone to phone',
        Participants: [
          JSON.stringify({ Identifier: '+15557779801', ProxyIdentifier: account.numbers[0] }),
          JSON.stringify({ Identifier: '+15557779802', ProxyIdentifier: account.numbers[1] }),
        ],
      });
      await controls.sendInboundSms({ from: '+15557779801', to: account.numbers[0], body: 'Forward this' });
      const interactions = await send('GET', proxy(`/Sessions/${session.body.sid}/Interactions`));
      expect(interactions).toMatchObject({
        status: 200,
        body: { interactions: [{ type: 'message', outbound_resource_type: 'Message', inbound_resource_status: 'received' }] },
      });
      const [interaction] = interactions.body.interactions;
      expect((await send('GET', proxy(`/Sessions/${session.body.sid}/Interactions/${interaction.sid}`))).status).toBe(200);
      const participant = proxy(`/Sessions/${session.body.sid}/Participants/${interaction.inbound_participant_sid}`);
      expect(await send('GET', `${participant}/MessageInteractions/${interaction.sid}`)).toMatchObject({
        status: 200,
        body: { sid: interaction.sid, participant_sid: interaction.inbound_participant_sid },
      });
      await send('POST', proxy(), { CallbackUrl: '', InterceptCallbackUrl: '' });
    });

    it('takes a number into the pool as reserved from IsReserved=TRUE', async () => {
      expect((await send('GET', '/proxy/v1/Services')).status).toBe(200);
      expect((await send('GET', proxy())).status).toBe(200);
      const pool = await send('GET', proxy('/PhoneNumbers'));
      const number = pool.body.phone_numbers.find((candidate: { phone_number: string }) => candidate.phone_number === account.numbers[1]);
      expect((await send('GET', proxy(`/PhoneNumbers/${number.sid}`))).status).toBe(200);
      expect((await send('DELETE', proxy(`/PhoneNumbers/${number.sid}`))).status).toBe(204);
      expect(await send('POST', proxy('/PhoneNumbers'), { Sid: number.sid, IsReserved: 'TRUE' })).toMatchObject({
        status: 201,
        body: { sid: number.sid, is_reserved: true },
      });
    });
  });

  describe('Programmable Chat', () => {
    it('creates a channel with JSON Attributes and filters channels by Type, repeated or as a JSON array', async () => {
      const created = await send('POST', chat('/Channels'), {
        FriendlyName: 'Private',
        UniqueName: 'encodings',
        Type: 'private',
        Attributes: '{"from": "+15557779201"}',
        CreatedBy: 'system',
      });
      expect(created).toMatchObject({ status: 201, body: { type: 'private', attributes: expect.stringContaining('+15557779201') } });
      for (const form of [{ Type: ['public', 'private'] }, { Type: '["public","private"]' }, { Type: 'private' }]) {
        const listed = await send('GET', chat('/Channels'), form);
        expect({ form, sids: listed.body.channels.map((channel: { sid: string }) => channel.sid) }).toEqual({
          form,
          sids: expect.arrayContaining([created.body.sid]),
        });
      }
      expect((await send('GET', chat('/Channels'), { Type: 'public' })).body.channels.map((channel: { sid: string }) => channel.sid)).not.toContain(
        created.body.sid,
      );
    });

    it('adds messages and members, and filters members by Identity, repeated or as a JSON array', async () => {
      const channel = chat('/Channels/encodings');
      expect(
        await send('POST', `${channel}/Messages`, { From: 'agent.alice', Body: 'Hello', Attributes: JSON.stringify({ kind: 'note' }) }),
      ).toMatchObject({ status: 201, body: { attributes: '{"kind":"note"}' } });
      expect(await send('GET', `${channel}/Messages`, { Order: 'desc' })).toMatchObject({ status: 200, body: { messages: [{ body: 'Hello' }] } });
      for (const identity of ['agent.alice', 'agent.bob'])
        expect((await send('POST', `${channel}/Members`, { Identity: identity })).status).toBe(201);
      for (const form of [{ Identity: ['agent.alice', 'agent.bob'] }, { Identity: '["agent.alice","agent.bob"]' }]) {
        const listed = await send('GET', `${channel}/Members`, form);
        expect({ form, identities: listed.body.members.map((member: { identity: string }) => member.identity).sort() }).toEqual({
          form,
          identities: ['agent.alice', 'agent.bob'],
        });
      }
      const user = await send('POST', chat('/Users'), { Identity: 'agent.carol', FriendlyName: 'Carol', Attributes: '{}' });
      expect(user).toMatchObject({ status: 201, body: { identity: 'agent.carol' } });
      expect((await send('GET', chat('/Users'))).status).toBe(200);
      expect((await send('GET', chat(`/Users/${user.body.sid}`))).status).toBe(200);
      expect((await send('GET', chat(`/Users/${user.body.sid}/Channels`))).status).toBe(200);
      expect((await send('GET', '/chat/v2/Services')).status).toBe(200);
      expect((await send('GET', chat())).status).toBe(200);
      expect((await send('DELETE', channel)).status).toBe(204);
    });
  });

  describe('TaskRouter', () => {
    it('creates a task from Attributes as JSON text and lists tasks by AssignmentStatus in every list form', async () => {
      const created = await send('POST', workspace('/Tasks'), {
        WorkflowSid: account.workflowSid,
        TaskChannel: 'sms',
        Priority: '10',
        Timeout: '600',
        // twilio-python's json.dumps writes spaces after separators; the SDKs send the caller's text as it is.
        Attributes: '{"type": "outbound", "to": "+15557779301"}',
      });
      expect(created).toMatchObject({ status: 201, body: { priority: 10, timeout: 600, task_channel_unique_name: 'sms' } });
      expect(JSON.parse(created.body.attributes)).toEqual({ type: 'outbound', to: '+15557779301' });
      const status = created.body.assignment_status;
      for (const form of [
        { AssignmentStatus: [status, 'assigned'] },
        { AssignmentStatus: `${status},assigned` },
        { AssignmentStatus: `["${status}","assigned"]` },
      ]) {
        const listed = await send('GET', workspace('/Tasks'), { ...form, WorkflowSid: account.workflowSid });
        expect({ form, sids: listed.body.tasks.map((task: { sid: string }) => task.sid) }).toEqual({
          form,
          sids: expect.arrayContaining([created.body.sid]),
        });
      }
      const updated = await send('POST', workspace(`/Tasks/${created.body.sid}`), {
        AssignmentStatus: 'canceled',
        Reason: 'encodings',
        Attributes: '{"type":"done"}',
      });
      expect(updated).toMatchObject({ status: 200, body: { assignment_status: 'canceled', reason: 'encodings', attributes: '{"type":"done"}' } });
      expect((await send('DELETE', workspace(`/Tasks/${created.body.sid}`))).status).toBe(204);
    });

    it('reads the workspace, its workflows and task channels', async () => {
      expect((await send('GET', '/taskrouter/v1/Workspaces', { FriendlyName: 'Flex Task Assignment' })).body.workspaces).toHaveLength(1);
      expect((await send('GET', workspace())).status).toBe(200);
      expect((await send('GET', workspace('/Workflows'))).status).toBe(200);
      expect((await send('GET', workspace(`/Workflows/${account.workflowSid}`))).status).toBe(200);
      expect((await send('GET', workspace('/TaskChannels'))).status).toBe(200);
      expect((await send('GET', workspace(`/TaskChannels/${account.taskChannelSids.sms}`))).status).toBe(200);
    });
  });

  describe('Studio', () => {
    it('lists executions between ISO 8601 dates with offsets, as its docs write them', async () => {
      await controls.sendInboundSms({ from: '+15557779401', to: account.numbers[0], body: 'Hi' });
      expect((await send('GET', '/studio/v2/Flows')).status).toBe(200);
      expect((await send('GET', `/studio/v2/Flows/${account.studioFlowSid}`)).status).toBe(200);
      const [execution] = (await send('GET', `/studio/v2/Flows/${account.studioFlowSid}/Executions`)).body.executions;
      const created = new Date(execution.date_created);
      const inside = {
        DateCreatedFrom: withOffset(new Date(created.getTime() - 3_600_000), -5),
        DateCreatedTo: withOffset(new Date(created.getTime() + 3_600_000), 2),
      };
      expect(
        (await send('GET', `/studio/v2/Flows/${account.studioFlowSid}/Executions`, inside)).body.executions.map(
          (found: { sid: string }) => found.sid,
        ),
      ).toContain(execution.sid);
      const after = { DateCreatedFrom: withOffset(new Date(created.getTime() + 3_600_000), 9) };
      expect((await send('GET', `/studio/v2/Flows/${account.studioFlowSid}/Executions`, after)).body.executions).toEqual([]);
      expect((await send('GET', `/studio/v2/Flows/${account.studioFlowSid}/Executions/${execution.sid}`)).status).toBe(200);
    });
  });

  describe('Conversations and Flex Interactions', () => {
    it('lists conversations by StartDate and EndDate as YYYY-MM-DD, the end day included', async () => {
      const created = await send('POST', '/conversations/v1/Conversations', {
        FriendlyName: 'Encodings',
        UniqueName: 'encodings',
        State: 'active',
        'Timers.Inactive': 'PT1H',
        Attributes: '{"source": "contract"}',
      });
      expect(created).toMatchObject({
        status: 201,
        body: { unique_name: 'encodings', attributes: '{"source": "contract"}', timers: { date_inactive: expect.any(String) } },
      });
      const day = created.body.date_created.slice(0, 10);
      for (const form of [
        { StartDate: day, EndDate: day },
        { StartDate: `${day}T00:00:00Z`, EndDate: `${day}T23:59:59Z` },
      ]) {
        const listed = await send('GET', '/conversations/v1/Conversations', { ...form, State: 'active' });
        expect({ form, sids: listed.body.conversations.map((conversation: { sid: string }) => conversation.sid) }).toEqual({
          form,
          sids: [created.body.sid],
        });
      }
      expect(await send('POST', '/conversations/v1/Conversations/encodings', { FriendlyName: 'Renamed' })).toMatchObject({
        status: 200,
        body: { friendly_name: 'Renamed' },
      });
      expect((await send('GET', `/conversations/v1/Conversations/${created.body.sid}`)).status).toBe(200);
    });

    it('binds an SMS participant from MessagingBinding.* and posts and reads messages', async () => {
      const conversation = '/conversations/v1/Conversations/encodings';
      const sms = await send('POST', `${conversation}/Participants`, {
        'MessagingBinding.Address': '+15557779501',
        'MessagingBinding.ProxyAddress': account.numbers[1],
      });
      expect(sms).toMatchObject({
        status: 201,
        body: { messaging_binding: { type: 'sms', address: '+15557779501', proxy_address: account.numbers[1] } },
      });
      const agent = await send('POST', `${conversation}/Participants`, { Identity: 'agent.alice', Attributes: '{"role": "agent"}' });
      expect(agent).toMatchObject({ status: 201, body: { identity: 'agent.alice', attributes: '{"role": "agent"}' } });
      expect((await send('GET', `${conversation}/Participants`)).body.participants).toHaveLength(2);
      expect((await send('GET', `${conversation}/Participants/${agent.body.sid}`)).status).toBe(200);
      const message = await send('POST', `${conversation}/Messages`, { Author: 'agent.alice', Body: 'Hello', Attributes: '{}' });
      expect(message).toMatchObject({ status: 201, body: { author: 'agent.alice', body: 'Hello' } });
      expect((await send('GET', `${conversation}/Messages`, { Order: 'desc' })).status).toBe(200);
      expect((await send('GET', `${conversation}/Messages/${message.body.sid}`)).status).toBe(200);
      expect((await send('DELETE', `${conversation}/Participants/${agent.body.sid}`)).status).toBe(204);
    });

    it('reads webhook Configuration.Filters and Triggers repeated or as one JSON array', async () => {
      const conversation = '/conversations/v1/Conversations/encodings';
      const filters = ['onMessageAdded', 'onParticipantAdded'];
      for (const form of [{ 'Configuration.Filters': filters }, { 'Configuration.Filters': JSON.stringify(filters) }]) {
        const webhook = await send('POST', `${conversation}/Webhooks`, {
          Target: 'webhook',
          'Configuration.Url': 'https://example.invalid/hook',
          'Configuration.Method': 'POST',
          'Configuration.Triggers': '["keyword"]',
          ...form,
        });
        expect({ form, status: webhook.status, configuration: webhook.body.configuration }).toEqual({
          form,
          status: 201,
          configuration: { url: 'https://example.invalid/hook', method: 'POST', filters, triggers: ['keyword'] },
        });
      }
      const studio = await send('POST', `${conversation}/Webhooks`, { Target: 'studio', 'Configuration.FlowSid': account.studioFlowSid });
      expect(studio).toMatchObject({ status: 201, body: { configuration: { flow_sid: account.studioFlowSid } } });
      expect((await send('GET', `${conversation}/Webhooks`)).body.webhooks).toHaveLength(3);
      expect((await send('GET', `${conversation}/Webhooks/${studio.body.sid}`)).status).toBe(200);
      expect((await send('DELETE', `${conversation}/Webhooks/${studio.body.sid}`)).status).toBe(204);
      expect((await send('DELETE', conversation)).status).toBe(204);
    });

    it('reads delivery receipts by both URL forms and updates a scoped webhook from its form, Method in either case', async () => {
      const created = await send('POST', '/conversations/v1/Conversations', { UniqueName: 'receipts' });
      const conversation = `/conversations/v1/Conversations/${created.body.sid}`;
      await send('POST', `${conversation}/Participants`, {
        'MessagingBinding.Address': '+15557779601',
        'MessagingBinding.ProxyAddress': account.numbers[0],
      });
      const message = await send('POST', `${conversation}/Messages`, { Author: 'system', Body: 'Your order shipped' });
      const receipts = await eventually(async () => {
        const listed = await send('GET', `${conversation}/Messages/${message.body.sid}/Receipts`);
        return listed.body.delivery_receipts.length ? listed : undefined;
      }, 'a receipt');
      expect(receipts).toMatchObject({
        status: 200,
        body: { delivery_receipts: [{ message_sid: message.body.sid, channel_message_sid: expect.stringMatching(/^SM/) }] },
      });
      const [receipt] = receipts.body.delivery_receipts;
      expect((await send('GET', `${conversation}/Messages/${message.body.sid}/Receipts/${receipt.sid}`)).status).toBe(200);
      const scoped = `/conversations/v1/Services/${account.chatServiceSid}/Conversations/${created.body.sid}/Messages/${message.body.sid}/Receipts`;
      expect(await send('GET', scoped)).toMatchObject({
        status: 200,
        body: { delivery_receipts: [{ sid: receipt.sid, chat_service_sid: account.chatServiceSid }] },
      });
      expect((await send('GET', `${scoped}/${receipt.sid}`)).status).toBe(200);
      expect(
        (await send('GET', `/conversations/v1/Services/IS${'0'.repeat(32)}/Conversations/${created.body.sid}/Messages/${message.body.sid}/Receipts`))
          .status,
      ).toBe(404);

      const webhook = await send('POST', `${conversation}/Webhooks`, {
        Target: 'webhook',
        'Configuration.Url': 'http://127.0.0.1:9/a',
        'Configuration.Method': 'post',
      });
      expect(webhook).toMatchObject({ status: 201, body: { configuration: { method: 'post' } } });
      const updated = await send('POST', `${conversation}/Webhooks/${webhook.body.sid}`, {
        'Configuration.Url': 'http://127.0.0.1:9/b#rc=2&rp=5xx',
        'Configuration.Method': 'GET',
        'Configuration.Filters': ['onDeliveryUpdated', 'onMessageAdded'],
      });
      expect(updated).toMatchObject({
        status: 200,
        body: { configuration: { url: 'http://127.0.0.1:9/b#rc=2&rp=5xx', method: 'GET', filters: ['onDeliveryUpdated', 'onMessageAdded'] } },
      });
      expect((await send('DELETE', conversation)).status).toBe(204);
    });

    it('configures the account’s and the service’s webhooks, Filters repeated or as one JSON array', async () => {
      const service = `/conversations/v1/Services/${account.chatServiceSid}/Configuration/Webhooks`;
      expect(await send('GET', service)).toMatchObject({ status: 200, body: { post_webhook_url: null, filters: null, method: null } });
      const filters = ['onDeliveryUpdated', 'onMessageAdded'];
      for (const form of [{ Filters: filters }, { Filters: JSON.stringify(filters) }]) {
        const updated = await send('POST', service, { PostWebhookUrl: 'http://127.0.0.1:9/service', Method: 'POST', ...form });
        expect({ form, status: updated.status, filters: updated.body.filters }).toEqual({ form, status: 200, filters });
      }
      expect(await send('GET', '/conversations/v1/Configuration/Webhooks')).toMatchObject({
        status: 200,
        body: { target: 'webhook', post_webhook_url: null },
      });
      const account_ = await send('POST', '/conversations/v1/Configuration/Webhooks', {
        Target: 'flex',
        PostWebhookUrl: 'http://127.0.0.1:9/account',
        Method: 'GET',
        Filters: 'onMessageAdded',
      });
      expect(account_).toMatchObject({
        status: 200,
        body: { target: 'flex', method: 'GET', filters: ['onMessageAdded'], post_webhook_url: 'http://127.0.0.1:9/account' },
      });
      expect(await send('POST', '/conversations/v1/Configuration/Webhooks', { Target: 'pigeon' })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('Target') },
      });
      await send('POST', service, { PostWebhookUrl: '' });
      await send('POST', '/conversations/v1/Configuration/Webhooks', { PostWebhookUrl: '', Target: 'webhook' });
    });

    it('configures an address from AutoCreation.* with True and a JSON array of webhook filters', async () => {
      const listed = await send('GET', '/conversations/v1/Configuration/Addresses', { Type: 'sms' });
      const seeded = listed.body.address_configurations.find((configuration: { address: string }) => configuration.address === account.numbers[1]);
      expect((await send('GET', `/conversations/v1/Configuration/Addresses/${seeded.sid}`)).status).toBe(200);
      expect((await send('DELETE', `/conversations/v1/Configuration/Addresses/${seeded.sid}`)).status).toBe(204);
      const created = await send('POST', '/conversations/v1/Configuration/Addresses', {
        Type: 'sms',
        Address: account.numbers[1],
        FriendlyName: 'Encodings',
        'AutoCreation.Enabled': 'True',
        'AutoCreation.Type': 'webhook',
        'AutoCreation.WebhookUrl': 'https://example.invalid/auto',
        'AutoCreation.WebhookMethod': 'POST',
        'AutoCreation.WebhookFilters': '["onMessageAdded"]',
      });
      expect(created).toMatchObject({
        status: 201,
        body: { auto_creation: { enabled: true, type: 'webhook', webhook_filters: ['onMessageAdded'] } },
      });
      const updated = await send('POST', `/conversations/v1/Configuration/Addresses/${created.body.sid}`, {
        'AutoCreation.Enabled': 'FALSE',
        'AutoCreation.WebhookFilters': ['onMessageAdded', 'onConversationUpdated'],
      });
      expect(updated).toMatchObject({
        status: 200,
        body: { auto_creation: { enabled: false, webhook_filters: ['onMessageAdded', 'onConversationUpdated'] } },
      });
    });

    it("starts an interaction from Channel and Routing as JSON text (the docs' curl), then invites and participants", async () => {
      const routing = {
        properties: {
          workspace_sid: account.workspaceSid,
          workflow_sid: account.workflowSid,
          task_channel_unique_name: 'sms',
          attributes: { customerName: 'Ada' },
        },
      };
      const interaction = await send('POST', '/flex-api/v1/Interactions', {
        Channel: JSON.stringify({ type: 'sms', initiated_by: 'api', participants: [{ address: '+15557779601', proxy_address: account.numbers[0] }] }),
        Routing: JSON.stringify(routing),
      });
      expect(interaction).toMatchObject({ status: 201, body: { channel: { type: 'sms', initiated_by: 'api' } } });
      expect((await send('GET', `/flex-api/v1/Interactions/${interaction.body.sid}`)).status).toBe(200);
      const [channel] = (await send('GET', `/flex-api/v1/Interactions/${interaction.body.sid}/Channels`)).body.channels;
      const channelPath = `/flex-api/v1/Interactions/${interaction.body.sid}/Channels/${channel.sid}`;
      expect((await send('GET', channelPath)).status).toBe(200);
      expect(await send('POST', `${channelPath}/Invites`, { Routing: JSON.stringify(routing) })).toMatchObject({
        status: 201,
        body: { routing: { task_sid: expect.stringMatching(/^WT/) } },
      });
      expect((await send('GET', `${channelPath}/Invites`)).body.invites).toHaveLength(2);
      const agent = await send('POST', `${channelPath}/Participants`, {
        Type: 'agent',
        MediaProperties: JSON.stringify({ identity: 'agent.alice' }),
      });
      expect(agent).toMatchObject({ status: 201, body: { type: 'agent' } });
      expect((await send('GET', `${channelPath}/Participants`)).status).toBe(200);
      expect(await send('POST', `${channelPath}/Participants/${agent.body.sid}`, { Status: 'wrapup' })).toMatchObject({
        status: 200,
        body: { sid: agent.body.sid },
      });
      expect(await send('POST', channelPath, { Status: 'closed', Routing: '{"status": "closed"}' })).toMatchObject({
        status: 200,
        body: { status: 'closed' },
      });
      expect(await send('POST', '/flex-api/v1/Interactions', { Channel: '["sms"]' })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('Channel') },
      });
    });
  });

  describe('API 2010', () => {
    it('sends a message and lists it by DateSent, DateSent<= and DateSent>= as YYYY-MM-DD, the days included', async () => {
      const created = await send('POST', api('/Messages.json'), {
        To: '+15557779701',
        From: account.numbers[0],
        Body: 'Ahoy',
        StatusCallback: 'http://127.0.0.1:9/status#rc=2',
      });
      expect(created).toMatchObject({ status: 201, body: { to: '+15557779701', body: 'Ahoy', status: 'queued', date_sent: null } });
      // A queued message has no date_sent yet: it is listed by DateSent once it was sent.
      const sent = await eventually(async () => {
        const fetched = await send('GET', api(`/Messages/${created.body.sid}.json`));
        return fetched.body.date_sent ? fetched : undefined;
      }, 'the message sent');
      const day = new Date(sent.body.date_sent).toISOString().slice(0, 10);
      const forms: Form[] = [
        { DateSent: day },
        { 'DateSent<': day },
        { 'DateSent>': day },
        { 'DateSent>': `${day}T00:00:00Z`, 'DateSent<': `${day}T23:59:59Z` },
      ];
      for (const form of forms) {
        const listed = await send('GET', api('/Messages.json'), { ...form, To: '+15557779701' });
        expect({ form, sids: listed.body.messages.map((message: { sid: string }) => message.sid) }).toEqual({ form, sids: [sent.body.sid] });
      }
      expect((await send('GET', api(`/Messages/${sent.body.sid}.json`))).status).toBe(200);
    });

    it('buys a number, and refuses one the account already owns', async () => {
      const bought = await send('POST', api('/IncomingPhoneNumbers.json'), { PhoneNumber: '+15557770042' });
      expect([bought.status, bought.body.phone_number, bought.body.sid]).toEqual([201, '+15557770042', expect.stringMatching(/^PN/)]);
      const again = await send('POST', api('/IncomingPhoneNumbers.json'), { PhoneNumber: '+15557770042' });
      expect([again.status, again.body.code]).toEqual([400, 21422]);
    });

    it('finds, reads and releases an incoming number', async () => {
      const [number] = (await send('GET', api('/IncomingPhoneNumbers.json'), { PhoneNumber: account.numbers[1] })).body.incoming_phone_numbers;
      expect(number.phone_number).toBe(account.numbers[1]);
      expect((await send('GET', api(`/IncomingPhoneNumbers/${number.sid}.json`))).status).toBe(200);
      expect((await send('DELETE', api(`/IncomingPhoneNumbers/${number.sid}.json`))).status).toBe(204);
    });
  });

  /** As Twilio's curl examples send the Content API's bodies: `-H 'Content-Type: application/json' -d '{…}'`. */
  async function sendJson(path: string, body: string): Promise<Answer> {
    const url = `${sandbox.url}${path}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body,
    });
    const text = await response.text();
    const { domain, path: below } = sandboxTarget(url, sandbox.url);
    log.check('POST', domain, below, response.status, text);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  describe('Content API and WhatsApp', () => {
    it("creates a template from the docs' curl example (JSON, {{1}} variables), submits it and reads it back every way", async () => {
      const created = await sendJson(
        '/content/v1/Content',
        '{"friendly_name": "owl_air_qr", "language": "en", "variables": {"1": "Owl Air Customer"}, "types": {"twilio/quick-reply": {"body": "Hi, {{ 1 }}. Thanks for contacting Owl Air Support. How can I help?", "actions": [{"title": "Check flight status", "id": "flightid1"}, {"title": "Check gate number", "id": "gateid1"}]}, "twilio/text": {"body": "Hi, {{ 1 }}. Thanks for contacting Owl Air Support. How can I help?"}}}',
      );
      expect(created).toMatchObject({
        status: 201,
        body: { friendly_name: 'owl_air_qr', variables: { 1: 'Owl Air Customer' }, types: { 'twilio/text': expect.any(Object) } },
      });
      const sid = created.body.sid as string;
      expect((await send('GET', `/content/v1/Content/${sid}`)).status).toBe(200);
      expect((await send('GET', '/content/v1/Content', { PageSize: '50' })).body.meta).toMatchObject({ key: 'contents', page_size: 50 });
      const submitted = await sendJson(`/content/v1/Content/${sid}/ApprovalRequests/whatsapp`, '{"name": "flight_replies", "category": "UTILITY"}');
      expect(submitted).toMatchObject({
        status: 201,
        body: { name: 'flight_replies', category: 'UTILITY', status: 'received', content_type: 'twilio/quick-reply' },
      });
      expect((await send('GET', `/content/v1/Content/${sid}/ApprovalRequests`)).body.whatsapp).toMatchObject({
        type: 'whatsapp',
        status: 'received',
      });
      const listed = await send('GET', '/content/v1/ContentAndApprovals', { PageSize: '10' });
      expect(listed.body.contents.find((template: { sid: string }) => template.sid === sid)).toMatchObject({
        approval_requests: { status: 'received' },
      });
      expect((await send('DELETE', `/content/v1/Content/${sid}`)).status).toBe(204);
    });

    it("sends a template over WhatsApp as the docs' curl does (ContentSid, ContentVariables as JSON text)", async () => {
      const [sender] = account.whatsappSenders;
      const created = await send('POST', api('/Messages.json'), {
        ContentSid: account.contentTemplates.appointmentReminder,
        ContentVariables: '{"1":"Name","2":"Monday"}',
        From: sender,
        To: 'whatsapp:+15557779801',
      });
      expect(created).toMatchObject({
        status: 201,
        body: { from: sender, to: 'whatsapp:+15557779801', status: 'queued', body: expect.stringContaining('Hello Name') },
      });
    });

    it('binds a WhatsApp participant from MessagingBinding.* and posts a template message to it', async () => {
      const [sender] = account.whatsappSenders;
      const conversation = (await send('POST', '/conversations/v1/Conversations', { FriendlyName: 'WhatsApp encodings' })).body.sid as string;
      const participant = await send('POST', `/conversations/v1/Conversations/${conversation}/Participants`, {
        'MessagingBinding.Address': 'whatsapp:+15557779802',
        'MessagingBinding.ProxyAddress': sender,
      });
      expect(participant).toMatchObject({
        status: 201,
        body: { messaging_binding: { type: 'whatsapp', address: 'whatsapp:+15557779802', proxy_address: sender } },
      });
      const message = await send('POST', `/conversations/v1/Conversations/${conversation}/Messages`, {
        Author: 'agent.alice',
        ContentSid: account.contentTemplates.appointmentConfirmation,
        ContentVariables: '{"1": "Ada", "2": "Friday"}',
      });
      expect(message).toMatchObject({
        status: 201,
        body: { content_sid: account.contentTemplates.appointmentConfirmation, body: 'Hi Ada, please confirm your appointment on Friday.' },
      });
    });
  });

  it('replayed every endpoint the sandbox serves, each answered with success at least once', async () => {
    // The sandbox's request log names the route that served each request.
    const { requests } = await controls.requests();
    const replayed = new Set(requests.filter((request) => request.status !== null && request.status < 400).map((request) => request.endpoint));
    const routes = twilioRoutes({ current: undefined } as unknown as StateRef).map(({ method, pattern }) => `${method} ${pattern}`);
    expect(routes.filter((route) => !replayed.has(route))).toEqual([]);
  });

  it('answered every replayed request with a body that matches its twilio-oai schema', () => {
    expect(log.violationReport()).toEqual([]);
  });
});

/** As `curl --data-urlencode` sends it: the value percent-encoded, each repetition of a name its own pair. */
function encode(form: Form): string {
  return Object.entries(form)
    .flatMap(([name, value]) => ([] as string[]).concat(value).map((item) => `${encodeURIComponent(name)}=${encodeURIComponent(item)}`))
    .join('&');
}

/** `YYYY-MM-DDThh:mm:ss±hh:00`: the instant written in another time zone, as Studio's docs write dates. */
function withOffset(instant: Date, hours: number): string {
  const local = new Date(instant.getTime() + hours * 3_600_000).toISOString().slice(0, 19);
  const sign = hours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}
