import type { ContentTemplate } from '../ports/content.port';
import { buttonsFor, contentProblems, placeholdersOf, renderContent } from './content-template';

const confirmation: ContentTemplate = {
  sid: 'HX' + 'a'.repeat(32),
  friendlyName: 'appointment_confirmation',
  language: 'en',
  variables: { 1: 'there', 2: 'the day we agreed' },
  types: {
    'twilio/quick-reply': { body: 'Hi {{1}}, please confirm {{2}}.', actions: [{ title: 'Confirm {{1}}', id: 'confirm' }] },
    'twilio/text': { body: 'Hi {{1}}, reply CONFIRM for {{ 2 }}.' },
  },
  whatsapp: { status: 'approved', name: 'appointment_confirmation', category: 'UTILITY', rejectionReason: null },
  dateUpdated: new Date('2026-11-01T00:00:00Z'),
};

describe('Content templates', () => {
  it('finds every placeholder across the content types, once each, in order', () => {
    expect(placeholdersOf(confirmation)).toEqual(['1', '2']);
  });

  it('renders the richest type for WhatsApp and the text type for SMS, samples for what is left out', () => {
    expect(renderContent(confirmation, 'whatsapp', { 1: 'Ada' })).toBe('Hi Ada, please confirm the day we agreed.');
    expect(renderContent(confirmation, 'sms', { 1: 'Ada', 2: 'Tuesday' })).toBe('Hi Ada, reply CONFIRM for Tuesday.');
  });

  it('gives WhatsApp the quick-reply buttons of the type it shows, and SMS none', () => {
    expect(buttonsFor(confirmation, 'whatsapp')).toEqual(['Confirm {{1}}']);
    expect(buttonsFor(confirmation, 'sms')).toEqual([]);
    expect(buttonsFor({ ...confirmation, types: { 'twilio/text': { body: 'Hi' } } }, 'whatsapp')).toEqual([]);
  });

  it('accepts a complete variable set', () => {
    expect(contentProblems(confirmation, { 1: 'Ada', 2: 'Tuesday' }, 'whatsapp')).toEqual([]);
  });

  it('names each problem: missing, unknown, too long, line breaks on WhatsApp, not a string', () => {
    const problems = contentProblems(confirmation, { 1: 'x'.repeat(256), name: 'Ada', 3: 'a\nb', 4: 7 } as Record<string, unknown>, 'whatsapp');

    expect(problems.map((problem) => problem.field)).toEqual([
      'contentVariables.1',
      'contentVariables.3',
      'contentVariables.3',
      'contentVariables.4',
      'contentVariables.4',
      'contentVariables.name',
      'contentVariables.2',
    ]);
    expect(problems.map((problem) => problem.message).join(' | ')).toMatch(
      /at most 255.*not a placeholder.*new lines.*must be a string.*is required: template appointment_confirmation has \{\{2\}\}/,
    );
  });

  it('refuses a template WhatsApp has not approved on WhatsApp only', () => {
    const pending = { ...confirmation, whatsapp: { ...confirmation.whatsapp, status: 'pending' } };

    expect(contentProblems(pending, { 1: 'Ada', 2: 'Tuesday' }, 'whatsapp')).toEqual([
      { field: 'contentSid', message: expect.stringContaining('pending for WhatsApp') },
    ]);
    expect(contentProblems(pending, { 1: 'Ada', 2: 'Tuesday' }, 'sms')).toEqual([]);
  });

  it('refuses a filled-in body over WhatsApp’s 1024 characters', () => {
    const long = { ...confirmation, types: { 'twilio/text': { body: `${'y'.repeat(900)} {{1}} {{2}}` } } };

    expect(contentProblems(long, { 1: 'z'.repeat(200), 2: 'w' }, 'whatsapp')).toEqual([
      { field: 'contentVariables', message: expect.stringContaining("WhatsApp's 1024") },
    ]);
  });
});
