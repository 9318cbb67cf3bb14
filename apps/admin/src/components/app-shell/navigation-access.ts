// Which navigation items a user sees. Kept apart from navigation.ts (which imports Paste's ESM icons) so it runs in
// jest as plain TypeScript.
import type { UserRole } from '../../lib/auth/auth.types';

export interface NavigationAccess {
  /** Shown to admins only: every action on the page needs the admin role (the API refuses operators anyway). */
  adminOnly?: boolean;
  /** Shown only when the API runs on its embedded sandbox. */
  sandboxOnly?: boolean;
}

export interface Viewer {
  role: UserRole | undefined;
  /** Whether the API runs on its embedded sandbox; undefined until it says so. */
  onSandbox: boolean | undefined;
}

/**
 * Items marked adminOnly are for admins; without a known role (API unreachable) only the pages for everyone show.
 * Items marked sandboxOnly show only once the API says it runs on its embedded sandbox.
 */
export function visibleFor<T extends NavigationAccess>(items: readonly T[], viewer: Viewer): T[] {
  return items.filter((item) => (!item.adminOnly || viewer.role === 'admin') && (!item.sandboxOnly || viewer.onSandbox === true));
}
