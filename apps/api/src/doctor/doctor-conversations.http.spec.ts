import { createTwilioClient } from '@flex-sms/twilio-adapter';
import type twilio from 'twilio';
import { createTestApp, type TestApp } from '../testing/test-app';

/** The set-up doctor for a number in Flex Conversations mode: the Address Configuration that takes inbound SMS. */
describe('GET /api/v1/doctor (OUTBOUND_MODE=conversations)', () => {
  let api: TestApp;
  let client: twilio.Twilio;
  let number: string;
  const addressCheck = async () => {
    const diagnosis = (await api.http.get('/api/v1/doctor').query({ number }).expect(200)).body as {
      checks: { id: string; status: string; fix?: string }[];
    };
    return diagnosis.checks.find((check) => check.id === 'address-configuration');
  };

  beforeAll(async () => {
    api = await createTestApp({ env: { OUTBOUND_MODE: 'conversations' } });
    const { accountSid, authToken } = api.sandbox.account;
    client = createTwilioClient({ accountSid, authToken, baseUrl: api.sandbox.url });
    number = api.sandbox.account.numbers[0];
  });
  afterAll(() => api.close());

  it('warns that the seeded number still takes inbound SMS through Programmable Chat, and is ok once AutoCreation is on', async () => {
    const [configuration] = (await client.conversations.v1.addressConfigurations.list({ type: 'sms' })).filter(
      (candidate) => candidate.address === number,
    );

    expect(await addressCheck()).toMatchObject({
      status: 'warning',
      fix: expect.stringContaining(`/Configuration/Addresses/${configuration.sid} AutoCreation.Enabled=true`),
    });

    await client.conversations.v1.addressConfigurations(configuration.sid).update({ 'autoCreation.enabled': true });
    expect(await addressCheck()).toMatchObject({ status: 'ok' });
  });

  it('warns, with the request that creates one, when the number has no Address Configuration', async () => {
    const [configuration] = (await client.conversations.v1.addressConfigurations.list({ type: 'sms' })).filter(
      (candidate) => candidate.address === number,
    );
    await client.conversations.v1.addressConfigurations(configuration.sid).remove();

    expect(await addressCheck()).toMatchObject({
      status: 'warning',
      fix: expect.stringContaining(`Type=sms Address=${number} AutoCreation.Enabled=true`),
    });
  });
});
