import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '../../components/common/LoadingState';
import { HistoryPage } from '../../components/history/HistoryPage';

export const metadata: Metadata = { title: 'History' };

export default function History() {
  // The filters come from the URL (useSearchParams), which Next only knows in the browser for a static page.
  return (
    <Suspense fallback={<LoadingState label="Loading the history…" />}>
      <HistoryPage />
    </Suspense>
  );
}
