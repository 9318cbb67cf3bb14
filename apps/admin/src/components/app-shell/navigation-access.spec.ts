import { describe, expect, it } from '@jest/globals';
import { visibleFor } from './navigation-access';

const items = [{ label: 'Send' }, { label: 'Cleanup', adminOnly: true }, { label: 'History', adminOnly: false }, { label: 'Users', adminOnly: true }];
const labels = (role: Parameters<typeof visibleFor>[1]) => visibleFor(items, role).map((item) => item.label);

describe('visibleFor', () => {
  it('shows admins every item, in order', () => {
    expect(labels('admin')).toEqual(['Send', 'Cleanup', 'History', 'Users']);
  });

  it('hides admin-only items from operators, and when the role is unknown', () => {
    expect(labels('operator')).toEqual(['Send', 'History']);
    expect(labels(undefined)).toEqual(['Send', 'History']);
  });
});
