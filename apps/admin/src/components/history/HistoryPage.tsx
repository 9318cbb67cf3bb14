'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useOutboundHistory } from '../../hooks/use-outbound';
import { historyFiltersFrom, historySearchParams, pageCount, type HistoryFilters } from '../../lib/outbound/history-filters';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { HistoryFiltersForm } from './HistoryFiltersForm';
import { HistoryTable } from './HistoryTable';
import { PageControls } from './PageControls';

export function HistoryPage() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = historyFiltersFrom(new URLSearchParams(searchParams.toString()));
  const history = useOutboundHistory(filters);

  const show = (next: HistoryFilters) => {
    const query = historySearchParams(next, { includePageSize: false }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const filtered = Boolean(filters.status || filters.kind || filters.delivery || filters.number);

  return (
    <>
      <PageTitle heading="History">Every outbound SMS request the API journaled, newest first: who, to whom, how it ended.</PageTitle>
      {/* Keyed by the URL's filters, so Back/Forward puts the form in step with the table. */}
      <HistoryFiltersForm key={searchParams.toString()} filters={filters} onApply={show} />
      {history.isPending ? (
        <LoadingState label="Loading the history…" testId="history-loading" />
      ) : history.isError ? (
        <QueryError query={history} />
      ) : history.data.items.length === 0 ? (
        <EmptyState heading={filtered ? 'No request matches these filters' : 'No outbound SMS yet'} testId="history-empty">
          {filtered ? 'Clear the filters to see every request.' : 'Requests appear here as soon as someone sends from the Send page or the API.'}
        </EmptyState>
      ) : (
        <>
          <HistoryTable items={history.data.items} />
          <PageControls
            page={history.data.page}
            pages={pageCount(history.data.total, history.data.pageSize)}
            total={history.data.total}
            loading={history.isFetching}
            onPage={(page) => show({ ...filters, page })}
          />
        </>
      )}
    </>
  );
}
