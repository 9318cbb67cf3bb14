import Ajv from 'ajv';
import { addTwilioFormats } from './twilio-formats';

const ajv = addTwilioFormats(new Ajv());
const accepts = (format: string, value: string) => ajv.validate({ type: 'string', format }, value);

describe('addTwilioFormats', () => {
  it('checks API 2010 RFC 2822 dates', () => {
    expect(accepts('date-time-rfc-2822', 'Thu, 30 Jul 2015 20:12:31 +0000')).toBe(true);
    expect(accepts('date-time-rfc-2822', '2015-07-30T20:12:31Z')).toBe(false);
    expect(accepts('date-time-rfc-2822', 'Thu, 30 Jul 2015 20:12 +0000')).toBe(false);
  });

  it('takes the senders and recipients Twilio documents as phone numbers', () => {
    for (const value of ['+15551230000', 'whatsapp:+15551230000', 'client:alice', '12345', 'ACME Corp']) {
      expect(accepts('phone-number', value)).toBe(true);
    }
    for (const value of ['', '+0123', 'call me maybe!', '555 123 0000 ext 4']) expect(accepts('phone-number', value)).toBe(false);
  });

  it('checks country codes, currencies and HTTP methods', () => {
    expect(accepts('iso-country-code', 'US')).toBe(true);
    expect(accepts('iso-country-code', 'USA')).toBe(false);
    expect(accepts('currency', 'USD')).toBe(true);
    expect(accepts('currency', 'dollars')).toBe(false);
    expect(accepts('http-method', 'POST')).toBe(true);
    expect(accepts('http-method', 'SEND')).toBe(false);
  });

  it('keeps absolute URIs apart from relative references', () => {
    expect(accepts('uri', 'https://flex-api.twilio.com/v1/FlexFlows')).toBe(true);
    expect(accepts('uri', '/2010-04-01/Accounts/AC1/Messages.json')).toBe(false);
    expect(accepts('uri-reference', '/2010-04-01/Accounts/AC1/Messages.json')).toBe(true);
  });
});
