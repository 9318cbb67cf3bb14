import { InvalidInput, InvalidPhoneNumber } from '../errors';
import { PhoneNumber } from './phone-number.value-object';
import { Sid } from './sid.value-object';

describe('PhoneNumber', () => {
  it.each([
    ['+14155550123', '+14155550123'],
    ['+1 (415) 555-0123', '+14155550123'],
    ['  +44 20 7946 0958 ', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('normalises %p to E.164', (input, e164) => {
    expect(PhoneNumber.parse(input).e164).toBe(e164);
  });

  it('reads a national number only with a default country', () => {
    expect(() => PhoneNumber.parse('(415) 555-0123')).toThrow(InvalidPhoneNumber);
    expect(PhoneNumber.parse('(415) 555-0123', { defaultCountry: 'US' }).e164).toBe('+14155550123');
  });

  it('names the field in the error', () => {
    expect(() => PhoneNumber.parse('12', { field: 'toNumber' })).toThrow("toNumber: '12' is not a valid phone number");
  });

  it("reads a text once: the same number comes back, a refusal names each caller's field, another default country reads it again", () => {
    expect(PhoneNumber.parse('+1 415 555 0199')).toBe(PhoneNumber.parse('+1 415 555 0199'));
    expect(PhoneNumber.tryParse('+1 415 555 0199')).toBe(PhoneNumber.parse('+1 415 555 0199'));
    expect(() => PhoneNumber.parse('12', { field: 'fromNumber' })).toThrow("fromNumber: '12'");
    expect(() => PhoneNumber.parse('12', { field: 'toNumber' })).toThrow("toNumber: '12'");
    expect(() => PhoneNumber.parse('20 7946 0958')).toThrow(InvalidPhoneNumber);
    expect(PhoneNumber.parse('20 7946 0958', { defaultCountry: 'GB' }).e164).toBe('+442079460958');
  });

  it('compares numbers written differently as equal', () => {
    expect(PhoneNumber.parse('+1 415 555 0123').equals(PhoneNumber.parse('+14155550123'))).toBe(true);
    expect(PhoneNumber.tryParse('not a number')).toBeUndefined();
    expect(PhoneNumber.tryParse(null)).toBeUndefined();
  });
});

describe('Sid', () => {
  const channelSid = 'CH' + '0123456789abcdef'.repeat(2);

  it('accepts a SID with the expected prefix and 32 hex digits', () => {
    expect(Sid.parse(channelSid, 'CH', 'sourceChatChannelSid').prefix).toBe('CH');
    expect(Sid.isSid(channelSid, 'CH')).toBe(true);
  });

  it.each([['WK' + '0'.repeat(32)], ['CH' + '0'.repeat(31)], ['CH' + 'g'.repeat(32)], ['']])('rejects %p as a channel SID', (value) => {
    expect(Sid.isSid(value, 'CH')).toBe(false);
    expect(() => Sid.parse(value, 'CH', 'sourceChatChannelSid')).toThrow(InvalidInput);
  });
});
