import { loadOpenApiCatalog } from './openapi-catalog';

const catalog = loadOpenApiCatalog();

const sid = (prefix: string, digit = '0') => prefix + digit.repeat(32);
const FLEX_FLOW_SID = sid('FO');
const FLEX_FLOW_PATH = `/v1/FlexFlows/${FLEX_FLOW_SID}`;

/** A FlexFlow as Twilio sends it, written from the `flex.v1.flex_flow` schema: every declared field, nothing else. */
function flexFlow(): Record<string, unknown> {
  return {
    account_sid: sid('AC'),
    date_created: '2026-11-24T10:00:00Z',
    date_updated: '2026-11-24T10:05:00Z',
    sid: FLEX_FLOW_SID,
    friendly_name: 'Outbound SMS',
    chat_service_sid: sid('IS'),
    channel_type: 'sms',
    contact_identity: '+15551230000',
    enabled: true,
    integration_type: 'task',
    integration: { workspace_sid: sid('WS'), workflow_sid: sid('WW'), channel: sid('TC'), creation_on_message: false },
    long_lived: false,
    janitor_enabled: true,
    url: `https://flex-api.twilio.com${FLEX_FLOW_PATH}`,
  };
}

function flexFlowPage(flows: unknown[]): Record<string, unknown> {
  const url = 'https://flex-api.twilio.com/v1/FlexFlows?PageSize=50&Page=0';
  return {
    flex_flows: flows,
    meta: { page: 0, page_size: 50, first_page_url: url, previous_page_url: null, url, next_page_url: null, key: 'flex_flows' },
  };
}

const fetchFlexFlow = (body: unknown) => catalog.checkResponse('flex-api', 'GET', FLEX_FLOW_PATH, 200, body);

describe('loadOpenApiCatalog', () => {
  it('returns one shared catalog, so specs are parsed and schemas compiled once per process', () => {
    expect(loadOpenApiCatalog()).toBe(catalog);
  });
});

describe('OpenApiCatalog.checkResponse', () => {
  it('accepts a FlexFlow that matches flex.v1.flex_flow', () => {
    expect(fetchFlexFlow(flexFlow())).toEqual([]);
  });

  it('accepts null for nullable fields, enums included', () => {
    expect(fetchFlexFlow({ ...flexFlow(), contact_identity: null, integration: null, integration_type: null })).toEqual([]);
  });

  it('rejects a field the schema does not declare', () => {
    expect(fetchFlexFlow({ ...flexFlow(), color: 'red' })).toEqual(['(body): has "color", which the spec does not declare']);
  });

  it('rejects a body that leaves out a declared field', () => {
    const { janitor_enabled: _omitted, ...body } = flexFlow();
    expect(fetchFlexFlow(body)).toEqual(['(body): lacks "janitor_enabled", which the spec declares']);
  });

  it('rejects a wrong type, a value outside the enum, a SID of another resource and a malformed date', () => {
    const violations = fetchFlexFlow({
      ...flexFlow(),
      enabled: 'yes',
      channel_type: 'pigeon',
      chat_service_sid: sid('KS'),
      date_created: '24/11/2026',
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        '/enabled: must be boolean or null, got "yes"',
        expect.stringMatching(/^\/channel_type: must be one of "web", "sms", .*got "pigeon"$/),
        expect.stringContaining('/chat_service_sid: must match pattern "^IS[0-9a-fA-F]{32}$"'),
        '/date_created: must be a date-time, got "24/11/2026"',
      ]),
    );
  });

  it('accepts a list page (the list key plus meta) and rejects null where the schema is not nullable', () => {
    expect(catalog.checkResponse('flex-api', 'GET', '/v1/FlexFlows', 200, flexFlowPage([flexFlow()]))).toEqual([]);
    const page = flexFlowPage([{ ...flexFlow(), sid: 42 }]);
    (page.meta as Record<string, unknown>).key = null;
    expect(catalog.checkResponse('flex-api', 'GET', '/v1/FlexFlows', 200, page)).toEqual([
      '/flex_flows/0/sid: must be string or null, got 42',
      '/meta/key: must be string, got null',
    ]);
  });

  it('parses bodies that arrive as JSON text', () => {
    expect(fetchFlexFlow(JSON.stringify(flexFlow()))).toEqual([]);
    expect(fetchFlexFlow('<html>')).toEqual(['(body): is not JSON: <html>']);
  });

  it('rejects a status the operation does not declare', () => {
    expect(catalog.checkResponse('flex-api', 'POST', '/v1/FlexFlows', 200, flexFlow())).toEqual([
      'flex-api:CreateFlexFlow does not answer 200; the spec declares 201',
    ]);
  });

  it('wants no body with a 204', () => {
    expect(catalog.checkResponse('flex-api', 'DELETE', FLEX_FLOW_PATH, 204, '')).toEqual([]);
    expect(catalog.checkResponse('flex-api', 'DELETE', FLEX_FLOW_PATH, 204, {})).toEqual(['(body): must be empty for 204, got a body']);
  });

  it("checks error statuses against Twilio's error body", () => {
    const notFound = {
      code: 20404,
      message: 'The requested resource was not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    };
    expect(catalog.checkResponse('flex-api', 'GET', FLEX_FLOW_PATH, 404, notFound)).toEqual([]);
    expect(catalog.checkResponse('flex-api', 'GET', FLEX_FLOW_PATH, 400, notFound)).toEqual(['/status: must repeat the HTTP status 400, got 404']);
    const { more_info: _omitted, ...withoutLink } = notFound;
    expect(catalog.checkResponse('flex-api', 'GET', FLEX_FLOW_PATH, 404, { ...withoutLink, detail: 'x' })).toEqual([
      '(body): lacks "more_info", which the spec declares',
      '(body): has "detail", which the spec does not declare',
    ]);
  });

  it('reports a path no operation of the spec serves', () => {
    expect(catalog.checkResponse('flex-api', 'GET', '/v1/Pigeons', 200, {})).toEqual(['no operation of the flex-api spec matches GET /v1/Pigeons']);
  });

  it('accepts the relative URIs and RFC 2822 dates of API 2010', () => {
    const uri = `/2010-04-01/Accounts/${sid('AC')}/Messages.json?PageSize=50&Page=0`;
    const page = { messages: [], end: 0, first_page_uri: uri, next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri };
    expect(catalog.checkResponse('api', 'GET', `/2010-04-01/Accounts/${sid('AC')}/Messages.json`, 200, page)).toEqual([]);
    expect(catalog.checkResponse('api', 'GET', `/2010-04-01/Accounts/${sid('AC')}/Messages.json`, 200, { ...page, uri: 'not a uri' })).toEqual([
      '/uri: must be a uri-reference, got "not a uri"',
    ]);
  });
});

