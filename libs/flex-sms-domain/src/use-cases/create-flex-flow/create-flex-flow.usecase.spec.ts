import { FlexFlowAlreadyExists, InvalidFlexFlowSettings, InvalidPhoneNumber } from '../../errors';
import type { FlexFlowManagementDependencies } from '../../flex-flows/flex-flow-management.dependencies';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FAKE_STUDIO_FLOW, FAKE_WORKFLOW, FakeAccount, TASK_CHANNELS } from '../../testing/fake-account-ports';
import { FixedRandom } from '../../testing/fake-clock';
import { FAKE_CHAT_SERVICE, FAKE_WORKSPACE } from '../../testing/fake-twilio';
import { DeleteFlexFlow } from '../delete-flex-flow/delete-flex-flow.usecase';
import { UpdateFlexFlow } from '../update-flex-flow/update-flex-flow.usecase';
import { CreateFlexFlow } from './create-flex-flow.usecase';

const NUMBER = '+15550100001';

function world() {
  const account = new FakeAccount();
  account.addFlowsFor('+15550100009');
  const invalidations: number[] = [];
  const deps: FlexFlowManagementDependencies = {
    ...account.ports(),
    retrier: new TwilioRetrier(account.clock, new FixedRandom()),
    onFlexFlowsChanged: () => invalidations.push(1),
  };
  return { account, deps, invalidations };
}

describe('CreateFlexFlow', () => {
  it('creates a Task flow with the README defaults, picked from the account, and empties the cache', async () => {
    const { deps, invalidations } = world();

    const flow = await new CreateFlexFlow(deps).execute({ integrationType: 'task', contactIdentity: '+1 (555) 010-0001' });

    expect(flow).toMatchObject({
      friendlyName: `Flex SMS To Task Flow ${NUMBER}`,
      contactIdentity: NUMBER,
      chatServiceSid: FAKE_CHAT_SERVICE,
      enabled: false,
      integration: { workspaceSid: FAKE_WORKSPACE, workflowSid: FAKE_WORKFLOW, channel: TASK_CHANNELS[2].sid },
      longLived: false,
      janitorEnabled: true,
    });
    expect(invalidations).toHaveLength(1);
  });

  it('creates an enabled Studio flow on the Studio Flow the account already uses', async () => {
    const { deps } = world();
    const flow = await new CreateFlexFlow(deps).execute({ integrationType: 'studio', contactIdentity: NUMBER, longLived: true });
    expect(flow).toMatchObject({ enabled: true, integrationType: 'studio', integration: { flowSid: FAKE_STUDIO_FLOW }, longLived: true });
  });

  // Found by the OpenAPI fuzz: Flex answered these with a 400 (a 502 here) and a 404 that named no setting.
  it('refuses a Studio Flow or a Workspace the account does not have, naming the setting', async () => {
    const { deps, account } = world();
    const before = account.twilio.flows.length;
    const problemsOf = (command: Parameters<CreateFlexFlow['execute']>[0]) =>
      new CreateFlexFlow(deps).execute(command).then(
        () => [],
        (error: InvalidFlexFlowSettings) => error.problems,
      );

    expect(await problemsOf({ integrationType: 'studio', contactIdentity: NUMBER, integration: { flowSid: `FW${'9'.repeat(32)}` } })).toEqual([
      { field: 'integration.flowSid', message: `FW${'9'.repeat(32)} is not a Studio Flow of the account` },
    ]);
    expect(await problemsOf({ integrationType: 'task', contactIdentity: NUMBER, integration: { workspaceSid: `WS${'9'.repeat(32)}` } })).toEqual([
      { field: 'integration.workspaceSid', message: `WS${'9'.repeat(32)} is not a TaskRouter Workspace of the account` },
    ]);
    expect(account.twilio.flows).toHaveLength(before);
  });

  it('reports every problem with the settings at once, and creates nothing', async () => {
    const { deps, account } = world();
    const before = account.twilio.flows.length;

    const failure = await new CreateFlexFlow(deps)
      .execute({
        integrationType: 'task',
        contactIdentity: NUMBER,
        chatServiceSid: `IS${'9'.repeat(32)}`,
        integration: { workflowSid: `WW${'9'.repeat(32)}`, channel: 'voice', flowSid: FAKE_STUDIO_FLOW },
      })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(InvalidFlexFlowSettings);
    expect((failure as InvalidFlexFlowSettings).problems.map((problem) => problem.field)).toEqual([
      'chatServiceSid',
      'integration.flowSid',
      'integration.workflowSid',
      'integration.channel',
    ]);
    expect(account.twilio.flows).toHaveLength(before);
  });

  it('asks for a workspace when the account has several', async () => {
    const { deps, account } = world();
    account.workspaces.push({ sid: `WS${'2'.repeat(32)}`, friendlyName: 'Other' });
    await expect(new CreateFlexFlow(deps).execute({ integrationType: 'task', contactIdentity: NUMBER })).rejects.toThrow(
      'integration.workspaceSid: not given, and the account has 2 TaskRouter Workspaces',
    );
  });

  it('refuses a second flow of the same kind for the number, and a number that is not E.164', async () => {
    const { deps } = world();
    await expect(new CreateFlexFlow(deps).execute({ integrationType: 'task', contactIdentity: '+15550100009' })).rejects.toBeInstanceOf(
      FlexFlowAlreadyExists,
    );
    await expect(new CreateFlexFlow(deps).execute({ integrationType: 'task', contactIdentity: '555' })).rejects.toBeInstanceOf(InvalidPhoneNumber);
  });
});

describe('UpdateFlexFlow and DeleteFlexFlow', () => {
  it('changes only what is given, checks a new task channel, and deletes', async () => {
    const { deps, account, invalidations } = world();
    const task = account.twilio.flows.find((flow) => flow.integrationType === 'task')!;

    const updated = await new UpdateFlexFlow(deps).execute({ sid: task.sid, longLived: true, integration: { workflowSid: FAKE_WORKFLOW } });
    expect(updated).toMatchObject({ longLived: true, integration: { channel: TASK_CHANNELS[2].sid, workflowSid: FAKE_WORKFLOW } });

    await expect(new UpdateFlexFlow(deps).execute({ sid: task.sid, integration: { channel: 'sms' } })).rejects.toThrow(
      "must be the 'chat' TaskChannel",
    );

    await new DeleteFlexFlow(deps).execute(task.sid);
    expect(account.twilio.flows.some((flow) => flow.sid === task.sid)).toBe(false);
    await expect(new DeleteFlexFlow(deps).execute(task.sid)).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect(invalidations).toHaveLength(2);
  });
});
