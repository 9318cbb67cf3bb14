import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FAKE_STUDIO_FLOW, FakeAccount, TASK_CHANNELS } from '../../testing/fake-account-ports';
import { FixedRandom } from '../../testing/fake-clock';
import { DiagnoseNumber } from './diagnose-number.usecase';

const NUMBER = '+15550100001';

function world() {
  const account = new FakeAccount();
  account.addNumber(NUMBER);
  const flows = account.addFlowsFor(NUMBER);
  const doctor = new DiagnoseNumber({ ...account.ports(), retrier: new TwilioRetrier(account.clock, new FixedRandom()) });
  const statusOf = async (id: string) => (await doctor.execute(NUMBER)).checks.find((check) => check.id === id)?.status;
  return { account, flows, doctor, statusOf };
}

describe('DiagnoseNumber', () => {
  it('is all ok for a number set up as the README says', async () => {
    const { doctor } = world();
    const diagnosis = await doctor.execute('+1 555 010 0001');
    expect(diagnosis.number).toBe(NUMBER);
    expect(diagnosis.status).toBe('ok');
    expect(diagnosis.checks.filter((check) => check.status !== 'ok')).toEqual([]);
    expect(diagnosis.checks).toHaveLength(10);
  });

  it('finds each broken piece, with its fix', async () => {
    const { account, flows, statusOf } = world();
    flows.task.integration.channel = TASK_CHANNELS[1].sid; // voice
    expect(await statusOf('task-channel')).toBe('error');

    account.workflows.length = 0;
    expect(await statusOf('task-workflow')).toBe('error');

    account.pool.length = 0;
    expect(await statusOf('proxy-pool')).toBe('error');

    flows.studio.chatServiceSid = `IS${'9'.repeat(32)}`;
    expect(await statusOf('chat-service')).toBe('error');

    account.numbers.length = 0;
    expect(await statusOf('number-in-account')).toBe('error');

    account.proxyService = null;
    const diagnosis = await world().doctor.execute(NUMBER);
    expect(diagnosis.status).toBe('ok');
  });

  it('reports missing flows, and what LongLived implies', async () => {
    const { account, flows, doctor } = world();
    flows.studio.longLived = true;
    account.twilio.flows.splice(account.twilio.flows.indexOf(flows.task), 1);

    const diagnosis = await doctor.execute(NUMBER);

    expect(diagnosis.status).toBe('error');
    expect(diagnosis.checks.find((check) => check.id === 'task-flex-flow')).toMatchObject({
      status: 'error',
      fix: expect.stringContaining('POST /api/v1/flex-flows'),
    });
    expect(diagnosis.checks.find((check) => check.id === 'studio-flow-lifecycle')?.status).toBe('warning');
    expect(diagnosis.checks.some((check) => check.id === 'task-channel')).toBe(false);
  });
  describe('a number in conversations mode', () => {
    function conversationsWorld() {
      const base = world();
      const doctor = new DiagnoseNumber({
        ...base.account.ports(),
        retrier: new TwilioRetrier(base.account.clock, new FixedRandom()),
        senderMode: async (number) => ({
          number: number.e164,
          mode: 'conversations',
          source: 'OUTBOUND_MODE',
          reason: 'OUTBOUND_MODE=conversations',
          channels: ['sms'],
        }),
      });
      const addressCheck = async () => (await doctor.execute(NUMBER)).checks.find((check) => check.id === 'address-configuration');
      return { ...base, addressCheck };
    }

    it('warns when no Address Configuration takes the number’s inbound SMS, and says how to create one for its Studio flow', async () => {
      const { addressCheck, flows } = conversationsWorld();
      expect(await addressCheck()).toMatchObject({
        status: 'warning',
        fix: expect.stringContaining(`AutoCreation.StudioFlowSid=${flows.studio.integration.flowSid}`),
      });
    });

    it('warns while AutoCreation is disabled, and is ok once it hands inbound SMS to Studio', async () => {
      const { account, addressCheck } = conversationsWorld();
      const configuration = {
        sid: 'IG' + '1'.repeat(32),
        type: 'sms',
        address: NUMBER,
        autoCreationEnabled: false,
        autoCreationType: 'studio',
        studioFlowSid: FAKE_STUDIO_FLOW,
      };
      account.addressConfigurations.push(configuration);
      expect(await addressCheck()).toMatchObject({
        status: 'warning',
        fix: `POST https://conversations.twilio.com/v1/Configuration/Addresses/${configuration.sid} AutoCreation.Enabled=true`,
      });

      configuration.autoCreationEnabled = true;
      expect(await addressCheck()).toMatchObject({ status: 'ok', detail: expect.stringContaining(FAKE_STUDIO_FLOW) });
    });

    it('is not checked for a chat-proxy number', async () => {
      const { doctor } = world();
      expect((await doctor.execute(NUMBER)).checks.map((check) => check.id)).not.toContain('address-configuration');
    });
  });
});
