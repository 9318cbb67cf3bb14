import { carryRetryAfter, rewriteTwilioUri } from './twilio-client.factory';

describe('rewriteTwilioUri', () => {
  it('maps a Twilio domain to a path under the base URL', () => {
    expect(rewriteTwilioUri('https://flex-api.twilio.com/v1/FlexFlows?PageSize=50', 'http://127.0.0.1:3100/')).toBe(
      'http://127.0.0.1:3100/flex-api/v1/FlexFlows?PageSize=50',
    );
  });

  it('keeps the domain when the SDK adds an edge or region', () => {
    expect(rewriteTwilioUri('https://proxy.dublin.ie1.twilio.com/v1/Services', 'http://h:1')).toBe('http://h:1/proxy/v1/Services');
  });

  it('leaves URIs that are not Twilio alone (the sandbox next_page_url)', () => {
    const own = 'http://127.0.0.1:3100/chat/v2/Services/IS1/Channels?Page=1';
    expect(rewriteTwilioUri(own, 'http://127.0.0.1:3100')).toBe(own);
  });
});

describe('carryRetryAfter', () => {
  it("copies a 429's Retry-After into the error details the SDK keeps", () => {
    const response = carryRetryAfter({ statusCode: 429, body: '{"code":20429,"message":"Too Many Requests"}', headers: { 'retry-after': '3' } });
    expect(response.body).toEqual({ status: 429, code: 20429, message: 'Too Many Requests', details: { retry_after: '3' } });
  });

  it('leaves other responses untouched', () => {
    const ok = { statusCode: 200, body: { sid: 'CH1' }, headers: { 'retry-after': '3' } };
    expect(carryRetryAfter(ok)).toBe(ok);
  });
});
