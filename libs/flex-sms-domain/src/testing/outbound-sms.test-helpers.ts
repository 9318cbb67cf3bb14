import { FlexFlowDirectory } from '../flex-flows/flex-flow-directory';
import type { FlexFlow } from '../ports/flex-flow.port';
import { TwilioRetrier } from '../retry/twilio-retrier';
import { createOutboundSmsDependencies, type OutboundSmsDependencies } from '../outbound/outbound-dependencies';
import type { OutboundModePolicy } from '../outbound/outbound-mode';
import { FakeClock, FixedRandom } from './fake-clock';
import { FakeTwilio } from './fake-twilio';
import { InMemoryConsentRegister } from './in-memory-consent-register';
import { InMemoryJournal } from './in-memory-journal';
import { InProcessPairLock } from './in-process-pair-lock';

export const TWILIO_NUMBER = '+15005550006';
export const CUSTOMER = '+14155550123';

export interface OutboundSmsWorld {
  clock: FakeClock;
  twilio: FakeTwilio;
  journal: InMemoryJournal;
  pairLock: InProcessPairLock;
  deps: OutboundSmsDependencies;
  taskFlow: FlexFlow;
  studioFlow: FlexFlow;
  followUps: string[];
  consent: InMemoryConsentRegister;
}

/**
 * A Twilio number with a (disabled, as usual) Task flow and an enabled Studio flow, and the use cases' dependencies;
 * `outboundModes` puts numbers in Flex Conversations mode.
 */
export function outboundSmsWorld(options: { outboundModes?: OutboundModePolicy } = {}): OutboundSmsWorld {
  const clock = new FakeClock();
  const twilio = new FakeTwilio(clock);
  const consent = new InMemoryConsentRegister();
  const journal = new InMemoryJournal(consent);
  const pairLock = new InProcessPairLock();
  const followUps: string[] = [];
  const taskFlow = twilio.addFlow({ contactIdentity: TWILIO_NUMBER, integrationType: 'task', enabled: false });
  const studioFlow = twilio.addFlow({ contactIdentity: TWILIO_NUMBER, integrationType: 'studio' });
  const retrier = new TwilioRetrier(clock, new FixedRandom([0.5]));
  const deps = createOutboundSmsDependencies({
    ports: twilio.ports(),
    flexFlowDirectory: new FlexFlowDirectory(twilio.flexFlowPort, clock, retrier),
    retrier,
    journal,
    pairLock,
    clock,
    scheduleFollowUp: (requestId) => followUps.push(requestId),
    outboundModes: options.outboundModes,
    consent,
  });
  return { clock, twilio, journal, pairLock, deps, taskFlow, studioFlow, followUps, consent };
}
