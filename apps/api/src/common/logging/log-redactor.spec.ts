import { DEMO_ADMIN, DEMO_API_KEY } from '../../config/app-config';
import { loadAppConfig } from '../../config/load-app-config';
import { LogRedactor, REDACTED, logRedactorFor } from './log-redactor';

const everything = new LogRedactor({ redactMessageBodies: true, redactPhoneNumbers: true }, ['AUTHTOKEN0123456789abcdef', 'short']);
const secretsOnly = new LogRedactor({ redactMessageBodies: false, redactPhoneNumbers: false });

describe('LogRedactor', () => {
  it('removes Authorization values, whatever the scheme', () => {
    expect(everything.redact('authorization: Bearer demo-api-key-flex-outbound-sms')).toBe(`authorization: Bearer ${REDACTED}`);
    expect(everything.redact('Authorization=Basic QUM6dG9rZW4=')).not.toContain('QUM6');
    expect(secretsOnly.redact('sent Basic QUMxMjM6c2VjcmV0 to Twilio')).toBe(`sent Basic ${REDACTED} to Twilio`);
  });

  it("keeps an API key's prefix (to tell keys apart) and drops its secret part", () => {
    const key = `fsk_Ab3dE6gH_${'q'.repeat(40)}`;
    expect(secretsOnly.redact(`key ${key} revoked`)).toBe(`key fsk_Ab3dE6gH_${REDACTED} revoked`);
  });

  it('removes passwords, tokens and secrets in JSON and form bodies, and the session cookie', () => {
    expect(secretsOnly.redact('{"username":"ada","password":"hunter2 \\"quoted\\""}')).toBe(`{"username":"ada","password":"${REDACTED}"}`);
    expect(secretsOnly.redact('username=ada&password=hunter2&role=admin')).toBe(`username=ada&password=${REDACTED}&role=admin`);
    expect(secretsOnly.redact('{"authToken": "abc", "apiKey":"k", "keyHash":"scrypt$1"}')).toBe(
      `{"authToken": "${REDACTED}", "apiKey":"${REDACTED}", "keyHash":"${REDACTED}"}`,
    );
    expect(secretsOnly.redact('cookie flex_sms_session=abcDEF123; other=1')).toBe(`cookie flex_sms_session=${REDACTED}; other=1`);
    expect(secretsOnly.redact('cookie __Host-flex_sms_session=abcDEF123')).toBe(`cookie __Host-flex_sms_session=${REDACTED}`);
  });

  it('removes the literal secrets it was given (Twilio auth token), ignoring ones too short to be secrets', () => {
    expect(everything.redact('twilio(AC1, AUTHTOKEN0123456789abcdef) failed')).toBe(`twilio(AC1, ${REDACTED}) failed`);
    expect(everything.redact('a short word')).toBe('a short word');
  });

  it('masks phone numbers when configured, plain and URL-encoded, keeping the first digit and the last two', () => {
    expect(everything.redact('GET /api/v1/outbound?number=%2B14155550123 from +15550100001')).toBe(
      'GET /api/v1/outbound?number=%2B1••••••••23 from +1••••••••01',
    );
    expect(secretsOnly.redact('from +15550100001')).toBe('from +15550100001');
  });

  it('removes message bodies when configured', () => {
    expect(everything.redact('{"toNumber":"+15550100001","messageBody":"Your code is 1234","toName":"Ada"}')).toBe(
      `{"toNumber":"+1••••••••01","messageBody":"${REDACTED}","toName":"Ada"}`,
    );
    expect(everything.redact('Body=Hello+there&From=x')).toBe(`Body=${REDACTED}&From=x`);
    expect(secretsOnly.redact('{"messageBody":"Hi"}')).toBe('{"messageBody":"Hi"}');
  });

  it('redacts a structured entry: every string in it, and whole fields named like secrets or, when configured, bodies', () => {
    const nested = { Password: { hash: 'x' }, list: ['+15550100001'], messageBody: 'Hi' };
    const entry = { url: '/x?to=%2B14155550123', caller: 'bootstrap', nested, status: 201 };
    expect(everything.redactValue(entry)).toEqual({
      url: '/x?to=%2B1••••••••23',
      caller: 'bootstrap',
      nested: { Password: REDACTED, list: ['+1••••••••01'], messageBody: REDACTED },
      status: 201,
    });
    expect(secretsOnly.redactValue({ messageBody: 'Hi', token: 42 })).toEqual({ messageBody: 'Hi', token: REDACTED });
  });

  it('leaves errors to the error serializer, and never walks forever', () => {
    const error = new Error('boom');
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect((everything.redactValue({ err: error }) as { err: unknown }).err).toBe(error);
    expect(everything.redactValue(loop)).toEqual({ name: 'loop', self: REDACTED });
  });

  it("removes this deployment's own secrets, but not the sandbox's public demo key and admin password", () => {
    const secrets = { BOOTSTRAP_API_KEY: 'b'.repeat(24), METRICS_TOKEN: 'm'.repeat(24), ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'p'.repeat(12) };
    const twilio = { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 't'.repeat(32), TWILIO_CHAT_SERVICE_SID: `IS${'c'.repeat(32)}` };
    const deployed = logRedactorFor(loadAppConfig({ ...twilio, ...secrets, OUTBOUND_MODE: 'conversations' }));
    const ownSecrets = [secrets.BOOTSTRAP_API_KEY, secrets.METRICS_TOKEN, secrets.ADMIN_PASSWORD, twilio.TWILIO_AUTH_TOKEN];
    expect(deployed.redact(ownSecrets.join(' '))).toBe(ownSecrets.map(() => REDACTED).join(' '));
    const sandbox = logRedactorFor(loadAppConfig({}));
    expect(sandbox.redact(`API key ${DEMO_API_KEY}, admin ${DEMO_ADMIN.password}`)).toBe(`API key ${DEMO_API_KEY}, admin ${DEMO_ADMIN.password}`);
  });
});
