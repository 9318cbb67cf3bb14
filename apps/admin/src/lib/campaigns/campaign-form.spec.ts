import { describe, expect, it } from '@jest/globals';
import { campaignQuery, initialCampaignForm, validateCampaignForm, type CampaignFormValues } from './campaign-form';

const head = { header: ['phone', 'first', 'day', 'notes'], rows: [] };
const filled = (changes: Partial<CampaignFormValues> = {}): CampaignFormValues => ({
  ...initialCampaignForm(),
  name: 'Reminders',
  numberColumn: 'phone',
  nameColumn: 'first',
  body: 'Hi {{name}}, {{day}}',
  senders: ['+15550100001', '+15550100002'],
  ...changes,
});

describe('validateCampaignForm', () => {
  it('accepts a filled-in form and names each missing part', () => {
    expect(validateCampaignForm(filled(), head)).toEqual({});
    expect(validateCampaignForm({ ...initialCampaignForm() }, undefined)).toEqual({
      name: expect.any(String),
      file: expect.any(String),
      body: expect.any(String),
      senders: expect.any(String),
    });
    expect(validateCampaignForm(filled({ pacingPerSecond: '0' }), head).pacingPerSecond).toBeDefined();
    expect(validateCampaignForm(filled({ senders: [], otherSenders: ' +15550100003 ' }), head)).toEqual({});
  });

  it('refuses a WhatsApp campaign with a body: WhatsApp needs a template', () => {
    expect(validateCampaignForm(filled({ channel: 'whatsapp' }), head).body).toMatch(/template/);
    expect(validateCampaignForm(filled({ channel: 'whatsapp', messageKind: 'template', contentSid: 'HX1' }), head)).toEqual({});
  });
});

describe('campaignQuery', () => {
  it('maps the columns to variables (renamed, or left out when blank) and sends the settings', () => {
    const query = campaignQuery(filled({ variables: { day: 'date', notes: '' }, pacingPerSecond: '5' }), head);
    expect(Object.fromEntries(query)).toEqual({
      name: 'Reminders',
      numberColumn: 'phone',
      nameColumn: 'first',
      channel: 'sms',
      body: 'Hi {{name}}, {{day}}',
      senders: '+15550100001,+15550100002',
      pacingPerSecond: '5',
      sendFrom: '08:00',
      sendUntil: '21:00',
      inConversation: 'skip',
      variableColumns: 'day:date',
    });
  });

  it('sends a template instead of a body, the name column feeding a placeholder', () => {
    const query = campaignQuery(
      filled({ messageKind: 'template', contentSid: 'HX1', variables: { first: '1', day: '2', notes: '' }, otherSenders: '+15550100002, ' }),
      head,
    );
    expect(query.get('contentSid')).toBe('HX1');
    expect(query.get('senders')).toBe('+15550100001,+15550100002');
    expect(query.has('body')).toBe(false);
    expect(query.get('variableColumns')).toBe('day:2,first:1');
  });
});
