import { SandboxControls, startSandbox, type RunningSandbox } from '../index';
import { loadOpenApiCatalog } from '../spec';
import { ContractLog } from './contract-log.test-helpers';
import { sandboxRouteOperations } from './sandbox-routes.test-helpers';
import { validatingTwilioClient } from './validating-request-client.test-helpers';
import { CONTENT_OPERATIONS, walkWhatsAppJourneys } from './whatsapp-journeys.test-helpers';

/**
 * The WhatsApp responses of the sandbox checked against Twilio's official OpenAPI schemas (twilio_content_v1.json,
 * and the Messaging, Conversations and Flex specs for the WhatsApp sends): the SDK reaches the sandbox through a
 * RequestClient that validates each body as it arrives, while the journeys walk templates, their approval, sends in
 * and outside the customer service window and an outbound WhatsApp Interaction.
 */
describe('sandbox contract with Twilio OpenAPI specs: Content API and WhatsApp', () => {
  let sandbox: RunningSandbox;
  const log = new ContractLog();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, deliveryStepMs: 0 });
    const { accountSid, authToken } = sandbox.account;
    await walkWhatsAppJourneys({
      client: validatingTwilioClient(sandbox.url, accountSid, authToken, log),
      account: sandbox.account,
      controls: new SandboxControls(sandbox.url),
    });
    // Loading and compiling the specs takes more than jest's 5 s on a busy machine.
  }, 30_000);

  afterAll(() => sandbox?.close());

  it('answers every request with a body that matches its schema', () => {
    expect(log.violationReport()).toEqual([]);
  });

  it('has exercised every Content API operation it serves', () => {
    const exercised = log.succeededOperations();
    const routes = sandboxRouteOperations(loadOpenApiCatalog()).filter(({ route }) => route.includes(' /content/'));
    expect(routes.filter(({ operation }) => !operation).map(({ route }) => route)).toEqual([]);
    expect(routes.map(({ operation }) => operation).sort()).toEqual([...CONTENT_OPERATIONS].sort());
    expect(CONTENT_OPERATIONS.filter((operation) => !exercised.has(operation))).toEqual([]);
  });

  it("has checked Twilio's error body for the refusals (400, 404)", () => {
    expect([...log.errorStatuses()]).toEqual(expect.arrayContaining([400, 404]));
  });
});
