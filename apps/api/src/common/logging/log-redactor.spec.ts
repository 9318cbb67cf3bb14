import { LogRedactor, REDACTED } from './log-redactor';

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
    expect(secretsOnly.redact('{"authToken": "abc", "apiKey":"k", "keyHash":"scrypt$1"}')).toBe(`{"authToken": "${REDACTED}", "apiKey":"${REDACTED}", "keyHash":"${REDACTED}"}`);
    expect(secretsOnly.redact('cookie flex_sms_session=abcDEF123; other=1')).toBe(`cookie flex_sms_session=${REDACTED}; other=1`);
    expect(secretsOnly.redact('cookie __Host-flex_sms_session=abcDEF123')).toBe(`cookie __Host-flex_sms_session=${REDACTED}`);
  });

  it('removes the literal secrets it was given (Twilio auth token), ignoring ones too short to be secrets', () => {
    expect(everything.redact('twilio(AC1, AUTHTOKEN0123456789abcdef) failed')).toBe(`twilio(AC1, ${REDACTED}) failed`);
    expect(everything.redact('a short word')).toBe('a short word');
  });

  it('masks phone numbers when configured, plain and URL-encoded, keeping the first digit and the last two', () => {
    expect(everything.redact('GET /api/v1/outbound?number=%2B14155550123 from +15550100001')).toBe('GET /api/v1/outbound?number=%2B1••••••••23 from +1••••••••01');
    expect(secretsOnly.redact('from +15550100001')).toBe('from +15550100001');
  });

  it('removes message bodies when configured', () => {
    expect(everything.redact('{"toNumber":"+15550100001","messageBody":"Your code is 1234","toName":"Ada"}')).toBe(
      `{"toNumber":"+1••••••••01","messageBody":"${REDACTED}","toName":"Ada"}`,
    );
    expect(everything.redact('Body=Hello+there&From=x')).toBe(`Body=${REDACTED}&From=x`);
    expect(secretsOnly.redact('{"messageBody":"Hi"}')).toBe('{"messageBody":"Hi"}');
  });
});
