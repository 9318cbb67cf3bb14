'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { Form, FormActions, FormControl } from '@twilio-paste/core/form';
import { HelpText } from '@twilio-paste/core/help-text';
import { useState, type FormEvent } from 'react';
import type { CleanupRequest } from '../../hooks/use-cleanup';
import {
  emptyCleanupSelection,
  toCleanupSelection,
  validateCleanupSelection,
  type CleanupSelectionErrors,
  type CleanupSelectionValues,
} from '../../lib/cleanup/cleanup-selection-form';
import { CLEANUP_NOUNS, type CleanupTarget } from '../../lib/cleanup/cleanup-targets';
import { TextField } from '../common/TextField';

interface CleanupSelectionFormProps {
  target: CleanupTarget;
  pending: boolean;
  onPreview: (request: CleanupRequest) => void;
}

export function CleanupSelectionForm({ target, pending, onPreview }: CleanupSelectionFormProps) {
  const [values, setValues] = useState<CleanupSelectionValues>(() => emptyCleanupSelection(target));
  const [optionOn, setOptionOn] = useState(target.option.defaultOn);
  const [errors, setErrors] = useState<CleanupSelectionErrors>({});
  const id = (name: string) => `cleanup-${target.kind}-${name}`;

  const toggle = (status: string, on: boolean) =>
    setValues((current) => ({ ...current, statuses: on ? [...current.statuses, status] : current.statuses.filter((value) => value !== status) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCleanupSelection(target, values);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onPreview({ selection: toCleanupSelection(values), optionOn });
  }

  return (
    <Form
      aria-label={`Which ${CLEANUP_NOUNS[target.kind].many} to clean up`}
      onSubmit={submit}
      noValidate
      data-testid="cleanup-selection"
      data-kind={target.kind}
    >
      <FormControl>
        <CheckboxGroup name="statuses" legend={target.statusLegend} errorText={errors.selection}>
          {target.statuses.map((status) => (
            <Checkbox
              key={status.value}
              id={id(`status-${status.value}`)}
              checked={values.statuses.includes(status.value)}
              onChange={(event) => toggle(status.value, event.target.checked)}
              helpText={status.help}
            >
              {status.label}
            </Checkbox>
          ))}
        </CheckboxGroup>
      </FormControl>
      <Box display="flex" flexWrap="wrap" columnGap="space60" rowGap="space60">
        <Box minWidth="size20">
          <FormControl>
            <TextField
              id={id('older-than')}
              name="olderThanHours"
              label="Older than (hours)"
              value={values.olderThanHours}
              onChange={(olderThanHours) => setValues({ ...values, olderThanHours })}
              error={errors.olderThanHours}
              help="Empty: any age."
            />
          </FormControl>
        </Box>
        <Box minWidth="size30">
          <FormControl>
            <TextField
              id={id('number')}
              name="number"
              label={target.numberLabel}
              type="tel"
              value={values.number}
              onChange={(number) => setValues({ ...values, number })}
              error={errors.number}
              help={target.numberHelp}
              placeholder="+15550100001"
            />
          </FormControl>
        </Box>
      </Box>
      <FormControl>
        <Checkbox
          id={id(target.option.field)}
          checked={optionOn}
          onChange={(event) => setOptionOn(event.target.checked)}
          helpText={target.option.help}
        >
          {target.option.label}
        </Checkbox>
      </FormControl>
      {errors.selection ? <HelpText variant="error">{errors.selection}</HelpText> : null}
      <FormActions>
        <Button type="submit" variant="secondary" loading={pending}>
          Preview (dry run)
        </Button>
      </FormActions>
    </Form>
  );
}
