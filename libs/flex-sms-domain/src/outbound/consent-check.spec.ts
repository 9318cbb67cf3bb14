import { RecipientOptedOut, TwilioRequestFailed } from '../errors';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../testing/outbound-sms.test-helpers';
import { ApplyConsentKeyword } from '../use-cases/apply-consent-keyword/apply-consent-keyword.usecase';
import { InitiateAgentSms } from '../use-cases/initiate-agent-sms/initiate-agent-sms.usecase';
import { SendSystemSms } from '../use-cases/send-system-sms/send-system-sms.usecase';
import type { OutboundModePolicy } from './outbound-mode';

const MODES: [string, OutboundModePolicy | undefined][] = [
  ['Chat+Proxy', undefined],
  ['Flex Conversations', { defaultMode: 'conversations', conversationsNumbers: [] }],
];
const system = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'Your order shipped.', caller: 'billing' };
const agent = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, caller: 'crm' };
const inbound = (body: string, at: Date) => ({ from: CUSTOMER, to: TWILIO_NUMBER, body, channel: 'sms' as const, receivedAt: at });

describe.each(MODES)('The consent register in the outbound flows (%s)', (_mode, outboundModes) => {
  let world: OutboundSmsWorld;
  const flows = (): [string, () => Promise<unknown>][] => [
    ['fire-and-forget', () => new SendSystemSms(world.deps).execute(system)],
    ['agent task', () => new InitiateAgentSms(world.deps).execute(agent)],
  ];

  beforeEach(() => {
    world = outboundSmsWorld({ outboundModes });
  });

  it('refuses an opted-out recipient before any Twilio request, naming the recipient and since when, journaled as failed', async () => {
    const since = new Date('2026-12-01T10:00:00Z');
    await new ApplyConsentKeyword(world.consent).onInboundMessage(inbound('  stop ', since));
    world.twilio.resetLog();

    for (const [, send] of flows()) {
      const refusal = await send().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RecipientOptedOut);
      expect(refusal).toMatchObject({
        code: 'RECIPIENT_OPTED_OUT',
        details: { recipient: CUSTOMER, scope: TWILIO_NUMBER, since: since.toISOString(), source: 'inbound-keyword' },
      });
    }
    expect(world.twilio.operations()).toEqual([]);
    expect(world.journal.all()).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.objectContaining({ code: 'RECIPIENT_OPTED_OUT' }) }),
      expect.objectContaining({ status: 'failed', error: expect.objectContaining({ code: 'RECIPIENT_OPTED_OUT' }) }),
    ]);
  });

  it("asks consent in the journal's first write (one database round trip for both), the refused request begun and finished in it", async () => {
    await new ApplyConsentKeyword(world.consent).onInboundMessage(inbound('STOP', new Date()));
    const begun = jest.spyOn(world.journal, 'begin');
    const asked = jest.spyOn(world.journal, 'beginAskingConsent');
    const lookedUp = jest.spyOn(world.consent, 'optOutOf');

    for (const [, send] of flows()) await expect(send()).rejects.toBeInstanceOf(RecipientOptedOut);

    expect(begun).not.toHaveBeenCalled();
    expect(asked.mock.calls.map(([, , question]) => question)).toEqual([
      { recipient: CUSTOMER, scope: TWILIO_NUMBER },
      { recipient: CUSTOMER, scope: TWILIO_NUMBER },
    ]);
    // The register is asked by the journal only (the SQL journal reads it in the same statement).
    expect(lookedUp).toHaveBeenCalledTimes(2);
    expect(world.journal.all().map((entry) => [entry.status, entry.steps])).toEqual([
      ['failed', []],
      ['failed', []],
    ]);
  });

  it('sends again once the customer texts START, and only the sender written to is affected', async () => {
    await new ApplyConsentKeyword(world.consent).onInboundMessage(inbound('UNSUBSCRIBE', new Date()));
    expect(await world.consent.optOutOf(CUSTOMER, '+15005550099')).toBeNull();
    await new ApplyConsentKeyword(world.consent).onInboundMessage(inbound('Start', new Date()));

    await expect(new SendSystemSms(world.deps).execute(system)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it("learns the opt-out from Twilio's 21610, undoes what the send created and refuses the next send before Twilio", async () => {
    const postOperation = outboundModes ? 'postConversationMessage' : 'postMessage';
    world.twilio.failNext(postOperation, () => new TwilioRequestFailed('Attempt to send to unsubscribed recipient', 400, 21610));

    const refusal = await new SendSystemSms(world.deps).execute(system).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ code: 'RECIPIENT_OPTED_OUT', twilioCode: 21610, details: { recipient: CUSTOMER, source: 'twilio-21610' } });
    expect(world.journal.all()[0]).toMatchObject({ status: 'rolled_back', error: { code: 'RECIPIENT_OPTED_OUT', twilioCode: 21610 } });
    expect(world.consent.audit).toEqual([
      expect.objectContaining({ action: 'opt-out', source: 'twilio-21610', actor: 'twilio', recipient: CUSTOMER, scope: TWILIO_NUMBER }),
    ]);
    world.twilio.resetLog();
    await expect(new SendSystemSms(world.deps).execute(system)).rejects.toBeInstanceOf(RecipientOptedOut);
    expect(world.twilio.operations()).toEqual([]);
  });
});
