import { describe, expect, it } from '@jest/globals';
import { parseNumberList, validateApiKeyForm } from './api-key-form';

describe('API key form', () => {
  it('reads sender numbers separated by commas, spaces or lines, once each', () => {
    expect(parseNumberList(' +15550100001,+15550100002\n+15550100001 ')).toEqual(['+15550100001', '+15550100002']);
    expect(parseNumberList('  ')).toEqual([]);
  });

  it('makes the request: trimmed name, role, numbers only when some are given', () => {
    expect(validateApiKeyForm({ name: ' CRM ', role: 'operator', allowedFromNumbers: '', callbackUrl: '' })).toEqual({
      errors: {},
      request: { name: 'CRM', role: 'operator' },
    });
    expect(validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '+15550100001', callbackUrl: '' }).request).toEqual({
      name: 'CRM',
      role: 'operator',
      allowedFromNumbers: ['+15550100001'],
    });
    expect(validateApiKeyForm({ name: 'CRM', role: 'admin', allowedFromNumbers: ' ', callbackUrl: '' }).request).toEqual({
      name: 'CRM',
      role: 'admin',
    });
  });

  it('restricts only operator keys to sender numbers, as the API does', () => {
    expect(validateApiKeyForm({ name: 'CRM', role: 'admin', allowedFromNumbers: '+15550100001', callbackUrl: '' })).toEqual({
      errors: { allowedFromNumbers: 'Only operator keys can be restricted to sender numbers.' },
    });
  });

  it('names every wrong field', () => {
    expect(validateApiKeyForm({ name: ' ', role: 'operator', allowedFromNumbers: '+15550100001, 5550100', callbackUrl: '' })).toEqual({
      errors: { name: 'Name the key after what will use it.', allowedFromNumbers: 'Not in E.164 format (+15551234567): 5550100' },
    });
  });

  it('sends a callback URL when one is given, and names what is wrong with one that cannot be', () => {
    expect(
      validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '', callbackUrl: ' https://crm.example.com/hook ' }).request,
    ).toEqual({
      name: 'CRM',
      role: 'operator',
      callbackUrl: 'https://crm.example.com/hook',
    });
    expect(validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '', callbackUrl: 'crm.example.com' }).errors.callbackUrl).toMatch(
      /^Not a URL/,
    );
    expect(
      validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '', callbackUrl: 'ftp://crm.example.com' }).errors.callbackUrl,
    ).toBe('Only http and https URLs.');
    expect(
      validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '', callbackUrl: 'https://a:b@crm.example.com' }).errors.callbackUrl,
    ).toMatch(/^No user name/);
  });
});
