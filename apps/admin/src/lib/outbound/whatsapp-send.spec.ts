import { describe, expect, it } from '@jest/globals';
import type { ContentTemplate } from '../content-templates/content-template.types';
import type { CustomerWindow } from '../senders/senders.types';
import { previewTemplate, templateUnavailable, windowHint } from './whatsapp-send';

const template = (status: string, whatsappBody: string | null = 'Hi {{1}}, see you on {{ 2 }}.'): ContentTemplate => ({
  sid: `HX${'0'.repeat(32)}`,
  friendlyName: 'appointment_confirmation',
  language: 'en',
  types: ['twilio/quick-reply', 'twilio/text'],
  variables: [
    { name: '1', sample: 'there' },
    { name: '2', sample: null },
  ],
  body: { sms: 'Hi {{1}}: reply CONFIRM', whatsapp: whatsappBody },
  preview: { sms: null, whatsapp: null },
  buttons: { whatsapp: ['Confirm {{1}}', 'Reschedule'] },
  whatsapp: { status, approved: status === 'approved', name: null, category: 'UTILITY', rejectionReason: null },
  dateUpdated: '2026-11-24T18:00:00.000Z',
});

describe('templateUnavailable', () => {
  it('keeps a template WhatsApp has not approved off WhatsApp, and one without a body off its channel', () => {
    expect(templateUnavailable(template('approved'), 'whatsapp')).toBeUndefined();
    expect(templateUnavailable(template('pending'), 'whatsapp')).toBe('pending WhatsApp approval');
    expect(templateUnavailable(template('pending'), 'sms')).toBeUndefined();
    expect(templateUnavailable(template('approved', null), 'whatsapp')).toBe('no WhatsApp body');
  });
});

describe('previewTemplate', () => {
  it('fills each placeholder with what was typed, else the sample, else leaves it as written', () => {
    expect(previewTemplate(template('approved'), 'whatsapp', { 2: 'Tuesday' })).toBe('Hi there, see you on Tuesday.\n[Confirm there] [Reschedule]');
    expect(previewTemplate(template('approved'), 'whatsapp', { 1: 'Ada', 2: '  ' })).toBe('Hi Ada, see you on {{ 2 }}.\n[Confirm Ada] [Reschedule]');
    expect(previewTemplate(template('approved'), 'sms', { 1: 'Ada' })).toBe('Hi Ada: reply CONFIRM');
  });
});

describe('windowHint', () => {
  const at = (iso: string) => iso.slice(11, 16);
  const window = (lastInboundAt: string | null, open: boolean): CustomerWindow => ({
    sender: 'whatsapp:+15550100003',
    customer: 'whatsapp:+14155550123',
    lastInboundAt,
    openUntil: lastInboundAt ? new Date(Date.parse(lastInboundAt) + 24 * 3_600_000).toISOString() : null,
    open,
    checkedAt: '2026-12-05T12:14:00.000Z',
  });

  it('says how long ago the customer wrote and until when free text may go', () => {
    expect(windowHint(window('2026-12-05T09:14:00.000Z', true), at)).toEqual({
      open: true,
      text: 'The customer wrote 3 h ago: free text allowed until 09:14.',
    });
    expect(windowHint(window('2026-12-05T12:02:00.000Z', true), at).text).toMatch(/^The customer wrote 12 min ago/);
  });

  it('asks for a template outside the window, and for a customer who never wrote', () => {
    expect(windowHint(window('2026-12-04T09:14:00.000Z', false), at)).toEqual({
      open: false,
      text: 'Outside 24 h (the customer last wrote 09:14): choose an approved template.',
    });
    expect(windowHint(window(null, false), at)).toEqual({
      open: false,
      text: 'The customer has not written to this sender: outside 24 h, choose an approved template.',
    });
    expect(windowHint(window(null, false), at, true).text).toBe(
      'The customer has not written to this sender: outside 24 h, only an approved template goes, as chosen.',
    );
  });
});
