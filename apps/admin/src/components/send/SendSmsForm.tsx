'use client';
// One form for both outbound flows: agent-initiated (a Flex task) and fire-and-forget (a message through Studio), on
// SMS or WhatsApp, with free text or a Content template. Problems are shown beside their fields before anything is
// sent; the API's own refusals land there too (a placeholder's problem beside its field, the 24-hour window's beside
// the message).
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Disclosure, DisclosureContent, DisclosureHeading, useDisclosureState } from '@twilio-paste/core/disclosure';
import { Form, FormActions, FormControl } from '@twilio-paste/core/form';
import { SendIcon } from '@twilio-paste/icons/esm/SendIcon';
import { Text } from '@twilio-paste/core/text';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useContentTemplates } from '../../hooks/use-content-templates';
import { useInitiateAgentSms, useSendSystemSms } from '../../hooks/use-outbound';
import { isUnanswered, submissionFor, type Submission } from '../../lib/outbound/idempotency-key';
import type { OutboundSmsResult } from '../../lib/outbound/outbound.types';
import {
  EMPTY_SEND_FORM,
  MAX_SMS_BODY_LENGTH,
  fieldErrorsFrom,
  toInitiateAgentSmsRequest,
  toSendSystemSmsRequest,
  validateSendForm,
  type SendFormErrors,
  type SendFormField,
  type SendFormValues,
  type SendKind,
} from '../../lib/outbound/send-form-validation';
import type { SenderChannel } from '../../lib/senders/senders.types';
import { MutationError } from '../common/MutationError';
import { ChannelPicker } from './ChannelPicker';
import { ConflictingSessionHint } from './ConflictingSessionHint';
import { CustomerWindowHint } from './CustomerWindowHint';
import { FromNumberPicker, useSenderOptions } from './FromNumberPicker';
import { TemplatePicker } from './TemplatePicker';
import { TextField } from '../common/TextField';

interface SendSmsFormProps {
  kind: SendKind;
  onSent: (result: OutboundSmsResult) => void;
}

/** Fields in the order they appear: the first with a problem gets the focus. */
const FIELD_ORDER: SendFormField[] = [
  'channel',
  'fromNumber',
  'toName',
  'toNumber',
  'contentSid',
  'body',
  'sourceChatChannelSid',
  'targetWorkerSid',
  'taskAttributes',
];

/**
 * The form's send, each submission with its Idempotency-Key. The last submission stays "unanswered" while its
 * outcome is unknown (see isUnanswered): sending the same request again, or `retry`, reuses its key, so an SMS that
 * did reach Twilio is answered from the API's record instead of being sent twice.
 */
function useSend(kind: SendKind) {
  const agent = useInitiateAgentSms();
  const system = useSendSystemSms();
  const unanswered = useRef<Submission<unknown>>(undefined);
  const mutation = kind === 'task' ? agent : system;

  async function deliver(submission: Submission<unknown>): Promise<OutboundSmsResult> {
    unanswered.current = submission;
    try {
      const result = await (kind === 'task'
        ? agent.mutateAsync(submission as Parameters<typeof agent.mutateAsync>[0])
        : system.mutateAsync(submission as Parameters<typeof system.mutateAsync>[0]));
      unanswered.current = undefined;
      return result;
    } catch (error) {
      if (!isUnanswered(error)) unanswered.current = undefined;
      throw error;
    }
  }

  const requestOf = (values: SendFormValues) => (kind === 'task' ? toInitiateAgentSmsRequest(values) : toSendSystemSmsRequest(values));
  return {
    ...mutation,
    send: (values: SendFormValues) => deliver(submissionFor<unknown>(requestOf(values), unanswered.current)),
    /** The unanswered submission again, as it was sent (whatever the fields say now). */
    retry: () => (unanswered.current ? deliver(unanswered.current) : Promise.reject(new Error('Nothing to retry.'))),
  };
}

