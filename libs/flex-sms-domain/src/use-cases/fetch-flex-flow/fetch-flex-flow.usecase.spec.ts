import { ResourceNotFound } from '../../errors';
import { FlexFlowDirectory } from '../../flex-flows/flex-flow-directory';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FakeClock, FixedRandom } from '../../testing/fake-clock';
import { FakeTwilio } from '../../testing/fake-twilio';
import { FetchFlexFlow } from './fetch-flex-flow.usecase';

describe('FetchFlexFlow', () => {
  it('finds the flow in the cache, reading Twilio only once, and names a missing SID', async () => {
    const clock = new FakeClock();
    const twilio = new FakeTwilio(clock);
    const flow = twilio.addFlow({ contactIdentity: '+15005550006', integrationType: 'studio' });
    const fetchFlexFlow = new FetchFlexFlow(new FlexFlowDirectory(twilio.flexFlowPort, clock, new TwilioRetrier(clock, new FixedRandom())));

    await expect(fetchFlexFlow.execute(flow.sid)).resolves.toMatchObject({ sid: flow.sid, integrationType: 'studio' });
    const missing = await fetchFlexFlow.execute(`FO${'0'.repeat(32)}`).catch((error: unknown) => error);

    expect(missing).toBeInstanceOf(ResourceNotFound);
    expect(missing).toMatchObject({ details: { resource: 'Flex Flow', sid: `FO${'0'.repeat(32)}` } });
    expect(twilio.count('listFlexFlows')).toBe(1);
  });
});
