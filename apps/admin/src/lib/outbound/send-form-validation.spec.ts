import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api-error';
import {
  EMPTY_SEND_FORM,
  fieldErrorsFrom,
  toInitiateAgentSmsRequest,
  toSendSystemSmsRequest,
  validateSendForm,
  type SendFormValues,
} from './send-form-validation';

const valid: SendFormValues = { ...EMPTY_SEND_FORM, fromNumber: '+15550100001', toName: 'Ada Lovelace', toNumber: '+14155550123' };
const channelSid = `CH${'0123456789abcdef'.repeat(2)}`;

describe('validateSendForm', () => {
  it('accepts an agent-initiated request with only the parties, and a message with its body', () => {
    expect(validateSendForm('task', valid)).toEqual({});
    expect(validateSendForm('message', { ...valid, body: 'Your order has shipped.' })).toEqual({});
  });

  it('names every missing field at once', () => {
    expect(Object.keys(validateSendForm('message', EMPTY_SEND_FORM)).sort()).toEqual(['body', 'fromNumber', 'toName', 'toNumber']);
    expect(validateSendForm('task', EMPTY_SEND_FORM).body).toBeUndefined();
  });

  it.each(['4155550123', '+1 415 555 0123', '+1415', '+04155550123', '+1415555012345678'])('refuses %p as an E.164 number', (number) => {
    expect(validateSendForm('task', { ...valid, toNumber: number }).toNumber).toMatch(/E\.164/);
  });

  it('refuses texting the number itself', () => {
    expect(validateSendForm('task', { ...valid, toNumber: valid.fromNumber }).toNumber).toMatch(/must differ/);
  });

  it('enforces the API’s lengths and refuses blank text', () => {
    expect(validateSendForm('message', { ...valid, body: 'x'.repeat(1600) })).toEqual({});
    expect(validateSendForm('message', { ...valid, body: 'x'.repeat(1601) }).body).toBe('At most 1600 characters (now 1601).');
    expect(validateSendForm('task', { ...valid, body: '   ' }).body).toMatch(/must not be blank/);
    expect(validateSendForm('task', { ...valid, toName: 'x'.repeat(257) }).toName).toMatch(/At most 256/);
  });

  it('checks the SIDs’ prefixes and the task attributes’ JSON, on the agent form only', () => {
    const wrong = { ...valid, sourceChatChannelSid: `WK${channelSid.slice(2)}`, targetWorkerSid: channelSid, taskAttributes: '[1]' };
    expect(validateSendForm('task', wrong)).toEqual({
      sourceChatChannelSid: expect.stringContaining('CH'),
      targetWorkerSid: expect.stringContaining('WK'),
      taskAttributes: expect.stringContaining('JSON object'),
    });
    expect(validateSendForm('task', { ...valid, taskAttributes: '{oops' }).taskAttributes).toBe('This is not valid JSON.');
    expect(validateSendForm('message', { ...wrong, body: 'Hi' })).toEqual({});
  });
});

describe('request bodies', () => {
  it('leaves out what the operator did not fill in', () => {
    expect(toInitiateAgentSmsRequest(valid)).toEqual({ fromNumber: '+15550100001', toName: 'Ada Lovelace', toNumber: '+14155550123' });
    expect(toInitiateAgentSmsRequest({ ...valid, body: 'Hi', sourceChatChannelSid: channelSid, taskAttributes: '{"crmId":"A-17"}' })).toEqual({
      fromNumber: '+15550100001',
      toName: 'Ada Lovelace',
      toNumber: '+14155550123',
      initialMessage: 'Hi',
      sourceChatChannelSid: channelSid,
      taskAttributes: { crmId: 'A-17' },
    });
    expect(toSendSystemSmsRequest({ ...valid, body: 'Shipped' })).toEqual({
      fromNumber: '+15550100001',
      toName: 'Ada Lovelace',
      toNumber: '+14155550123',
      messageBody: 'Shipped',
    });
  });
});

