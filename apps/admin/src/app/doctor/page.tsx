import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '../../components/common/LoadingState';
import { DoctorPage } from '../../components/doctor/DoctorPage';

export const metadata: Metadata = { title: 'Doctor' };

export default function Doctor() {
  // The number checked is in the URL (?number=), which a static page only knows in the browser.
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <DoctorPage />
    </Suspense>
  );
}
