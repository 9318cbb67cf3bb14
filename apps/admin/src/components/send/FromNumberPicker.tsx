'use client';
// The number to send from: only the account's numbers whose Flex Flow suits the form (see sendable-numbers.ts), so
// an operator cannot pick a number the API would refuse with FLEX_FLOW_NOT_FOUND.
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useFlexFlows } from '../../hooks/use-flex-flows';
import { sendableNumbers } from '../../lib/flex-flows/sendable-numbers';
import type { SendKind } from '../../lib/outbound/send-form-validation';

interface FromNumberPickerProps {
  id: string;
  kind: SendKind;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

const FLOW_TYPE: Record<SendKind, string> = { task: 'an SMS Flex Flow of type task', message: 'an enabled SMS Flex Flow of type studio' };

export function FromNumberPicker({ id, kind, value, error, onChange }: FromNumberPickerProps) {
  const flows = useFlexFlows();
  const numbers = flows.data ? sendableNumbers(flows.data, kind) : [];
  const chosen = numbers.find((candidate) => candidate.number === value);
  const helpId = `${id}-help`;

  let help: string;
  if (error) help = error;
  else if (flows.isPending) help = 'Loading the account’s numbers…';
  else if (flows.isError) help = `The Flex Flows could not be read: ${flows.error.message}`;
  else if (numbers.length === 0) help = `No number has ${FLOW_TYPE[kind]}. Create one on the Flex Flows page first.`;
  else if (chosen)
    help = `Uses the Flex Flow “${chosen.flexFlow.friendlyName}”${chosen.flexFlow.enabled ? '' : ' (disabled, as Flex advises for outbound tasks)'}.`;
  else help = `The account’s numbers with ${FLOW_TYPE[kind]}.`;

  return (
    <>
      <Label htmlFor={id} required>
        From number
      </Label>
      <Select
        id={id}
        name="fromNumber"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={flows.isPending || numbers.length === 0}
        hasError={Boolean(error) || flows.isError}
        aria-describedby={helpId}
        required
      >
        <Option value="">{flows.isPending ? 'Loading…' : 'Choose a number'}</Option>
        {numbers.map(({ number, flexFlow }) => (
          <Option key={number} value={number}>
            {number} · {flexFlow.friendlyName}
          </Option>
        ))}
      </Select>
      <HelpText id={helpId} variant={error || flows.isError ? 'error' : numbers.length === 0 && !flows.isPending ? 'warning' : 'default'}>
        {help}
      </HelpText>
    </>
  );
}
