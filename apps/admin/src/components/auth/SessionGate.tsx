'use client';
// Pages show only to someone signed in. When the API says there is no session (401), the user goes to the sign-in
// page and comes back here afterwards. When the API cannot be reached at all, the page still renders: each page
// has its own "API unreachable" state, and the API refuses everything to an unknown caller anyway.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useCurrentUser } from '../../hooks/use-current-user';
import { isSignedOut } from '../../lib/auth/session-ended';
import { signInUrlFor } from '../../lib/auth/sign-in-redirect';
import { LoadingState } from '../common/LoadingState';

export function SessionGate({ children }: { children: ReactNode }) {
  const { isLoading, error } = useCurrentUser();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const signedOut = isSignedOut(error);

  useEffect(() => {
    if (signedOut) router.replace(signInUrlFor(search ? `${pathname}?${search}` : pathname, window.location.origin));
  }, [signedOut, router, pathname, search]);

  if (signedOut || (isLoading && !error)) return <LoadingState label="Checking your session…" testId="session-check" />;
  return <>{children}</>;
}
