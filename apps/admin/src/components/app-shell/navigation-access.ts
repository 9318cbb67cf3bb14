// Which navigation items a role sees. Kept apart from navigation.ts (which imports Paste's ESM icons) so it runs in
// jest as plain TypeScript.
import type { UserRole } from '../../lib/auth/auth.types';

/** Items marked adminOnly are for admins; without a known role (API unreachable) only the pages for everyone show. */
export function visibleFor<T extends { adminOnly?: boolean }>(items: readonly T[], role: UserRole | undefined): T[] {
  return items.filter((item) => !item.adminOnly || role === 'admin');
}
