import { ContentTemplateCatalog } from '../../content/content-template-catalog';
import { ChannelNotSupported, InvalidContent, InvalidInput } from '../../errors';
import type { ContentTemplate } from '../../ports/content.port';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FakeClock, FixedRandom } from '../../testing/fake-clock';
import { InMemoryCampaignStore } from '../../testing/in-memory-campaign-store';
import { InMemoryConsentRegister } from '../../testing/in-memory-consent-register';
import type { LiveConversationPort } from '../../ports/live-conversation.port';
import { CreateCampaign, RECIPIENT_BATCH_SIZE } from './create-campaign.usecase';
import type { CampaignRecipientInput } from './create-campaign.command';

const SENDER = '+15550100001';
const OTHER = '+15550100002';
const template = (sid: string, whatsapp: string): ContentTemplate => ({
  sid,
  friendlyName: `reminder_${whatsapp}`,
  language: 'en',
  variables: { 1: 'Ada', 2: 'Monday' },
  types: { 'twilio/text': { body: 'Hi {{1}}, see you on {{2}}.' } },
  whatsapp: { status: whatsapp, name: null, category: null, rejectionReason: null },
  dateUpdated: new Date(0),
});
const APPROVED = template('HX' + 'a'.repeat(32), 'approved');
const PENDING = template('HX' + 'b'.repeat(32), 'pending');
const number = (index: number) => `+1415555${String(1000 + index).padStart(4, '0')}`;

