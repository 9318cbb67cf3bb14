import { createTestApp, type TestApp } from '../testing/test-app';

const NEW_NUMBER = '+15550100001';

/**
 * Create → list → update → delete of both kinds of Flex Flow over HTTP against the sandbox, with the README's
 * defaults picked from the account, and the checks that run before Flex is asked.
 */
describe('Flex Flow management over HTTP', () => {
  let api: TestApp;
  const list = (refresh: boolean) => api.http.get(`/api/v1/flex-flows${refresh ? '?refresh=true' : ''}`).expect(200);
  const listFor = async (number: string, refresh = false) =>
    ((await list(refresh)).body.flexFlows as Array<Record<string, unknown>>).filter((flow) => flow.contactIdentity === number);

  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.reset());

  /** The demo account seeds both flows for each number: remove the number's own so creating them is the test. */
  async function removeSeededFlows(number: string): Promise<void> {
    // The sandbox was reset behind the API's back: read the flows afresh.
    for (const flow of await listFor(number, true)) await api.http.delete(`/api/v1/flex-flows/${String(flow.sid)}`).expect(204);
  }

  it('filters the list by number (any format, compared in E.164), integration type, channel type and enabled', async () => {
    const flows = async (query: string) =>
      ((await api.http.get(`/api/v1/flex-flows?refresh=true&${query}`).expect(200)).body.flexFlows as Array<Record<string, unknown>>).map(
        (flow) => `${String(flow.contactIdentity)}:${String(flow.integrationType)}:${String(flow.enabled)}`,
      );
    expect(await flows('number=%2B1%20555-010-0001')).toEqual(expect.arrayContaining(['+15550100001:studio:true', '+15550100001:task:false']));
    expect(await flows('number=%2B15550100001')).toHaveLength(2);
    expect((await flows('integrationType=task&channelType=sms')).sort()).toEqual(['+15550100001:task:false', '+15550100002:task:false']);
    expect((await flows('enabled=true')).sort()).toEqual(['+15550100001:studio:true', '+15550100002:studio:true']);
    expect(await flows('channelType=web')).toEqual([]);
    const invalid = await api.http.get('/api/v1/flex-flows?integrationType=fax&enabled=maybe').expect(400);
    expect(invalid.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['enabled', 'integrationType']);
  });

  it('creates a Task flow with defaults from the account, lists, updates and deletes it', async () => {
    await removeSeededFlows(NEW_NUMBER);
    const account = api.sandbox.account;

    const created = await api.http.post('/api/v1/flex-flows').send({ integrationType: 'task', contactIdentity: NEW_NUMBER }).expect(201);
    expect(created.body).toMatchObject({
      sid: expect.stringMatching(/^FO/),
      friendlyName: `Flex SMS To Task Flow ${NEW_NUMBER}`,
      chatServiceSid: account.chatServiceSid,
      channelType: 'sms',
      contactIdentity: NEW_NUMBER,
      enabled: false,
      integrationType: 'task',
      integration: { workspaceSid: account.workspaceSid, workflowSid: account.workflowSid, channel: account.taskChannelSids.chat },
      longLived: false,
      janitorEnabled: true,
    });
    // The outbound flows' cache was emptied: the list (served from it) has the new flow at once.
    expect((await listFor(NEW_NUMBER)).map((flow) => flow.sid)).toEqual([created.body.sid]);

    const updated = await api.http.patch(`/api/v1/flex-flows/${created.body.sid}`).send({ longLived: true, friendlyName: 'Renamed' }).expect(200);
    expect(updated.body).toMatchObject({ longLived: true, friendlyName: 'Renamed', integration: { channel: account.taskChannelSids.chat } });
    expect((await listFor(NEW_NUMBER))[0]).toMatchObject({ longLived: true });

    await api.http.delete(`/api/v1/flex-flows/${created.body.sid}`).expect(204);
    expect(await listFor(NEW_NUMBER)).toEqual([]);
    await api.http.delete(`/api/v1/flex-flows/${created.body.sid}`).expect(404);
  });

  it('creates a Studio flow on the Studio Flow the account already uses, and updates it', async () => {
    await removeSeededFlows(NEW_NUMBER);
    const created = await api.http
      .post('/api/v1/flex-flows')
      .send({ integrationType: 'studio', contactIdentity: NEW_NUMBER, janitorEnabled: false })
      .expect(201);
    expect(created.body).toMatchObject({
      friendlyName: `Flex Messaging Channel Flow ${NEW_NUMBER}`,
      enabled: true,
      integrationType: 'studio',
      integration: { flowSid: api.sandbox.account.studioFlowSid },
      janitorEnabled: false,
    });
    const updated = await api.http.patch(`/api/v1/flex-flows/${created.body.sid}`).send({ enabled: false, janitorEnabled: true }).expect(200);
    expect(updated.body).toMatchObject({ enabled: false, janitorEnabled: true, integration: { flowSid: api.sandbox.account.studioFlowSid } });
    await api.http.delete(`/api/v1/flex-flows/${created.body.sid}`).expect(204);
    expect(await listFor(NEW_NUMBER)).toEqual([]);
  });

  it('reports every invalid field at once, before Twilio is called', async () => {
    await api.controls.clearRequests();
    const response = await api.http
      .post('/api/v1/flex-flows')
      .send({
        integrationType: 'email',
        contactIdentity: '555-0100',
        chatServiceSid: 'IS123',
        integration: { workflowSid: 'nope' },
        longLived: 'yes',
        colour: 'red',
      })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(new Set(response.body.error.details.map((detail: { field: string }) => detail.field))).toEqual(
      new Set(['integrationType', 'contactIdentity', 'chatServiceSid', 'integration.workflowSid', 'longLived', 'colour']),
    );
    expect((await api.controls.requests()).total).toBe(0);
  });

  it('refuses settings that do not fit the account, listing every problem', async () => {
    await removeSeededFlows(NEW_NUMBER);
    const response = await api.http
      .post('/api/v1/flex-flows')
      .send({
        integrationType: 'task',
        contactIdentity: NEW_NUMBER,
        chatServiceSid: `IS${'0'.repeat(32)}`,
        integration: { workflowSid: `WW${'0'.repeat(32)}`, channel: 'voice' },
      })
      .expect(422);
    expect(response.body.error.code).toBe('INVALID_FLEX_FLOW_SETTINGS');
    expect(response.body.error.context.problems.map((problem: { field: string }) => problem.field)).toEqual([
      'chatServiceSid',
      'integration.workflowSid',
      'integration.channel',
    ]);
    expect(await listFor(NEW_NUMBER)).toEqual([]);
  });

  // Found by the OpenAPI fuzz: an unknown FlowSid answered 502 (Flex's 400), an unknown WorkspaceSid 404.
  it('refuses a Studio Flow or a Workspace the account does not have with 422, naming the setting', async () => {
    await removeSeededFlows(NEW_NUMBER);
    for (const [integrationType, integration, field] of [
      ['studio', { flowSid: `FW${'0'.repeat(32)}` }, 'integration.flowSid'],
      ['task', { workspaceSid: `WS${'0'.repeat(32)}` }, 'integration.workspaceSid'],
    ] as const) {
      const response = await api.http.post('/api/v1/flex-flows').send({ integrationType, contactIdentity: NEW_NUMBER, integration }).expect(422);
      expect(response.body.error).toMatchObject({ code: 'INVALID_FLEX_FLOW_SETTINGS', context: { problems: [{ field }] } });
    }
    expect(await listFor(NEW_NUMBER, true)).toEqual([]);
  });

  it('refuses a second flow of the same kind for a number (409), and an unknown flow (404)', async () => {
    const response = await api.http.post('/api/v1/flex-flows').send({ integrationType: 'task', contactIdentity: NEW_NUMBER }).expect(409);
    expect(response.body.error).toMatchObject({
      code: 'FLEX_FLOW_ALREADY_EXISTS',
      context: { contactIdentity: NEW_NUMBER, integrationType: 'task' },
    });
    await api.http
      .patch(`/api/v1/flex-flows/FO${'0'.repeat(32)}`)
      .send({ enabled: true })
      .expect(404);
  });
});
