'use client';
// The number to send from, with the mode a send from it takes (and why) and its channels, as the API decides them
// (GET /api/v1/senders). A Chat + Proxy number is offered only when its Flex Flow suits the form (see
// sendable-numbers.ts), so an operator cannot pick a number the API would refuse with FLEX_FLOW_NOT_FOUND; a Flex
// Conversations number is routed by its Flex Flow or its Address Configuration. On WhatsApp, only senders that have it.
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useFlexFlows } from '../../hooks/use-flex-flows';
import { useSenders } from '../../hooks/use-senders';
import { sendableNumbers, type SendableNumber } from '../../lib/flex-flows/sendable-numbers';
import type { SendKind } from '../../lib/outbound/send-form-validation';
import { CHANNEL_LABEL, MODE_LABEL, type Sender, type SenderChannel } from '../../lib/senders/senders.types';

interface FromNumberPickerProps {
  id: string;
  kind: SendKind;
  channel: SenderChannel;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

const FLOW_TYPE: Record<SendKind, string> = { task: 'an SMS Flex Flow of type task', message: 'an enabled SMS Flex Flow of type studio' };

export interface SenderOption {
  sender: Sender;
  /** The Flex Flow the API will use, when the number has one for the form. */
  flexFlow?: SendableNumber['flexFlow'];
}

/** The senders a form may send from on a channel. */
export function senderOptions(senders: readonly Sender[], flows: readonly SendableNumber[], channel: SenderChannel): SenderOption[] {
  const flowOf = new Map(flows.map((entry) => [entry.number, entry.flexFlow]));
  return senders
    .filter((sender) => sender.channels.includes(channel) && (sender.mode === 'conversations' || flowOf.has(sender.number)))
    .map((sender) => ({ sender, flexFlow: flowOf.get(sender.number) }));
}

/** Senders and Flex Flows, read together: the picker and the form's channel choice agree on what is offered. */
export function useSenderOptions(kind: SendKind) {
  const senders = useSenders();
  const flows = useFlexFlows();
  const sendable = flows.data ? sendableNumbers(flows.data, kind) : [];
  return {
    isPending: senders.isPending || flows.isPending,
    error: flows.error
      ? new Error(`The Flex Flows could not be read: ${flows.error.message}`)
      : senders.error
        ? new Error(`The account’s senders could not be read: ${senders.error.message}`)
        : null,
    optionsFor: (channel: SenderChannel) => (senders.data && flows.data ? senderOptions(senders.data, sendable, channel) : []),
  };
}

function describe(option: SenderOption): string {
  const { sender, flexFlow } = option;
  const flow = flexFlow
    ? `Uses the Flex Flow “${flexFlow.friendlyName}”${flexFlow.enabled ? '' : ' (disabled, as Flex advises for outbound tasks)'}.`
    : 'Routed by its Conversations Address Configuration.';
  return `${flow} ${MODE_LABEL[sender.mode]}, ${sender.source === 'OUTBOUND_MODE' || sender.source === 'CONVERSATIONS_NUMBERS' ? 'set by' : 'found from'} ${sender.reason}.`;
}

export function FromNumberPicker({ id, kind, channel, value, error, onChange }: FromNumberPickerProps) {
  const senders = useSenderOptions(kind);
  const options = senders.optionsFor(channel);
  const chosen = options.find((candidate) => candidate.sender.number === value);
  const helpId = `${id}-help`;

  let help: string;
  if (error) help = error;
  else if (senders.isPending) help = 'Loading the account’s numbers…';
  else if (senders.error) help = senders.error.message;
  else if (options.length === 0)
    help =
      channel === 'whatsapp'
        ? 'No number sends WhatsApp: it needs a WhatsApp sender set up for Flex Conversations (a whatsapp Address Configuration).'
        : `No number has ${FLOW_TYPE[kind]} or is set up for Flex Conversations. Create a Flex Flow on the Flex Flows page first.`;
  else if (chosen) help = describe(chosen);
  else
    help =
      channel === 'whatsapp' ? 'The account’s WhatsApp senders.' : `The account’s numbers with ${FLOW_TYPE[kind]}, or set up for Flex Conversations.`;

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
        disabled={senders.isPending || options.length === 0}
        hasError={Boolean(error) || Boolean(senders.error)}
        aria-describedby={helpId}
        required
      >
        <Option value="">{senders.isPending ? 'Loading…' : 'Choose a number'}</Option>
        {options.map(({ sender, flexFlow }) => (
          <Option key={sender.number} value={sender.number}>
            {sender.number} · {MODE_LABEL[sender.mode]} · {sender.channels.map((name) => CHANNEL_LABEL[name]).join(', ')}
            {flexFlow ? ` · ${flexFlow.friendlyName}` : ''}
          </Option>
        ))}
      </Select>
      <HelpText
        id={helpId}
        data-testid="from-number-help"
        variant={error || senders.error ? 'error' : options.length === 0 && !senders.isPending ? 'warning' : 'default'}
      >
        {help}
      </HelpText>
    </>
  );
}
