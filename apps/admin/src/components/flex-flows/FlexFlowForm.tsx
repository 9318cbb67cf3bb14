'use client';
// Create or edit a Flex Flow with Flex's own settings. The integration SIDs are optional: the API fills in the
// account's defaults, so the common case is a name, a number and a type.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { Form, FormActions, FormControl } from '@twilio-paste/core/form';
import { Radio, RadioGroup } from '@twilio-paste/core/radio-group';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api-error';
import {
  validateFlexFlowForm,
  type FlexFlowFormErrors,
  type FlexFlowFormField,
  type FlexFlowFormValues,
  type ManagedIntegrationType,
} from '../../lib/flex-flows/flex-flow-form';
import { MutationError } from '../common/MutationError';
import { TextField } from '../common/TextField';

interface FlexFlowFormProps {
  initial: FlexFlowFormValues;
  /** A new flow follows Flex's defaults when its type changes (Studio enabled, Task disabled). */
  isNew?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: FlexFlowFormValues) => void;
  onCancel?: () => void;
}

const FIELD_ORDER: FlexFlowFormField[] = ['friendlyName', 'contactIdentity', 'flowSid', 'workspaceSid', 'workflowSid', 'channel'];

/** The API names integration fields `integration.flowSid`…; the form names them without the prefix. */
function apiFieldErrors(error: unknown): FlexFlowFormErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FlexFlowFormErrors = {};
  for (const detail of error.details) {
    const field = detail.field.replace(/^integration\./, '') as FlexFlowFormField;
    if (FIELD_ORDER.includes(field)) errors[field] ??= detail.message;
  }
  return errors;
}

export function FlexFlowForm({ initial, isNew = false, submitLabel, pending, error, onSubmit, onCancel }: FlexFlowFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FlexFlowFormErrors>({});
  const shown = { ...apiFieldErrors(error), ...errors };
  const set =
    <K extends FlexFlowFormField>(field: K) =>
    (value: FlexFlowFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateFlexFlowForm(values);
    setErrors(problems);
    const first = FIELD_ORDER.find((field) => problems[field]);
    if (first) {
      document.getElementById(`flex-flow-${first}`)?.focus();
      return;
    }
    onSubmit(values);
  }

  return (
    <Form aria-label={submitLabel} onSubmit={submit} noValidate data-testid="flex-flow-form">
      <FormControl>
        <TextField
          id="flex-flow-friendlyName"
          name="friendlyName"
          label="Name (optional)"
          value={values.friendlyName}
          onChange={set('friendlyName')}
          error={shown.friendlyName}
          help="Empty: the API names it after its type and number."
        />
      </FormControl>
      <FormControl>
        <TextField
          id="flex-flow-contactIdentity"
          name="contactIdentity"
          label="Twilio number"
          type="tel"
          value={values.contactIdentity}
          onChange={set('contactIdentity')}
          error={shown.contactIdentity}
          help="The SMS number this flow handles (its ContactIdentity), E.164."
          placeholder="+15550100001"
          required
        />
      </FormControl>
      <FormControl>
        <RadioGroup
          name="integrationType"
          legend="Integration type"
          value={values.integrationType}
          onChange={(value) =>
            setValues((current) => ({
              ...current,
              integrationType: value as ManagedIntegrationType,
              ...(isNew ? { enabled: value === 'studio' } : {}),
            }))
          }
          helpText="Studio: incoming SMS go to a Studio flow (fire-and-forget sends). Task: channels created through the API get a Flex task (agent-initiated sends)."
        >
          <Radio id="flex-flow-type-studio" value="studio">
            Studio
          </Radio>
          <Radio id="flex-flow-type-task" value="task">
            Task
          </Radio>
        </RadioGroup>
      </FormControl>
      <FormControl>
        <CheckboxGroup name="flags" legend="Settings">
          <Checkbox
            id="flex-flow-enabled"
            checked={values.enabled}
            onChange={(event) => set('enabled')(event.target.checked)}
            helpText="Flex’s advice: Task flows for outbound stay disabled, so inbound SMS keep going to Studio."
          >
            Enabled
          </Checkbox>
          <Checkbox
            id="flex-flow-longLived"
            checked={values.longLived}
            onChange={(event) => set('longLived')(event.target.checked)}
            helpText="Keep the channel after the task ends."
          >
            LongLived
          </Checkbox>
          <Checkbox
            id="flex-flow-janitorEnabled"
            checked={values.janitorEnabled}
            onChange={(event) => set('janitorEnabled')(event.target.checked)}
            helpText="Let Flex’s janitor close the channel (and its Proxy session) when the task ends."
          >
            Janitor
          </Checkbox>
        </CheckboxGroup>
      </FormControl>
      {values.integrationType === 'studio' ? (
        <FormControl>
          <TextField
            id="flex-flow-flowSid"
            name="flowSid"
            label="Studio Flow SID (optional)"
            value={values.flowSid}
            onChange={set('flowSid')}
            error={shown.flowSid}
            help="FW…; empty = the Studio Flow the account’s other flows use."
          />
        </FormControl>
      ) : (
        <Box display="flex" flexDirection="column" rowGap="space60">
          <FormControl>
            <TextField
              id="flex-flow-workspaceSid"
              name="workspaceSid"
              label="Workspace SID (optional)"
              value={values.workspaceSid}
              onChange={set('workspaceSid')}
              error={shown.workspaceSid}
              help="WS…; empty = the account’s only TaskRouter workspace."
            />
          </FormControl>
          <FormControl>
            <TextField
              id="flex-flow-workflowSid"
              name="workflowSid"
              label="Workflow SID (optional)"
              value={values.workflowSid}
              onChange={set('workflowSid')}
              error={shown.workflowSid}
              help="WW…; empty = the workspace’s only workflow."
            />
          </FormControl>
          <FormControl>
            <TextField
              id="flex-flow-channel"
              name="channel"
              label="Task channel (optional)"
              value={values.channel}
              onChange={set('channel')}
              error={shown.channel}
              help="TC… or a unique name; empty = chat, as Flex messaging needs."
            />
          </FormControl>
        </Box>
      )}
      {error && Object.keys(apiFieldErrors(error)).length === 0 ? (
        <MutationError error={error} heading="Twilio did not accept the Flex Flow" testId="flex-flow-error" />
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </FormActions>
    </Form>
  );
}
