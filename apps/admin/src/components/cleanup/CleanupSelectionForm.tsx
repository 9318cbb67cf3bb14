'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { Form, FormActions, FormControl } from '@twilio-paste/core/form';
import { HelpText } from '@twilio-paste/core/help-text';
import { useState, type FormEvent } from 'react';
import {
  toProxySessionSelection,
  validateCleanupSelection,
  type CleanupSelectionErrors,
  type CleanupSelectionValues,
} from '../../lib/cleanup/cleanup-selection-form';
import type { ProxySessionSelection } from '../../lib/cleanup/cleanup.types';
import { TextField } from '../common/TextField';

/** Statuses a clean-up may take; `unknown` is left out on purpose (nobody should bulk-delete what they cannot read). */
const STATUSES = [
  { value: 'closed', label: 'Closed', help: 'Finished conversations: safe to delete.' },
  { value: 'failed', label: 'Failed' },
  { value: 'open', label: 'Open', help: 'Live: a customer may be mid-conversation.' },
  { value: 'in-progress', label: 'In progress', help: 'Live: a customer may be mid-conversation.' },
];

interface CleanupSelectionFormProps {
  pending: boolean;
  onPreview: (selection: ProxySessionSelection) => void;
}

export function CleanupSelectionForm({ pending, onPreview }: CleanupSelectionFormProps) {
  const [values, setValues] = useState<CleanupSelectionValues>({ statuses: ['closed'], olderThanHours: '', number: '' });
  const [errors, setErrors] = useState<CleanupSelectionErrors>({});

  const toggle = (status: string, on: boolean) =>
    setValues((current) => ({ ...current, statuses: on ? [...current.statuses, status] : current.statuses.filter((value) => value !== status) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCleanupSelection(values);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onPreview(toProxySessionSelection(values));
  }

  return (
    <Form aria-label="Which Proxy sessions to clean up" onSubmit={submit} noValidate data-testid="cleanup-selection">
      <FormControl>
        <CheckboxGroup name="statuses" legend="Session status" errorText={errors.selection}>
          {STATUSES.map((status) => (
            <Checkbox key={status.value} id={`cleanup-status-${status.value}`} checked={values.statuses.includes(status.value)} onChange={(event) => toggle(status.value, event.target.checked)} helpText={status.help}>
              {status.label}
            </Checkbox>
          ))}
        </CheckboxGroup>
      </FormControl>
      <Box display="flex" flexWrap="wrap" columnGap="space60" rowGap="space60">
        <Box minWidth="size20">
          <FormControl>
            <TextField id="cleanup-older-than" name="olderThanHours" label="Older than (hours)" value={values.olderThanHours} onChange={(olderThanHours) => setValues({ ...values, olderThanHours })} error={errors.olderThanHours} help="Empty: any age." />
          </FormControl>
        </Box>
        <Box minWidth="size30">
          <FormControl>
            <TextField id="cleanup-number" name="number" label="Proxy number" type="tel" value={values.number} onChange={(number) => setValues({ ...values, number })} error={errors.number} help="Empty: any of the pool’s numbers." placeholder="+15550100001" />
          </FormControl>
        </Box>
      </Box>
      {errors.selection ? <HelpText variant="error">{errors.selection}</HelpText> : null}
      <FormActions>
        <Button type="submit" variant="secondary" loading={pending}>
          Preview (dry run)
        </Button>
      </FormActions>
    </Form>
  );
}
