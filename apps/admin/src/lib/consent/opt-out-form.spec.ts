import { describe, expect, it } from '@jest/globals';
import { optOutFieldErrorsFrom, validateOptOutForm } from './opt-out-form';

describe('validateOptOutForm', () => {
  it('accepts a number, a WhatsApp sender or a Messaging Service as the scope', () => {
    for (const scope of ['+15550100001', 'whatsapp:+15550100003', 'MG0123456789abcdef0123456789abcdef']) {
      expect(validateOptOutForm({ recipient: '+14155550123', scope, reason: 'Asked by phone' })).toEqual({});
    }
  });

  it('names every field with a problem', () => {
    expect(Object.keys(validateOptOutForm({ recipient: '415 555', scope: 'MG12', reason: ' ' })).sort()).toEqual(['reason', 'recipient', 'scope']);
  });

  it('places the API’s details on the fields it knows', () => {
    expect(
      optOutFieldErrorsFrom([
        { field: 'scope', message: 'bad scope' },
        { field: 'colour', message: 'x' },
      ]),
    ).toEqual({ scope: 'bad scope' });
  });
});
