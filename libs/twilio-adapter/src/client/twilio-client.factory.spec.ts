import { OTHER_PRODUCT, carryRetryAfter, rewriteTwilioUri, twilioProductOf } from './twilio-client.factory';

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

describe('twilioProductOf', () => {
  it("names the product by Twilio's subdomain, whatever the edge or region", () => {
    expect(twilioProductOf('https://flex-api.twilio.com/v1/FlexFlows')).toBe('flex-api');
    expect(twilioProductOf('https://proxy.dublin.ie1.twilio.com/v1/Services/KS1/Sessions')).toBe('proxy');
    expect(twilioProductOf('https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json')).toBe('api');
  });

  it('reads the product from the first path segment under a base URL', () => {
    expect(twilioProductOf('http://127.0.0.1:3100/conversations/v1/Conversations/CH1', 'http://127.0.0.1:3100/')).toBe('conversations');
  });

  it('never turns anything else into a label', () => {
    expect(twilioProductOf('https://example.com/chat/v2/Services')).toBe(OTHER_PRODUCT);
    expect(twilioProductOf('http://127.0.0.1:3100/%2B15550100001/x', 'http://127.0.0.1:3100')).toBe(OTHER_PRODUCT);
    expect(twilioProductOf('http://127.0.0.1:3100', 'http://127.0.0.1:3100')).toBe(OTHER_PRODUCT);
  });
});
