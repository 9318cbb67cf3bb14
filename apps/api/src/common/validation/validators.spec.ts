import { validateSync } from 'class-validator';
import { DiffersFromNumber, IsE164PhoneNumber, toE164 } from './phone-number.validators';
import { IsTwilioSid } from './twilio-sid.validator';

class Probe {
  @IsE164PhoneNumber()
  fromNumber!: unknown;

  @IsE164PhoneNumber()
  @DiffersFromNumber('fromNumber')
  toNumber!: unknown;

  @IsTwilioSid('CH')
  channelSid!: unknown;
}

function errorsOf(values: Partial<Probe>): Record<string, string[]> {
  const probe = Object.assign(new Probe(), { fromNumber: '+15550100001', toNumber: '+14155550123', channelSid: `CH${'a'.repeat(32)}`, ...values });
  return Object.fromEntries(validateSync(probe).map((error) => [error.property, Object.values(error.constraints ?? {})]));
}

describe('request validators', () => {
  it('accept E.164 numbers, distinct numbers and well-formed SIDs', () => {
    expect(errorsOf({})).toEqual({});
    expect(toE164('+442071838750')).toBe('+442071838750');
  });

  it.each([['4155550123'], ['+1 415 555 0123'], ['+1415555012'], ['+0155501000'], ['+1415555012345678'], [14155550123], ['']])(
    'refuse %p as a phone number',
    (value) => {
      expect(errorsOf({ fromNumber: value }).fromNumber).toEqual(['fromNumber must be a phone number in E.164 format, e.g. +15551234567']);
    },
  );

  it('refuse a toNumber equal to fromNumber', () => {
    expect(errorsOf({ toNumber: '+15550100001' }).toNumber).toEqual(['toNumber must differ from fromNumber']);
  });

  it.each([['WK' + 'a'.repeat(32)], ['CH' + 'a'.repeat(31)], ['CH' + 'g'.repeat(32)], [null]])('refuse %p as a channel SID', (value) => {
    expect(errorsOf({ channelSid: value }).channelSid).toEqual(['channelSid must be a Twilio SID starting with CH followed by 32 hex digits']);
  });
});
