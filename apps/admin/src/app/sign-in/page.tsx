import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignInPage } from '../../components/auth/SignInPage';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignIn() {
  // useSearchParams (the `next` page) needs a Suspense boundary to prerender.
  return (
    <Suspense>
      <SignInPage />
    </Suspense>
  );
}