describe('CreateCampaign', () => {
  let store: InMemoryCampaignStore;
  let consent: InMemoryConsentRegister;
  const live: LiveConversationPort = { liveConversations: async () => new Map() };
  const clock = new FakeClock();
  const contentTemplates = new ContentTemplateCatalog(
    { listContentAndApprovals: async () => [APPROVED, PENDING] },
    clock,
    new TwilioRetrier(clock, new FixedRandom()),
  );
  const outboundMode = async (sender: { e164: string }) => (sender.e164 === SENDER ? ('conversations' as const) : ('chat-proxy' as const));
  const create = () => new CreateCampaign({ store, consent, liveConversations: live, clock, contentTemplates, outboundMode });

  beforeEach(() => {
    store = new InMemoryCampaignStore();
    consent = new InMemoryConsentRegister();
  });

  it('reads a streamed list in batches, finding duplicates across batches and never holding the list', async () => {
    const total = RECIPIENT_BATCH_SIZE * 2 + 10;
    // Rows handed out but not written yet: what sits in memory at once.
    let maxAhead = 0;
    const written = () => [...store.recipients.values()].reduce((count, list) => count + list.length, 0);
    async function* rows(): AsyncGenerator<CampaignRecipientInput> {
      for (let index = 0; index < total; index++) {
        maxAhead = Math.max(maxAhead, index + 1 - written());
        // The last row repeats the first number (in the first batch).
        yield { row: index + 1, number: index === total - 1 ? number(0) : number(index) };
      }
    }
    const campaign = await create().execute({
      name: 'Big',
      body: 'Hello',
      senders: [SENDER],
      pacingPerSecond: 10,
      recipients: rows(),
      caller: 'test',
    });
    expect(campaign.report).toMatchObject({
      rows: total,
      toSend: total - 1,
      duplicates: { count: 1, rows: [{ row: total, reason: 'same number as row 1' }] },
    });
    expect(maxAhead).toBeLessThanOrEqual(RECIPIENT_BATCH_SIZE);
    expect(campaign.report?.estimatedDurationSeconds).toBe(Math.ceil((total - 1) / 10));
  });

  it('keeps the sender a recipient had in an earlier campaign, and balances the others', async () => {
    const first = await create().execute({
      name: 'First',
      body: 'One',
      senders: [OTHER],
      recipients: [{ row: 1, number: number(1) }],
      caller: 'test',
    });
    const [recipient] = store.recipients.get(first.id)!;
    Object.assign(recipient, { state: 'sent', settledAt: new Date() });
    const second = await create().execute({
      name: 'Second',
      body: 'Two',
      senders: [SENDER, OTHER],
      recipients: [1, 2, 3, 4].map((index) => ({ row: index, number: number(index) })),
      caller: 'test',
    });
    expect(store.recipients.get(second.id)!.map((r) => [r.toNumber, r.fromNumber])).toEqual([
      [number(1), OTHER],
      [number(2), SENDER],
      [number(3), SENDER],
      [number(4), OTHER],
    ]);
  });

  it('sets aside opted-out customers for the sender they would get, and missing variables', async () => {
    consent.optOut(number(1), SENDER);
    const campaign = await create().execute({
      name: 'Vars',
      body: 'Hi {{name}}, {{date}}',
      senders: [SENDER],
      recipients: [
        { row: 1, number: number(1), variables: { date: 'today' } },
        { row: 2, number: number(2) },
        { row: 3, number: number(3), name: 'Ada', variables: { date: 'today' } },
      ],
      caller: 'test',
    });
    expect(campaign.report?.optedOut.rows).toEqual([{ row: 1, input: number(1), reason: expect.stringContaining(`opted out of ${SENDER}`) }]);
    expect(campaign.report?.invalid.rows).toEqual([{ row: 2, input: number(2), reason: 'no value for {{date}}' }]);
    expect(campaign.report?.toSend).toBe(1);
  });

  it('refuses bad settings before reading anything, and an empty list without keeping a campaign', async () => {
    await expect(create().execute({ name: 'X', body: 'Y', senders: [], recipients: [], caller: 'test' })).rejects.toThrow(InvalidInput);
    await expect(
      create().execute({ name: 'X', body: 'Y', senders: [SENDER], quietHours: { sendFrom: '25:00' }, recipients: [], caller: 'test' }),
    ).rejects.toThrow('quietHours.sendFrom');
    await expect(create().execute({ name: 'X', body: 'Y', senders: [SENDER], recipients: [], caller: 'test' })).rejects.toThrow(
      'recipients: has no rows',
    );
    expect(store.campaigns.size).toBe(0);
  });

  it('removes the campaign when the list fails half-way', async () => {
    async function* broken(): AsyncGenerator<CampaignRecipientInput> {
      for (let index = 0; index < RECIPIENT_BATCH_SIZE + 1; index++) yield { row: index + 1, number: number(index) };
      throw new InvalidInput('body', 'is not a readable CSV');
    }
    await expect(create().execute({ name: 'X', body: 'Y', senders: [SENDER], recipients: broken(), caller: 'test' })).rejects.toThrow(
      'not a readable CSV',
    );
    expect(store.campaigns.size).toBe(0);
    expect(store.recipients.size).toBe(0);
  });

  describe('with a Content template', () => {
    it('checks each recipient’s variables as a single send would, sends the placeholders only, and previews the filled-in body', async () => {
      const campaign = await create().execute({
        name: 'Template',
        contentSid: APPROVED.sid,
        channel: 'whatsapp',
        senders: [SENDER],
        recipients: [
          { row: 1, number: number(1), name: 'Ada', variables: { 1: 'Ada', 2: 'March 3', clinic: 'North' } },
          { row: 2, number: number(2), name: 'Grace', variables: { 1: 'Grace' } },
          { row: 3, number: number(3), name: 'Tab', variables: { 1: 'Tab', 2: 'March\t4' } },
        ],
        caller: 'test',
      });
      expect(campaign).toMatchObject({ body: null, channel: 'whatsapp', contentSid: APPROVED.sid });
      expect(campaign.report?.invalid.rows).toEqual([
        { row: 2, input: number(2), reason: expect.stringContaining('contentVariables.2: is required') },
        { row: 3, input: number(3), reason: expect.stringContaining('contentVariables.2: must not contain new lines, tabs') },
      ]);
      expect(campaign.report?.preview).toEqual([
        { row: 1, toNumber: number(1), toName: 'Ada', fromNumber: SENDER, text: 'Hi Ada, see you on March 3.' },
      ]);
      expect(store.recipients.get(campaign.id)![0].variables).toEqual({ 1: 'Ada', 2: 'March 3' });
    });

    it('refuses up front a WhatsApp campaign with a body only, a template WhatsApp has not approved, or a Chat + Proxy sender', async () => {
      const base = { name: 'X', senders: [SENDER], recipients: [{ row: 1, number: number(1) }], caller: 'test' };
      const bodyOnly = await create()
        .execute({ ...base, body: 'Hello', channel: 'whatsapp' })
        .catch((error: unknown) => error);
      expect(bodyOnly).toBeInstanceOf(InvalidInput);
      expect((bodyOnly as InvalidInput).message).toMatch(/contentSid.*24-hour/);
      await expect(create().execute({ ...base, contentSid: PENDING.sid, channel: 'whatsapp' })).rejects.toThrow(InvalidContent);
      await expect(create().execute({ ...base, contentSid: 'HX' + 'c'.repeat(32) })).rejects.toThrow('is not a Content template of the account');
      await expect(create().execute({ ...base, body: 'Hello', contentSid: APPROVED.sid })).rejects.toThrow('body: must be left out');
      await expect(create().execute({ ...base, senders: [SENDER, OTHER], contentSid: APPROVED.sid, channel: 'whatsapp' })).rejects.toThrow(
        ChannelNotSupported,
      );
      expect(store.campaigns.size).toBe(0);
    });

    it('sends an unapproved template on SMS, where no approval is needed', async () => {
      const campaign = await create().execute({
        name: 'SMS template',
        contentSid: PENDING.sid,
        senders: [SENDER],
        recipients: [{ row: 1, number: number(1), name: 'Ada', variables: { 1: 'Ada', 2: 'Friday' } }],
        caller: 'test',
      });
      expect(campaign.report?.toSend).toBe(1);
      expect(campaign.report?.preview[0].text).toBe('Hi Ada, see you on Friday.');
    });
  });
});
