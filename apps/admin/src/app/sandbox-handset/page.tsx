import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '../../components/common/LoadingState';
import { SandboxHandsetPage } from '../../components/sandbox-handset/SandboxHandsetPage';

export const metadata: Metadata = { title: 'Sandbox handset' };

export default function SandboxHandset() {
  // The selected phone is in the URL (?number=), which a static page only knows in the browser.
  return (
    <Suspense fallback={<LoadingState label="Loading the phones…" />}>
      <SandboxHandsetPage />
    </Suspense>
  );
}
