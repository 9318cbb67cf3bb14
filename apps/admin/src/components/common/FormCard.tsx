'use client';
// The card an admin form sits in: a heading, the fields, the API's refusal when no field took it, the actions. One
// shell, so that the forms differ only in their fields and their validation, and a change of layout is made once.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import type { FormEvent, ReactNode } from 'react';
import { MutationError } from './MutationError';

export interface FormCardProps {
  heading: ReactNode;
  /** The form's accessible name. */
  label: string;
  testId: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  /** The write's refusal, shown above the actions; leave undefined when the fields already show it. */
  failure?: { error: unknown; heading: string };
  /** Actions beside the submit button (e.g. Cancel). */
  secondaryActions?: ReactNode;
  children: ReactNode;
}

export function FormCard({ heading, label, testId, submitLabel, pending, onSubmit, failure, secondaryActions, children }: FormCardProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card padding="space70">
      <Heading as="h2" variant="heading40">
        {heading}
      </Heading>
      <form onSubmit={submit} aria-label={label} data-testid={testId} noValidate>
        <Box display="flex" flexDirection="column" rowGap="space50">
          {children}
          {failure ? <MutationError error={failure.error} heading={failure.heading} /> : null}
          <Box display="flex" columnGap="space30">
            <Button type="submit" variant="primary" loading={pending}>
              {submitLabel}
            </Button>
            {secondaryActions}
          </Box>
        </Box>
      </form>
    </Card>
  );
}
