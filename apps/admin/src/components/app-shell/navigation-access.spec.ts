import { describe, expect, it } from '@jest/globals';
import { visibleFor, type Viewer } from './navigation-access';

const items = [
  { label: 'Send' },
  { label: 'Cleanup', adminOnly: true },
  { label: 'History', adminOnly: false },
  { label: 'Sandbox handset', sandboxOnly: true },
  { label: 'Users', adminOnly: true },
];
const labels = (viewer: Viewer) => visibleFor(items, viewer).map((item) => item.label);

describe('visibleFor', () => {
  it('shows admins every item, in order, on the sandbox', () => {
    expect(labels({ role: 'admin', onSandbox: true })).toEqual(['Send', 'Cleanup', 'History', 'Sandbox handset', 'Users']);
  });

  it('hides admin-only items from operators, and when the role is unknown', () => {
    expect(labels({ role: 'operator', onSandbox: true })).toEqual(['Send', 'History', 'Sandbox handset']);
    expect(labels({ role: undefined, onSandbox: true })).toEqual(['Send', 'History', 'Sandbox handset']);
  });

  it('hides sandbox-only items on a real account, and until the API says where it runs', () => {
    expect(labels({ role: 'admin', onSandbox: false })).toEqual(['Send', 'Cleanup', 'History', 'Users']);
    expect(labels({ role: 'admin', onSandbox: undefined })).toEqual(['Send', 'Cleanup', 'History', 'Users']);
  });
});
