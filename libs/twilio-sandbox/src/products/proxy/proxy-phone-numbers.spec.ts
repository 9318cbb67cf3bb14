import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

/** The Proxy Service's pool: numbers added and removed (how an account's set-up is broken and repaired). */
describe('Proxy PhoneNumbers (the pool) through the official SDK', () => {
  let fx: SandboxFixture;
  const pool = () => fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).phoneNumbers;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('removes a number from the pool and adds it back by its PN SID, keeping the SID', async () => {
    const [first] = await pool().list();
    expect((await pool()(first.sid).fetch()).phoneNumber).toBe(fx.account.numbers[0]);

    await pool()(first.sid).remove();
    expect((await pool().list()).map((number) => number.phoneNumber)).toEqual([fx.account.numbers[1]]);
    expect((await twilioErrorOf(pool()(first.sid).fetch())).status).toBe(404);

    const added = await pool().create({ sid: first.sid, isReserved: true });
    expect(added).toMatchObject({ sid: first.sid, phoneNumber: fx.account.numbers[0], isReserved: true, inUse: 0 });
  });

  it('adds by phone number, and refuses a number twice or one the account does not own', async () => {
    const [first] = await pool().list();
    await pool()(first.sid).remove();
    expect((await pool().create({ phoneNumber: fx.account.numbers[0] })).sid).toBe(first.sid);

    expect(await twilioErrorOf(pool().create({ phoneNumber: fx.account.numbers[0] }))).toMatchObject({ status: 400, code: 80104 });
    expect(await twilioErrorOf(pool().create({ phoneNumber: '+15559990000' }))).toMatchObject({ status: 400, code: 20001 });
  });

  it('refuses a session on a number taken out of the pool', async () => {
    const [first] = await pool().list();
    await pool()(first.sid).remove();
    const sessions = fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).sessions;
    const error = await twilioErrorOf(
      sessions.create({ uniqueName: 'x', participants: [{ Identifier: '+15557770001', ProxyIdentifier: fx.account.numbers[0] }] }),
    );
    expect(error).toMatchObject({ status: 400, code: 80605 });
  });
});

describe('IncomingPhoneNumbers fetch and release through the official SDK', () => {
  let fx: SandboxFixture;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());

  it('fetches a number, releases it, and takes it out of the Proxy pool with it', async () => {
    const numbers = fx.twilio.api.v2010.accounts(fx.account.accountSid).incomingPhoneNumbers;
    const [first] = await numbers.list({ phoneNumber: fx.account.numbers[0] });
    expect((await numbers(first.sid).fetch()).phoneNumber).toBe(fx.account.numbers[0]);

    await numbers(first.sid).remove();

    expect(await numbers.list({ phoneNumber: fx.account.numbers[0] })).toEqual([]);
    expect((await twilioErrorOf(numbers(first.sid).fetch())).status).toBe(404);
    const pool = await fx.twilio.proxy.v1.services(fx.account.proxyServiceSid).phoneNumbers.list();
    expect(pool.map((number) => number.phoneNumber)).toEqual([fx.account.numbers[1]]);
  });
});
