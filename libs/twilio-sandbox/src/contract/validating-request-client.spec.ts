import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractLog } from './contract-log.test-helpers';
import { sandboxTarget, validatingTwilioClient } from './validating-request-client.test-helpers';

const FLEX_FLOW_SID = `FO${'0'.repeat(32)}`;

describe('validatingTwilioClient', () => {
  let server: Server;
  let url: string;
  let answer: { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('records the violations of a response that does not match its schema, under its operation', async () => {
    const log = new ContractLog();
    answer = { status: 200, body: { sid: FLEX_FLOW_SID, colour: 'red' } };
    await validatingTwilioClient(url, `AC${'0'.repeat(32)}`, 'token', log)
      .flexApi.v1.flexFlow(FLEX_FLOW_SID)
      .fetch();
    const report = log.violationReport();
    expect(report).toContain(
      `flex-api:FetchFlexFlow (GET /v1/FlexFlows/${FLEX_FLOW_SID} → 200) (body): has "colour", which the spec does not declare`,
    );
    expect(report).toContainEqual(expect.stringContaining('(body): lacks "friendly_name", which the spec declares'));
    expect(log.succeededOperations()).toEqual(new Set(['flex-api:FetchFlexFlow']));
  });

  it('checks error answers against the Twilio error body and keeps them out of the exercised operations', async () => {
    const log = new ContractLog();
    answer = { status: 404, body: { code: 20404, message: 'Not found' } };
    await expect(
      validatingTwilioClient(url, `AC${'0'.repeat(32)}`, 'token', log)
        .flexApi.v1.flexFlow(FLEX_FLOW_SID)
        .fetch(),
    ).rejects.toMatchObject({ status: 404 });
    expect(log.violationReport()).toEqual([
      `flex-api:FetchFlexFlow (GET /v1/FlexFlows/${FLEX_FLOW_SID} → 404) (body): lacks "more_info", which the spec declares`,
      `flex-api:FetchFlexFlow (GET /v1/FlexFlows/${FLEX_FLOW_SID} → 404) (body): lacks "status", which the spec declares`,
    ]);
    expect(log.succeededOperations().size).toBe(0);
    expect(log.errorStatuses()).toEqual(new Set([404]));
  });
});

describe('sandboxTarget', () => {
  it('splits a sandbox URL into the Twilio domain and the path below it, without the query', () => {
    expect(sandboxTarget('http://127.0.0.1:3100/proxy/v1/Services/KS1/Sessions?PageSize=50', 'http://127.0.0.1:3100')).toEqual({
      domain: 'proxy',
      path: '/v1/Services/KS1/Sessions',
    });
  });

  it('allows a sandbox mounted below a path', () => {
    expect(sandboxTarget('http://h:1/twilio/api/2010-04-01/Accounts/AC1/Messages.json', 'http://h:1/twilio/')).toEqual({
      domain: 'api',
      path: '/2010-04-01/Accounts/AC1/Messages.json',
    });
  });
});
