'use client';
// SMS or WhatsApp. The customer's number is typed in E.164 either way: the API writes `whatsapp:` before both numbers.
// WhatsApp is offered only when a sender the form may use has it (a Flex Conversations number with a WhatsApp sender).
import { Radio, RadioGroup } from '@twilio-paste/core/radio-group';
import type { SendKind } from '../../lib/outbound/send-form-validation';
import type { SenderChannel } from '../../lib/senders/senders.types';
import { useSenderOptions } from './FromNumberPicker';

interface ChannelPickerProps {
  id: string;
  kind: SendKind;
  value: SenderChannel;
  error?: string;
  onChange: (value: SenderChannel) => void;
}

export function ChannelPicker({ id, kind, value, error, onChange }: ChannelPickerProps) {
  const senders = useSenderOptions(kind);
  const whatsapp = senders.optionsFor('whatsapp').length > 0;
  const help = whatsapp
    ? 'WhatsApp: free text only within 24 hours of the customer’s last message; otherwise an approved template.'
    : 'WhatsApp needs a sender set up for Flex Conversations with a WhatsApp sender; none of the numbers this form may use has one.';
  return (
    <RadioGroup
      name={`${id}-channel`}
      legend="Channel"
      orientation="horizontal"
      value={value}
      onChange={(next) => onChange(next as SenderChannel)}
      helpText={error ? undefined : help}
      errorText={error}
    >
      <Radio id={`${id}-sms`} value="sms">
        SMS
      </Radio>
      <Radio id={`${id}-whatsapp`} value="whatsapp" disabled={!whatsapp}>
        WhatsApp
      </Radio>
    </RadioGroup>
  );
}
