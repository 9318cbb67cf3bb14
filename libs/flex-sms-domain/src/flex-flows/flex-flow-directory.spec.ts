import { FlexFlowDisabled, FlexFlowNotFound } from '../errors';
import { TwilioRetrier } from '../retry/twilio-retrier';
import { FakeClock, FixedRandom } from '../testing/fake-clock';
import { FakeTwilio } from '../testing/fake-twilio';
import { PhoneNumber } from '../value-objects/phone-number.value-object';
import { FlexFlowDirectory } from './flex-flow-directory';

const NUMBER = PhoneNumber.parse('+15005550006');

describe('FlexFlowDirectory', () => {
  let clock: FakeClock;
  let twilio: FakeTwilio;
  let directory: FlexFlowDirectory;

  beforeEach(() => {
    clock = new FakeClock();
    twilio = new FakeTwilio(clock);
    directory = new FlexFlowDirectory(twilio.flexFlowPort, clock, new TwilioRetrier(clock, new FixedRandom()), {
      ttlMs: 60_000,
      missRefreshAfterMs: 5_000,
    });
  });

  describe('choosing the flow', () => {
    it('matches the ContactIdentity in E.164, whatever its formatting, and only sms flows of the type', async () => {
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio', channelType: 'web' });
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'task', enabled: false });
      const studio = twilio.addFlow({ contactIdentity: '+1 (500) 555-0006', integrationType: 'studio' });

      await expect(directory.find(NUMBER, 'studio')).resolves.toMatchObject({ sid: studio.sid });
    });

    it('uses a disabled Task flow: they are disabled on purpose', async () => {
      const task = twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'task', enabled: false });

      await expect(directory.find(NUMBER, 'task')).resolves.toMatchObject({ sid: task.sid, enabled: false });
    });

    it('reports a disabled Studio flow instead of using it', async () => {
      const studio = twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio', enabled: false });

      const failure = await directory.find(NUMBER, 'studio').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(FlexFlowDisabled);
      expect(failure).toMatchObject({ details: { flexFlowSid: studio.sid, phoneNumber: '+15005550006' } });
    });

    it('prefers an enabled flow when a number has several of one type', async () => {
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio', enabled: false });
      const enabled = twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio', enabled: true });

      await expect(directory.find(NUMBER, 'studio')).resolves.toMatchObject({ sid: enabled.sid });
    });

    it('names the number, the type wanted and the fix when there is none', async () => {
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio' });

      const failure = await directory.find(NUMBER, 'task').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(FlexFlowNotFound);
      expect(failure).toMatchObject({ details: { phoneNumber: '+15005550006', integrationType: 'task' } });
      expect((failure as Error).message).toContain('ChannelType=sms, IntegrationType=task, ContactIdentity=+15005550006');
    });
  });

  describe('caching', () => {
    beforeEach(() => {
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio' });
    });

    it('lists the flows once per TTL', async () => {
      await directory.find(NUMBER, 'studio');
      clock.advance(59_999);
      await directory.find(NUMBER, 'studio');
      expect(twilio.count('listFlexFlows')).toBe(1);

      clock.advance(1);
      await directory.find(NUMBER, 'studio');
      expect(twilio.count('listFlexFlows')).toBe(2);
    });

    it('shares one Flex API call between concurrent look-ups', async () => {
      await Promise.all([directory.find(NUMBER, 'studio'), directory.find(NUMBER, 'studio'), directory.list()]);
      expect(twilio.count('listFlexFlows')).toBe(1);
    });

    it('re-reads after invalidate()', async () => {
      await directory.find(NUMBER, 'studio');
      const task = twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'task', enabled: false });
      directory.invalidate();

      await expect(directory.find(NUMBER, 'task')).resolves.toMatchObject({ sid: task.sid });
      expect(twilio.count('listFlexFlows')).toBe(2);
    });

    it('does not cache a list that was loading when invalidate() was called', async () => {
      const loading = directory.list();
      directory.invalidate();
      await loading;

      await directory.list();
      expect(twilio.count('listFlexFlows')).toBe(2);
    });

    it('re-reads once on a miss, but not more often than missRefreshAfterMs', async () => {
      await directory.find(NUMBER, 'studio');
      await expect(directory.find(NUMBER, 'task')).rejects.toBeInstanceOf(FlexFlowNotFound);
      expect(twilio.count('listFlexFlows')).toBe(1);

      clock.advance(5_000);
      twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'task', enabled: false });
      await expect(directory.find(NUMBER, 'task')).resolves.toMatchObject({ integrationType: 'task' });
      expect(twilio.count('listFlexFlows')).toBe(2);
    });
  });
});
