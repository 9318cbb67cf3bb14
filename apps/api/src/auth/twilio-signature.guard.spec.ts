import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import twilio from 'twilio';
import { TestApp, createTestApp } from '../testing/test-app';
import { TwilioWebhook } from './twilio-signature.guard';

@Controller('twilio-probe')
class TwilioProbeController {
  @Post('status')
  @HttpCode(204)
  @TwilioWebhook()
  status(@Body() _body: unknown) {
    return undefined;
  }
}

@Module({ controllers: [TwilioProbeController] })
class TwilioProbeModule {}

describe('TwilioSignatureGuard', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ imports: [TwilioProbeModule], logger: false });
  });
  afterAll(() => api.close());

  const params = { MessageSid: 'SM0123456789abcdef0123456789abcdef', MessageStatus: 'delivered', To: '+15550100001' };
  const sign = (url: string, values: Record<string, string>, token = api.sandbox.account.authToken) =>
    twilio.getExpectedTwilioSignature(token, url, values);

  it('accepts a callback signed with the account auth token over its URL and form parameters, without an API key', async () => {
    const url = `${api.url}/api/v1/twilio-probe/status?attempt=1`;
    await api.anonymous
      .post('/api/v1/twilio-probe/status?attempt=1')
      .type('form')
      .set('X-Twilio-Signature', sign(url, params))
      .send(params)
      .expect(204);
  });

  it('refuses a missing signature, another token, a changed parameter, or another URL', async () => {
    const url = `${api.url}/api/v1/twilio-probe/status`;
    const attempts = [
      { signature: undefined, body: params },
      { signature: sign(url, params, 'not-the-auth-token'), body: params },
      { signature: sign(url, params), body: { ...params, MessageStatus: 'failed' } },
      { signature: sign(`${url}?other=1`, params), body: params },
    ];
    for (const attempt of attempts) {
      const call = api.anonymous.post('/api/v1/twilio-probe/status').type('form');
      const response = await (attempt.signature ? call.set('X-Twilio-Signature', attempt.signature) : call).send(attempt.body).expect(403);
      expect(response.body.error.code).toBe('INVALID_TWILIO_SIGNATURE');
    }
  });
});
