'use client';
// The error state of any read: the API's words (or "API unreachable") and a Retry that asks again.
import { ApiErrorCallout } from '../status/ApiErrorCallout';

interface QueryLike {
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export function QueryError({ query }: { query: QueryLike }) {
  return <ApiErrorCallout error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
}
