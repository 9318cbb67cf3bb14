'use client';
// Reply as the customer: the SMS (or WhatsApp message, to a WhatsApp sender) goes to the sandbox as if their phone sent
// it, so Proxy or Conversations carries it into the Flex conversation exactly as it would for a real reply.
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutText } from '@twilio-paste/core/callout';
import { Form, FormActions, FormControl } from '@twilio-paste/core/form';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { SendIcon } from '@twilio-paste/icons/esm/SendIcon';
import { useState, type FormEvent } from 'react';
import { useReplyAsCustomer } from '../../hooks/use-sandbox-handset';
import type { HandsetReplyOutcome } from '../../lib/sandbox-handset/sandbox-handset.types';
import { MAX_SMS_BODY_LENGTH } from '../../lib/outbound/send-form-validation';
import { MutationError } from '../common/MutationError';
import { TextField } from '../common/TextField';

const ROUTE_TEXT: Record<HandsetReplyOutcome['route'], string> = {
  'proxy-session': 'Proxy relayed it into the Flex conversation.',
  conversation: 'A Conversation took it.',
  'address-configuration': 'The number’s Address Configuration started a Conversation with it.',
  'flex-flow': 'The number’s Flex Flow started a new Flex conversation with it.',
  unrouted: 'Nothing took it: the number has no open session and no enabled Flex Flow.',
};

interface HandsetReplyFormProps {
  customerNumber: string;
  accountNumbers: string[];
  /** `whatsapp:+1…`: writing to one of these goes over WhatsApp. */
  whatsappSenders: string[];
  /** The account number that texted this customer last: the one a phone's "reply" goes to. */
  defaultTo: string | undefined;
}

export function HandsetReplyForm({ customerNumber, accountNumbers, whatsappSenders, defaultTo }: HandsetReplyFormProps) {
  const [to, setTo] = useState(defaultTo ?? accountNumbers[0] ?? '');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const reply = useReplyAsCustomer();

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem =
      body.trim() === '' ? 'Write the reply first.' : body.length > MAX_SMS_BODY_LENGTH ? `At most ${MAX_SMS_BODY_LENGTH} characters.` : undefined;
    setError(problem);
    if (problem) {
      document.getElementById('handset-reply-body')?.focus();
      return;
    }
    reply.mutate({ from: customerNumber, to, body }, { onSuccess: () => setBody('') });
  }

  return (
    <Form aria-label={`Reply as ${customerNumber}`} onSubmit={submit} noValidate data-testid="handset-reply-form">
      <FormControl>
        <Label htmlFor="handset-reply-to">To</Label>
        <Select id="handset-reply-to" value={to} onChange={(event) => setTo(event.target.value)} aria-describedby="handset-reply-to-help">
          {[...accountNumbers, ...whatsappSenders].map((address) => (
            <Option key={address} value={address}>
              {address}
            </Option>
          ))}
        </Select>
        <HelpText id="handset-reply-to-help">The account’s number the customer texts, or its WhatsApp sender (whatsapp:…) they write to.</HelpText>
      </FormControl>
      <FormControl>
        <TextField
          id="handset-reply-body"
          name="reply"
          label={`Reply as ${customerNumber}`}
          multiline
          value={body}
          onChange={setBody}
          error={error}
          required
        />
      </FormControl>
      {reply.isError ? <MutationError error={reply.error} heading="The reply was not delivered" /> : null}
      {reply.isSuccess ? (
        <Callout variant={reply.data.route === 'unrouted' ? 'warning' : 'success'} data-testid="handset-reply-outcome" role="status">
          <CalloutText>Sent. {ROUTE_TEXT[reply.data.route]}</CalloutText>
        </Callout>
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" loading={reply.isPending}>
          <SendIcon decorative />
          Send as customer
        </Button>
      </FormActions>
    </Form>
  );
}
