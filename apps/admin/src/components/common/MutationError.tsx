'use client';
// A write the API refused: its message, the fields it named and the request id support will ask for.
import { Callout, CalloutHeading, CalloutList, CalloutListItem, CalloutText } from '@twilio-paste/core/callout';
import { ApiError } from '../../lib/api-error';

export function MutationError({ error, heading, testId }: { error: unknown; heading: string; testId?: string }) {
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Callout variant="error" data-testid={testId ?? 'mutation-error'} role="alert">
      <CalloutHeading as="h3">{heading}</CalloutHeading>
      <CalloutText>{error instanceof Error ? error.message : 'Unknown error.'}</CalloutText>
      {apiError && apiError.details.length > 0 ? (
        <CalloutList as="ul">
          {apiError.details.map((detail) => (
            <CalloutListItem key={`${detail.field}:${detail.message}`}>{detail.message}</CalloutListItem>
          ))}
        </CalloutList>
      ) : null}
      {apiError?.requestId ? <CalloutText>Request id: {apiError.requestId}</CalloutText> : null}
    </Callout>
  );
}