export function SendSmsForm({ kind, onSent }: SendSmsFormProps) {
  const [values, setValues] = useState<SendFormValues>(EMPTY_SEND_FORM);
  const [errors, setErrors] = useState<SendFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const mutation = useSend(kind);
  const senders = useSenderOptions(kind);
  const templates = useContentTemplates();
  const templateOf = (contentSid: string) => (contentSid ? templates.data?.templates.find((candidate) => candidate.sid === contentSid) : undefined);
  const variablesOf = (contentSid: string) => templateOf(contentSid)?.variables.map((variable) => variable.name) ?? [];
  const template = templateOf(values.contentSid);
  const channel = values.channel as SenderChannel;
  const id = (field: SendFormField) => `${kind}-${field}`;

  const change = (patch: Partial<SendFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // Checked on send, not on blur: a message appearing on blur moves the button under a pointer about to click it.
    // Once the operator has tried to send, each edit re-checks, so a fixed field loses its error at once.
    if (submitted) setErrors(validateSendForm(kind, next, variablesOf(next.contentSid)));
  };
  const update = (field: SendFormField) => (value: string) => change({ [field]: value });
  // Another channel keeps the sender only if it has that channel, and the template only if it may go on it.
  const changeChannel = (next: SenderChannel) =>
    change({
      channel: next,
      ...(senders.optionsFor(next).some((option) => option.sender.number === values.fromNumber) ? {} : { fromNumber: '' }),
      ...(next === 'whatsapp' && template && !template.whatsapp.approved ? { contentSid: '', contentVariables: {} } : {}),
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const problems = validateSendForm(kind, values, variablesOf(values.contentSid));
    setErrors(problems);
    const first = FIELD_ORDER.find((field) => problems[field]);
    const firstVariable = variablesOf(values.contentSid).find((name) => problems.contentVariables?.[name]);
    if (first || firstVariable) {
      document.getElementById(first ? id(first) : `${id('contentSid')}-variable-${firstVariable}`)?.focus();
      return;
    }
    await settle(mutation.send(values));
  }

  async function settle(sending: Promise<OutboundSmsResult>) {
    try {
      onSent(await sending);
    } catch (error) {
      setErrors(fieldErrorsFrom(error));
    }
  }

  const apiFieldErrors = mutation.error ? fieldErrorsFrom(mutation.error) : {};
  const bodyLength = values.body.length;

  return (
    <Form aria-label={kind === 'task' ? 'Agent-initiated SMS' : 'Fire-and-forget SMS'} onSubmit={submit} noValidate data-testid={`send-form-${kind}`}>
      <FormControl>
        <ChannelPicker id={id('channel')} kind={kind} value={channel} error={errors.channel} onChange={changeChannel} />
      </FormControl>
      <FormControl>
        <FromNumberPicker
          id={id('fromNumber')}
          kind={kind}
          channel={channel}
          value={values.fromNumber}
          error={errors.fromNumber}
          onChange={update('fromNumber')}
        />
      </FormControl>
      <FormControl>
        <TextField
          id={id('toName')}
          name="toName"
          label="Customer name"
          value={values.toName}
          onChange={update('toName')}
          error={errors.toName}
          help="Shown to the agent on the task and in the chat."
          required
        />
      </FormControl>
      <FormControl>
        <TextField
          id={id('toNumber')}
          name="toNumber"
          label="Customer number"
          type="tel"
          value={values.toNumber}
          onChange={update('toNumber')}
          error={errors.toNumber}
          help={`E.164: a plus, the country code and the number, e.g. +14155550123${channel === 'whatsapp' ? ' (the API adds whatsapp:)' : ''}.`}
          placeholder="+14155550123"
          required
        />
      </FormControl>
      {channel === 'whatsapp' ? <CustomerWindowHint from={values.fromNumber} to={values.toNumber} byTemplate={Boolean(values.contentSid)} /> : null}
      <TemplatePicker
        id={id('contentSid')}
        channel={channel}
        contentSid={values.contentSid}
        variables={values.contentVariables}
        error={errors.contentSid}
        variableErrors={errors.contentVariables}
        onTemplate={(contentSid) => change({ contentSid, contentVariables: {} })}
        onVariable={(name, value) => change({ contentVariables: { ...values.contentVariables, [name]: value } })}
      />
      {values.contentSid ? null : (
        <FormControl>
          <TextField
            id={id('body')}
            name="body"
            label={kind === 'task' ? 'First message (optional)' : 'Message'}
            multiline
            value={values.body}
            onChange={update('body')}
            error={errors.body}
            help={`${bodyLength} / ${MAX_SMS_BODY_LENGTH} characters.${kind === 'task' ? ' Sent to the customer from the chat as soon as the task exists.' : ' Replies go to the number’s Studio flow.'}`}
            required={kind === 'message'}
          />
        </FormControl>
      )}
      {kind === 'task' ? <TaskOptions values={values} errors={errors} id={id} update={update} /> : null}
      {mutation.isError && Object.keys(apiFieldErrors).length === 0 ? (
        <>
          <MutationError
            error={mutation.error}
            heading={kind === 'task' ? 'The conversation could not be started' : 'The SMS could not be sent'}
            testId="send-error"
          />
          <ConflictingSessionHint error={mutation.error} />
          {isUnanswered(mutation.error) ? (
            <Box display="flex" alignItems="center" columnGap="space40" flexWrap="wrap" data-testid="send-retry">
              <Button variant="secondary" onClick={() => void settle(mutation.retry())} loading={mutation.isPending}>
                Retry
              </Button>
              <Text as="span" color="colorTextWeak">
                Sends the same request with the same Idempotency-Key: if the first attempt reached Twilio, you get its result, not a second SMS.
              </Text>
            </Box>
          ) : null}
        </>
      ) : null}
      <FormActions>
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          <SendIcon decorative />
          {kind === 'task' ? 'Start conversation' : channel === 'whatsapp' ? 'Send on WhatsApp' : 'Send SMS'}
        </Button>
      </FormActions>
    </Form>
  );
}

interface TaskOptionsProps {
  values: SendFormValues;
  errors: SendFormErrors;
  id: (field: SendFormField) => string;
  update: (field: SendFormField) => (value: string) => void;
}

/** Routing extras most sends do not need: folded away, but opened when one of them has a problem. */
function TaskOptions({ values, errors, id, update }: TaskOptionsProps) {
  const hasProblem = Boolean(errors.sourceChatChannelSid || errors.targetWorkerSid || errors.taskAttributes);
  const disclosure = useDisclosureState();
  const { show } = disclosure;
  useEffect(() => {
    if (hasProblem) show();
  }, [hasProblem, show]);
  return (
    <Disclosure state={disclosure}>
      <DisclosureHeading as="h3" variant="heading50">
        Routing options
      </DisclosureHeading>
      <DisclosureContent>
        <Box display="flex" flexDirection="column" rowGap="space60">
          <FormControl>
            <TextField
              id={id('targetWorkerSid')}
              name="targetWorkerSid"
              label="Target worker SID"
              value={values.targetWorkerSid}
              onChange={update('targetWorkerSid')}
              error={errors.targetWorkerSid}
              help="WK…: the workflow may route the task to this worker."
            />
          </FormControl>
          <FormControl>
            <TextField
              id={id('sourceChatChannelSid')}
              name="sourceChatChannelSid"
              label="Source chat channel SID"
              value={values.sourceChatChannelSid}
              onChange={update('sourceChatChannelSid')}
              error={errors.sourceChatChannelSid}
              help="CH…: a prior conversation this one continues, copied onto the task."
            />
          </FormControl>
          <FormControl>
            <TextField
              id={id('taskAttributes')}
              name="taskAttributes"
              label="Task attributes (JSON)"
              multiline
              value={values.taskAttributes}
              onChange={update('taskAttributes')}
              error={errors.taskAttributes}
              help='Extra routing attributes, e.g. {"crmId": "A-17"}. The outbound fields always win.'
            />
          </FormControl>
        </Box>
      </DisclosureContent>
    </Disclosure>
  );
}
