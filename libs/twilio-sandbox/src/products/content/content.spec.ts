import type { ContentCreateRequest } from 'twilio/lib/rest/content/v1/content';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

/** What Twilio's docs send to create a template: snake_case keys and content type names, passed on as JSON by the SDK. */
interface ContentBody {
  friendly_name?: string;
  language?: string;
  variables?: Record<string, unknown>;
  types?: Record<string, unknown>;
  [other: string]: unknown;
}

const REMINDER: ContentBody = {
  friendly_name: 'dentist_reminder',
  language: 'en',
  variables: { 1: 'Ada', 2: 'Monday 9 AM' },
  types: {
    'twilio/quick-reply': {
      body: 'Hi {{1}}, your check-up is on {{ 2 }}.',
      actions: [
        { type: 'QUICK_REPLY', title: 'Confirm', id: 'confirm' },
        { type: 'QUICK_REPLY', title: 'Cancel', id: 'cancel' },
      ],
    },
    'twilio/text': { body: 'Hi {{1}}, your check-up is on {{ 2 }}. Reply C to confirm.' },
  },
};

/** Content API v1 through the official SDK: templates, their WhatsApp approval, and the checks of what is sent. */
describe('Content API v1 through the official SDK', () => {
  let fx: SandboxFixture;
  const contents = () => fx.twilio.content.v1.contents;
  // The SDK types its request as camelCase classes yet sends the object as it is given: Twilio's keys are snake_case.
  const create = (body: ContentBody) => contents().create(body as unknown as ContentCreateRequest);

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('seeds two templates approved for WhatsApp and one pending, with their variables and a preview body', async () => {
    const listed = await fx.twilio.content.v1.contentAndApprovals.list();
    const { appointmentReminder, appointmentConfirmation, springOffer } = fx.account.contentTemplates;
    expect(
      listed.map((template) => [template.sid, template.friendlyName, (template.approvalRequests as unknown as { status: string }).status]),
    ).toEqual([
      [appointmentReminder, 'appointment_reminder', 'approved'],
      [appointmentConfirmation, 'appointment_confirmation', 'approved'],
      [springOffer, 'spring_offer', 'pending'],
    ]);
    expect(listed[1]).toMatchObject({
      language: 'en',
      variables: { 1: 'there', 2: 'the day we agreed' },
      types: {
        'twilio/quick-reply': {
          body: 'Hi {{1}}, please confirm your appointment on {{2}}.',
          actions: [{ title: 'Confirm' }, { title: 'Reschedule' }],
        },
      },
      approvalRequests: { name: 'appointment_confirmation', category: 'UTILITY', content_type: 'twilio/quick-reply', rejection_reason: '' },
    });
  });

  it('creates, fetches, lists and deletes a template; its links lead to its approval', async () => {
    const created = await create(REMINDER);
    expect(created.sid).toMatch(/^HX[0-9a-f]{32}$/);
    expect(created).toMatchObject({
      accountSid: fx.account.accountSid,
      friendlyName: 'dentist_reminder',
      language: 'en',
      variables: REMINDER.variables,
      types: REMINDER.types,
    });
    expect(created.links).toEqual({ approval_create: `${created.url}/ApprovalRequests/whatsapp`, approval_fetch: `${created.url}/ApprovalRequests` });
    expect((await contents()(created.sid).fetch()).types).toEqual(REMINDER.types);
    expect((await contents().list()).map((template) => template.sid)).toContain(created.sid);

    await contents()(created.sid).remove();
    expect(await twilioErrorOf(contents()(created.sid).fetch())).toMatchObject({ status: 404, code: 20404 });
    expect((await contents().list()).map((template) => template.sid)).not.toContain(created.sid);
  });

  it('takes a template through WhatsApp approval: unsubmitted → received → (WhatsApp decides) approved or rejected', async () => {
    const { sid } = await create(REMINDER);
    const approval = () => contents()(sid).approvalFetch().fetch();
    expect((await approval()).whatsapp).toMatchObject({ type: 'whatsapp', status: 'unsubmitted', name: '' });

    const submitted = await contents()(sid).approvalCreate.create({ name: 'dentist_reminder', category: 'UTILITY' });
    expect(submitted).toMatchObject({
      name: 'dentist_reminder',
      category: 'UTILITY',
      contentType: 'twilio/quick-reply',
      status: 'received',
      rejectionReason: '',
    });
    expect((await approval()).whatsapp).toMatchObject({ status: 'received', category: 'UTILITY' });
    const listed = (await fx.twilio.content.v1.contentAndApprovals.list()).find((template) => template.sid === sid);
    expect(listed?.approvalRequests).toMatchObject({ status: 'received', name: 'dentist_reminder' });
    // Once submitted, it is not submitted again until WhatsApp rejects it.
    expect(await twilioErrorOf(contents()(sid).approvalCreate.create({ name: 'dentist_reminder', category: 'UTILITY' }))).toMatchObject({
      status: 400,
    });

    await fx.controls.setContentApproval(sid, { status: 'rejected', rejectionReason: 'Placeholder at the end' });
    expect((await approval()).whatsapp).toMatchObject({ status: 'rejected', rejection_reason: 'Placeholder at the end' });
    await contents()(sid).approvalCreate.create({ name: 'dentist_reminder_v2', category: 'utility' });
    await fx.controls.setContentApproval(sid, { status: 'approved' });
    expect((await approval()).whatsapp).toMatchObject({ status: 'approved', name: 'dentist_reminder_v2', category: 'UTILITY', rejection_reason: '' });
  });

  it('refuses a body that does not match the spec, naming the field', async () => {
    const { language: _left, ...withoutLanguage } = REMINDER;
    expect(await twilioErrorOf(create(withoutLanguage))).toMatchObject({ status: 400, code: 20001, message: expect.stringContaining('language') });
    expect(await twilioErrorOf(create({ ...REMINDER, friendlyName: 'camelCase' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('friendlyName'),
    });
    expect(await twilioErrorOf(create({ ...REMINDER, types: { 'twilio/text': { text: 'Hi' } } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('types.twilio/text'),
    });
    expect(await twilioErrorOf(create({ ...REMINDER, variables: { 1: 42 } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('variables.1'),
    });
    expect(
      await twilioErrorOf(create({ ...REMINDER, types: { 'twilio/quick-reply': { body: 'Hi', actions: [{ type: 'TAP', title: 'x' }] } } })),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('types.twilio/quick-reply.actions.0.type'),
    });
  });

  it('refuses what the spec cannot say: no content type, malformed placeholders, bad variable names, long bodies', async () => {
    expect(await twilioErrorOf(create({ ...REMINDER, types: {} }))).toMatchObject({ status: 400, message: expect.stringContaining('types') });
    expect(await twilioErrorOf(create({ ...REMINDER, types: { 'twilio/text': null } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('at least one content type'),
    });
    expect(await twilioErrorOf(create({ ...REMINDER, types: { 'twilio/text': { body: 'Hi {{first name}}, welcome.' } } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('types.twilio/text.body: {{first name}}'),
    });
    expect(await twilioErrorOf(create({ ...REMINDER, variables: { 'first name': 'Ada' } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('variables'),
    });
    expect(await twilioErrorOf(create({ ...REMINDER, types: { 'twilio/text': { body: 'x'.repeat(1601) } } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('at most 1600'),
    });
  });

  it('refuses an approval request with a name WhatsApp would not take or an unknown category', async () => {
    const { sid } = await create(REMINDER);
    expect(await twilioErrorOf(contents()(sid).approvalCreate.create({ name: 'Dentist Reminder', category: 'UTILITY' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('name'),
    });
    expect(await twilioErrorOf(contents()(sid).approvalCreate.create({ name: 'dentist', category: 'TRANSACTIONAL' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('category'),
    });
    expect(await twilioErrorOf(contents()(`HX${'0'.repeat(32)}`).approvalCreate.create({ name: 'dentist', category: 'UTILITY' }))).toMatchObject({
      status: 404,
    });
  });

  it('refuses a body that is not JSON', async () => {
    const { accountSid, authToken } = fx.account;
    const response = await fetch(`${fx.sandbox.url}/content/v1/Content`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/json' },
      body: 'language=en',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 20001, status: 400 });
  });
});
