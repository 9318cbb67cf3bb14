'use client';
// The frame of every page about one resource (an outbound request, a Proxy session, a Flex Flow): its title, a
// loading state, a "no such …" state when the API answers 404, the API's words for any other error, then the
// resource's own content. The facts about it are a description list on a card (FactCard, Fact).
import type { UseQueryResult } from '@tanstack/react-query';
import { Card } from '@twilio-paste/core/card';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-error';
import { EmptyState } from './EmptyState';
import { LoadingState } from './LoadingState';
import { QueryError } from './QueryError';

interface ResourceDetailProps<T> {
  query: UseQueryResult<T>;
  /** The page title: without data while loading or failed, with it once loaded (a name, actions). */
  title: (data?: T) => ReactNode;
  loadingLabel: string;
  /** What the page says when the resource does not exist. */
  notFound: { heading: string; testId: string; children: ReactNode };
  children: (data: T) => ReactNode;
}

export function ResourceDetail<T>({ query, title, loadingLabel, notFound, children }: ResourceDetailProps<T>) {
  if (query.isPending) {
    return (
      <>
        {title()}
        <LoadingState label={loadingLabel} />
      </>
    );
  }
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        {title()}
        {missing ? (
          <EmptyState heading={notFound.heading} testId={notFound.testId}>
            {notFound.children}
          </EmptyState>
        ) : (
          <QueryError query={query} />
        )}
      </>
    );
  }
  return (
    <>
      {title(query.data)}
      {children(query.data)}
    </>
  );
}

export function FactCard({ children }: { children: ReactNode }) {
  return (
    <Card padding="space70">
      <DescriptionList>{children}</DescriptionList>
    </Card>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListSet>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDetails>{children}</DescriptionListDetails>
    </DescriptionListSet>
  );
}
