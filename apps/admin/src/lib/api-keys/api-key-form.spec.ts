import { describe, expect, it } from '@jest/globals';
import { parseNumberList, validateApiKeyForm } from './api-key-form';

describe('API key form', () => {
  it('reads sender numbers separated by commas, spaces or lines, once each', () => {
    expect(parseNumberList(' +15550100001,+15550100002\n+15550100001 ')).toEqual(['+15550100001', '+15550100002']);
    expect(parseNumberList('  ')).toEqual([]);
  });

  it('makes the request: trimmed name, role, numbers only when some are given', () => {
    expect(validateApiKeyForm({ name: ' CRM ', role: 'operator', allowedFromNumbers: '' })).toEqual({ errors: {}, request: { name: 'CRM', role: 'operator' } });
    expect(validateApiKeyForm({ name: 'CRM', role: 'operator', allowedFromNumbers: '+15550100001' }).request).toEqual({ name: 'CRM', role: 'operator', allowedFromNumbers: ['+15550100001'] });
    expect(validateApiKeyForm({ name: 'CRM', role: 'admin', allowedFromNumbers: ' ' }).request).toEqual({ name: 'CRM', role: 'admin' });
  });

  it('restricts only operator keys to sender numbers, as the API does', () => {
    expect(validateApiKeyForm({ name: 'CRM', role: 'admin', allowedFromNumbers: '+15550100001' })).toEqual({
      errors: { allowedFromNumbers: 'Only operator keys can be restricted to sender numbers.' },
    });
  });

  it('names every wrong field', () => {
    expect(validateApiKeyForm({ name: ' ', role: 'operator', allowedFromNumbers: '+15550100001, 5550100' })).toEqual({
      errors: { name: 'Name the key after what will use it.', allowedFromNumbers: 'Not in E.164 format (+15551234567): 5550100' },
    });
  });
});
