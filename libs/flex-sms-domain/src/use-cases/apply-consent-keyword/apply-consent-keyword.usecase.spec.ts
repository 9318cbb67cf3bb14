import { InMemoryConsentRegister } from '../../testing/in-memory-consent-register';
import { ApplyConsentKeyword } from './apply-consent-keyword.usecase';
import { consentKeywordOf } from './consent-keywords';

describe('consentKeywordOf (Twilio matching: the whole message, any case, surrounding space aside)', () => {
  it.each(['STOP', 'stop', ' Stop\n', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'])('%j opts out', (body) => {
    expect(consentKeywordOf(body)?.kind).toBe('opt-out');
  });
  it.each(['START', 'unstop', 'Yes'])('%j opts back in', (body) => {
    expect(consentKeywordOf(body)?.kind).toBe('opt-in');
  });
  it.each(['STOP PLEASE', 'please stop', 'STOP.', 'S T O P', 'hello', ''])('%j is no keyword', (body) => {
    expect(consentKeywordOf(body)).toBeUndefined();
  });
  it('HELP and INFO are help, which changes nothing', () => {
    expect(consentKeywordOf('help')).toEqual({ kind: 'help', keyword: 'HELP' });
  });
});

describe('ApplyConsentKeyword', () => {
  const at = new Date('2026-12-05T08:00:00Z');

  it('keeps a WhatsApp opt-out under the number, scoped to the WhatsApp sender', async () => {
    const register = new InMemoryConsentRegister();
    await new ApplyConsentKeyword(register).onInboundMessage({
      from: 'whatsapp:+14155550123',
      to: 'whatsapp:+15550100003',
      body: 'STOP',
      channel: 'whatsapp',
      receivedAt: at,
    });

    expect(await register.optOutOf('+14155550123', 'whatsapp:+15550100003')).toEqual({
      recipient: '+14155550123',
      scope: 'whatsapp:+15550100003',
      since: at,
      source: 'inbound-keyword',
    });
    expect(await register.optOutOf('+14155550123', '+15550100003')).toBeNull();
  });

  it('audits every keyword with Twilio as the actor, and ignores other messages', async () => {
    const register = new InMemoryConsentRegister();
    const apply = new ApplyConsentKeyword(register);
    for (const body of ['Hi there', 'HELP', 'QUIT', 'YES']) {
      await apply.onInboundMessage({ from: '+14155550123', to: '+15005550006', body, channel: 'sms', receivedAt: at });
    }
    expect(register.audit.map((change) => [change.action, change.reason, change.actor])).toEqual([
      ['opt-out', 'Customer texted QUIT', 'twilio'],
      ['opt-in', 'Customer texted YES', 'twilio'],
    ]);
    expect(register.optOuts.size).toBe(0);
  });
});
