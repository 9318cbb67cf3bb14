import { SandboxControls, startSandbox, type RunningSandbox } from '../index';
import { loadOpenApiCatalog } from '../spec';
import { ContractLog } from './contract-log.test-helpers';
import { CONVERSATIONS_OPERATIONS, walkConversationsJourneys } from './conversations-journeys.test-helpers';
import { sandboxRouteOperations } from './sandbox-routes.test-helpers';
import { validatingTwilioClient } from './validating-request-client.test-helpers';

/** Routes of the conversations mode: the Conversations domain and Flex's Interactions. */
const isConversationsModeRoute = (route: string) => route.includes(' /conversations/') || route.includes(' /flex-api/v1/Interactions');

/**
 * The conversations-mode responses of the sandbox checked against Twilio's official OpenAPI schemas
 * (twilio_conversations_v1.json, twilio_flex_v1.json): the SDK reaches the sandbox through a RequestClient that
 * validates each body as it arrives, while the journeys walk an outbound Interaction, messages both ways,
 * auto-creation on inbound and the error paths.
 */
describe('sandbox contract with Twilio OpenAPI specs: Conversations and Flex Interactions', () => {
  let sandbox: RunningSandbox;
  const log = new ContractLog();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const { accountSid, authToken } = sandbox.account;
    await walkConversationsJourneys({
      client: validatingTwilioClient(sandbox.url, accountSid, authToken, log),
      account: sandbox.account,
      controls: new SandboxControls(sandbox.url),
    });
    // Loading and compiling the specs, and waiting for a delivery receipt, take more than jest's 5 s on a busy machine.
  }, 30_000);

  afterAll(() => sandbox?.close());

  it('answers every request with a body that matches its schema', () => {
    expect(log.violationReport()).toEqual([]);
  });

  it('has exercised every Conversations and Interactions operation it serves', () => {
    const exercised = log.succeededOperations();
    expect(CONVERSATIONS_OPERATIONS.filter((operation) => !exercised.has(operation))).toEqual([]);
    const routes = sandboxRouteOperations(loadOpenApiCatalog()).filter(({ route }) => isConversationsModeRoute(route));
    expect(routes.filter(({ operation }) => !operation).map(({ route }) => route)).toEqual([]);
    expect(routes.filter(({ operation }) => !exercised.has(operation as string)).map(({ route }) => route)).toEqual([]);
    expect(routes.map(({ operation }) => operation).sort()).toEqual([...CONVERSATIONS_OPERATIONS].sort());
  });

  it("has checked Twilio's error body for the conflicts and refusals (400, 404, 409)", () => {
    expect([...log.errorStatuses()]).toEqual(expect.arrayContaining([400, 404, 409]));
  });
});