describe('OpenApiCatalog.checkRequest', () => {
  const createFlexFlow = {
    FriendlyName: 'Outbound SMS',
    ChatServiceSid: sid('IS'),
    ChannelType: 'sms',
    IntegrationType: 'task',
    'Integration.WorkspaceSid': sid('WS'),
    'Integration.WorkflowSid': sid('WW'),
  };

  it('accepts the form parameters of the operation, dotted names included', () => {
    expect(catalog.checkRequest('flex-api', 'POST', '/v1/FlexFlows', createFlexFlow)).toEqual({ known: true, problems: [] });
  });

  it('reports parameters the spec does not know and required ones not sent', () => {
    const { ChannelType: _omitted, ...withoutChannelType } = createFlexFlow;
    expect(catalog.checkRequest('flex-api', 'POST', '/v1/FlexFlows', { ...withoutChannelType, 'Integration.Color': 'red' })).toEqual({
      known: true,
      problems: [
        { param: 'Integration.Color', problem: 'unknown' },
        { param: 'ChannelType', problem: 'missing' },
      ],
    });
  });

  it('checks query parameters of reads, paging included', () => {
    expect(
      catalog.checkRequest('flex-api', 'GET', '/v1/FlexFlows', { FriendlyName: 'x', PageSize: '50', Page: '1', PageToken: 'PT1' }).problems,
    ).toEqual([]);
    expect(catalog.checkRequest('flex-api', 'GET', FLEX_FLOW_PATH, { PageSize: '50' }).problems).toEqual([{ param: 'PageSize', problem: 'unknown' }]);
  });

  it('takes repeated parameters (Proxy Participants) as one', () => {
    const params = { UniqueName: 'outbound', Participants: ['{"Identifier":"+15551230001"}', '{"Identifier":"+15551230002"}'] };
    expect(catalog.checkRequest('proxy', 'POST', `/v1/Services/${sid('KS')}/Sessions`, params)).toEqual({ known: true, problems: [] });
  });

  it('says when no operation matches the domain, method and path', () => {
    expect(catalog.checkRequest('pigeon', 'GET', '/v1/FlexFlows', {})).toEqual({ known: false, problems: [] });
    expect(catalog.checkRequest('flex-api', 'PUT', '/v1/FlexFlows', {})).toEqual({ known: false, problems: [] });
    expect(catalog.checkRequest('flex-api', 'GET', '/v1/Pigeons', {})).toEqual({ known: false, problems: [] });
  });
});

describe('OpenApiCatalog.operationFor', () => {
  it('finds the operation of a concrete path with SIDs', () => {
    expect(catalog.operationFor('proxy', 'get', `/v1/Services/${sid('KS')}/Sessions/${sid('KC')}`)).toEqual({
      operationId: 'FetchSession',
      key: 'proxy:FetchSession',
      pathTemplate: '/v1/Services/{ServiceSid}/Sessions/{Sid}',
    });
  });

  it('finds a Session fetched by its UniqueName, as Twilio allows', () => {
    expect(catalog.operationFor('proxy', 'GET', `/v1/Services/${sid('KS')}/Sessions/outbound-15551230001`)?.key).toBe('proxy:FetchSession');
  });

  it('tells apart operations that share an operationId across domains', () => {
    expect(catalog.operationFor('chat', 'GET', '/v2/Services')?.key).toBe('chat:ListService');
    expect(catalog.operationFor('proxy', 'GET', '/v1/Services')?.key).toBe('proxy:ListService');
  });

  it('matches API 2010 paths with their .json suffix', () => {
    expect(catalog.operationFor('api', 'GET', `/2010-04-01/Accounts/${sid('AC')}/Messages/${sid('SM')}.json`)?.key).toBe('api:FetchMessage');
    expect(catalog.operationFor('api', 'GET', `/2010-04-01/Accounts/${sid('AC')}/Messages/${sid('SM')}`)).toBeUndefined();
  });
});
