import { PhoneNumber } from '../value-objects/phone-number.value-object';
import { outboundModeOf } from './outbound-mode';

describe('outboundModeOf', () => {
  const number = PhoneNumber.parse('+15005550006');

  it('follows the account default', () => {
    expect(outboundModeOf({ defaultMode: 'legacy', conversationsNumbers: [] }, number)).toBe('legacy');
    expect(outboundModeOf({ defaultMode: 'conversations', conversationsNumbers: [] }, number)).toBe('conversations');
  });

  it('moves a listed number to conversations mode while the others stay legacy', () => {
    const policy = { defaultMode: 'legacy', conversationsNumbers: ['+15005550006'] } as const;
    expect(outboundModeOf(policy, number)).toBe('conversations');
    expect(outboundModeOf(policy, PhoneNumber.parse('+15005550007'))).toBe('legacy');
  });
});
