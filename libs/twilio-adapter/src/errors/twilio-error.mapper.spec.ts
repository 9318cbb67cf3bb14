import {
  ConversationAddressInUse,
  DuplicateUniqueName,
  ProxyIdentifierInUse,
  ResourceNotFound,
  TwilioRequestFailed,
  TwilioTransientFailure,
} from '@flex-sms/domain';
import { callTwilioOrNull, mapTwilioError } from './twilio-error.mapper';

const rest = (status: number, code: number, message = 'm', details?: Record<string, unknown>) =>
  Object.assign(new Error(message), { status, code, message, details, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
const context = { resource: 'Proxy session', sid: 'CH1' };

describe('mapTwilioError', () => {
  it('maps a 429 to a throttled transient failure carrying Retry-After', () => {
    const mapped = mapTwilioError(rest(429, 20429, 'Too Many Requests', { retry_after: '2' }), context);
    expect(mapped).toBeInstanceOf(TwilioTransientFailure);
    expect(mapped).toMatchObject({ kind: 'throttled', retryAfterMs: 2000, status: 429, twilioCode: 20429 });
  });

  it.each([500, 502, 503])('maps %p to a server_error transient failure', (status) => {
    expect(mapTwilioError(rest(status, 20500), context)).toMatchObject({ kind: 'server_error', status });
  });

  it.each([['ECONNRESET'], ['ETIMEDOUT'], ['ECONNABORTED']])('maps a dropped connection (%p) to a connection transient failure', (code) => {
    expect(mapTwilioError(Object.assign(new Error('x'), { code }), context)).toMatchObject({ kind: 'connection' });
  });

  it('maps "socket hang up" without a code to a connection failure', () => {
    expect(mapTwilioError(new Error('socket hang up'), context)).toBeInstanceOf(TwilioTransientFailure);
  });

  it.each([80604, 80623, 80103])('maps Proxy conflict %p to ProxyIdentifierInUse, keeping a session SID Twilio names', (code) => {
    const sid = 'KC' + 'a'.repeat(32);
    const mapped = mapTwilioError(rest(code === 80623 ? 409 : 400, code, `in use in session ${sid}`), context);
    expect(mapped).toBeInstanceOf(ProxyIdentifierInUse);
    expect(mapped).toMatchObject({ twilioCode: code, conflictingSessionSid: sid });
  });

  it.each([50416, 50425])('maps Conversations binding clash %p to ConversationAddressInUse, keeping the conversation Twilio names', (code) => {
    const sid = 'CH' + 'b'.repeat(32);
    const mapped = mapTwilioError(rest(409, code, `A binding for this participant and proxy address already exists in Conversation ${sid}`), context);
    expect(mapped).toBeInstanceOf(ConversationAddressInUse);
    expect(mapped).toMatchObject({ twilioCode: code, conversationSid: sid });
  });

  it.each([80603, 50307])('maps unique name clash %p to DuplicateUniqueName', (code) => {
    expect(mapTwilioError(rest(400, code), context)).toBeInstanceOf(DuplicateUniqueName);
  });

  it('maps 404 to ResourceNotFound naming the resource', () => {
    expect(mapTwilioError(rest(404, 20404), context)).toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
      details: { resource: 'Proxy session', sid: 'CH1' },
    });
  });

  it('maps other 4xx to TwilioRequestFailed with the Twilio code', () => {
    const mapped = mapTwilioError(rest(400, 20001, 'Missing required parameter'), context);
    expect(mapped).toBeInstanceOf(TwilioRequestFailed);
    expect(mapped).toMatchObject({ status: 400, twilioCode: 20001, message: 'Proxy session: Missing required parameter' });
  });

  it('leaves programming errors alone', () => {
    const bug = new TypeError('x is undefined');
    expect(mapTwilioError(bug, context)).toBe(bug);
  });
});

describe('callTwilioOrNull', () => {
  it('reads a 404 as "none"', async () => {
    await expect(callTwilioOrNull(context, () => Promise.reject(rest(404, 20404)))).resolves.toBeNull();
  });

  it('passes other failures on, mapped', async () => {
    await expect(callTwilioOrNull(context, () => Promise.reject(rest(400, 20001)))).rejects.toBeInstanceOf(TwilioRequestFailed);
  });

  it('keeps ResourceNotFound the domain relies on', async () => {
    expect(mapTwilioError(rest(404, 20404), context)).toBeInstanceOf(ResourceNotFound);
  });
});
