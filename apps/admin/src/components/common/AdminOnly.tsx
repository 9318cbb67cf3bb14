'use client';
// Admin actions (changing Flex Flows, closing or deleting sessions, running a cleanup) are hidden from operators.
// The API refuses them to operators anyway; hiding them keeps the page honest about what the user can do.
import type { ReactNode } from 'react';
import { useCurrentUser } from '../../hooks/use-current-user';

export function useIsAdmin(): boolean {
  return useCurrentUser().user?.role === 'admin';
}

export function AdminOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return <>{useIsAdmin() ? children : fallback}</>;
}