describe('WhatsApp and templates', () => {
  const reminder = { ...valid, channel: 'whatsapp', contentSid: `HX${'0123456789abcdef'.repeat(2)}`, contentVariables: { 1: 'Ada', 2: ' ' } };

  it('asks for no body when a template is the message, but for every placeholder', () => {
    expect(validateSendForm('message', reminder, ['1', '2'])).toEqual({ contentVariables: { 2: 'Enter a value for {{2}}.' } });
    expect(validateSendForm('message', { ...reminder, contentVariables: { 1: 'Ada', 2: 'Tuesday' } }, ['1', '2'])).toEqual({});
  });

  it('sends the channel and the template instead of the text', () => {
    const filled = { ...reminder, body: 'left over', contentVariables: { 1: 'Ada', 2: 'Tuesday' } };
    expect(toSendSystemSmsRequest(filled)).toEqual({
      fromNumber: '+15550100001',
      toName: 'Ada Lovelace',
      toNumber: '+14155550123',
      channel: 'whatsapp',
      contentSid: reminder.contentSid,
      contentVariables: { 1: 'Ada', 2: 'Tuesday' },
    });
    expect(toInitiateAgentSmsRequest({ ...valid, channel: 'whatsapp', body: 'Hi' })).toEqual({
      fromNumber: '+15550100001',
      toName: 'Ada Lovelace',
      toNumber: '+14155550123',
      channel: 'whatsapp',
      initialMessage: 'Hi',
    });
  });

  it('places INVALID_CONTENT’s problems on their placeholders and the template, and the window’s refusal on the message', () => {
    const invalid = new ApiError({
      status: 400,
      code: 'INVALID_CONTENT',
      message: 'The Content template cannot be sent as asked',
      context: {
        problems: [
          { field: 'contentVariables.1', message: 'must be at most 255 characters' },
          { field: 'contentVariables.1', message: 'must not contain new lines' },
          { field: 'contentVariables.2', message: 'is required' },
          { field: 'contentVariables', message: 'the filled-in body is too long' },
          { field: 'contentSid', message: 'is pending for WhatsApp, not approved' },
        ],
      },
    });
    expect(fieldErrorsFrom(invalid)).toEqual({
      contentSid: 'is pending for WhatsApp, not approved',
      contentVariables: { 1: 'must be at most 255 characters; must not contain new lines', 2: 'is required', '*': 'the filled-in body is too long' },
    });
    const outside = new ApiError({ status: 422, code: 'WHATSAPP_TEMPLATE_REQUIRED', message: 'whatsapp:+14155550123 has not written to …' });
    expect(fieldErrorsFrom(outside)).toEqual({ body: 'whatsapp:+14155550123 has not written to …' });
  });
});

describe('fieldErrorsFrom', () => {
  it('places the API’s validation details on the form’s fields', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request has 2 invalid fields.',
      details: [
        { field: 'messageBody', message: 'messageBody must not be blank' },
        { field: 'toNumber', message: 'toNumber must differ from fromNumber' },
        { field: 'colour', message: 'property colour should not exist' },
      ],
    });
    expect(fieldErrorsFrom(error)).toEqual({ body: 'messageBody must not be blank', toNumber: 'toNumber must differ from fromNumber' });
  });

  it('places the consent register’s refusal beside the customer number, saying who, from where, since when and how', () => {
    const error = new ApiError({
      status: 422,
      code: 'RECIPIENT_OPTED_OUT',
      message: 'opted out',
      context: { recipient: '+14155550123', scope: '+15550100001', since: '2026-12-01T10:00:00.000Z', source: 'inbound-keyword' },
    });
    expect(fieldErrorsFrom(error)).toEqual({
      toNumber:
        '+14155550123 texted an opt-out keyword (STOP) on Dec 1, 2026, 10:00 AM UTC and may not be texted from +15550100001. Nothing was sent. They can text START to opt back in, or an admin can remove the opt-out on the Consent page.',
    });
  });

  it('ignores any other failure', () => {
    expect(fieldErrorsFrom(new ApiError({ status: 409, code: 'PARTICIPANT_CONFLICT', message: 'busy' }))).toEqual({});
    expect(fieldErrorsFrom(new Error('boom'))).toEqual({});
  });
});
