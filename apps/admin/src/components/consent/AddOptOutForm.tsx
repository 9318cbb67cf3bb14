'use client';
import { Box } from '@twilio-paste/core/box';
import { useState } from 'react';
import { useAddOptOut } from '../../hooks/use-consent';
import { ApiError } from '../../lib/api-error';
import type { AddOptOutRequest } from '../../lib/consent/consent.types';
import { optOutFieldErrorsFrom, validateOptOutForm, type OptOutFormErrors } from '../../lib/consent/opt-out-form';
import { FormCard } from '../common/FormCard';
import { TextField } from '../common/TextField';

const EMPTY: AddOptOutRequest = { recipient: '', scope: '', reason: '' };

/** An admin records that a customer must not be texted from a sender (a phone call, a letter, a complaint). */
export function AddOptOutForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<OptOutFormErrors>({});
  const add = useAddOptOut();

  const submit = () => {
    const trimmed = { recipient: values.recipient.trim(), scope: values.scope.trim(), reason: values.reason.trim() };
    const found = validateOptOutForm(trimmed);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(trimmed, {
      onSuccess: () => setValues(EMPTY),
      onError: (error) => setErrors(error instanceof ApiError ? optOutFieldErrorsFrom(error.details) : {}),
    });
  };
  const set = (field: keyof AddOptOutRequest) => (value: string) => setValues({ ...values, [field]: value });
  const fieldErrorsShown = add.error instanceof ApiError && add.error.details.length > 0;

  return (
    <FormCard
      heading="Add an opt-out"
      label="Add an opt-out"
      testId="add-opt-out-form"
      submitLabel="Add opt-out"
      pending={add.isPending}
      onSubmit={submit}
      failure={add.isError && !fieldErrorsShown ? { error: add.error, heading: 'The opt-out could not be added' } : undefined}
    >
      <Box>
        <TextField
          id="opt-out-recipient"
          name="recipient"
          label="Customer number"
          type="tel"
          placeholder="+14155550123"
          value={values.recipient}
          onChange={set('recipient')}
          error={errors.recipient}
          required
        />
      </Box>
      <Box>
        <TextField
          id="opt-out-scope"
          name="scope"
          label="Sender"
          placeholder="+15550100001"
          value={values.scope}
          onChange={set('scope')}
          error={errors.scope}
          help="The Twilio number the customer must not be texted from (whatsapp:+E164 for a WhatsApp sender, MG… for every number of a Messaging Service)."
          required
        />
      </Box>
      <Box>
        <TextField
          id="opt-out-reason"
          name="reason"
          label="Reason"
          value={values.reason}
          onChange={set('reason')}
          error={errors.reason}
          help="Kept in the audit trail."
          required
        />
      </Box>
    </FormCard>
  );
}
