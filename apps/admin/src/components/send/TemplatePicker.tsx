'use client';
// A Content template instead of free text: the account's templates with their WhatsApp approval (a pending one cannot
// go on WhatsApp), one field per placeholder, and the message as the customer's phone will show it, live.
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { FormControl } from '@twilio-paste/core/form';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useContentTemplates } from '../../hooks/use-content-templates';
import type { ContentTemplate } from '../../lib/content-templates/content-template.types';
import { previewTemplate, templateUnavailable } from '../../lib/outbound/whatsapp-send';
import { CHANNEL_LABEL, type SenderChannel } from '../../lib/senders/senders.types';
import { TextField } from '../common/TextField';

interface TemplatePickerProps {
  id: string;
  channel: SenderChannel;
  contentSid: string;
  variables: Record<string, string>;
  error?: string;
  variableErrors?: Record<string, string>;
  onTemplate: (contentSid: string) => void;
  onVariable: (name: string, value: string) => void;
}

export function TemplatePicker({ id, channel, contentSid, variables, error, variableErrors = {}, onTemplate, onVariable }: TemplatePickerProps) {
  const templates = useContentTemplates();
  const list = templates.data?.templates ?? [];
  const chosen = list.find((template) => template.sid === contentSid);
  const helpId = `${id}-help`;
  // Problems the API named for a placeholder this form has no field for, or for the variables as a whole.
  const otherVariableErrors = Object.entries(variableErrors)
    .filter(([name]) => !chosen?.variables.some((variable) => variable.name === name))
    .map(([name, message]) => (name === '*' ? message : `{{${name}}} ${message}`));

  let help: string;
  if (error) help = error;
  else if (templates.isPending) help = 'Loading the account’s Content templates…';
  else if (templates.isError) help = `The Content templates could not be read: ${templates.error.message}`;
  else if (chosen)
    help = `${chosen.friendlyName} (${chosen.language}, ${chosen.types.join(', ')}): WhatsApp ${chosen.whatsapp.status}${chosen.whatsapp.category ? `, ${chosen.whatsapp.category}` : ''}.`;
  else
    help =
      channel === 'whatsapp'
        ? 'Outside the customer’s 24-hour window, WhatsApp delivers only an approved template.'
        : 'Optional: a template instead of typing the message.';

  return (
    <>
      <FormControl>
        <Label htmlFor={id}>Content template</Label>
        <Select
          id={id}
          name="contentSid"
          value={contentSid}
          onChange={(event) => onTemplate(event.target.value)}
          disabled={templates.isPending || templates.isError}
          hasError={Boolean(error)}
          aria-describedby={helpId}
        >
          <Option value="">None: write the message</Option>
          {list.map((template) => {
            const unavailable = templateUnavailable(template, channel);
            return (
              <Option key={template.sid} value={template.sid} disabled={Boolean(unavailable)}>
                {template.friendlyName} · WhatsApp {template.whatsapp.status}
                {unavailable ? ` (not for ${CHANNEL_LABEL[channel]}: ${unavailable})` : ''}
              </Option>
            );
          })}
        </Select>
        <HelpText id={helpId} variant={error || templates.isError ? 'error' : 'default'} data-testid={error ? 'contentSid-error' : undefined}>
          {help}
        </HelpText>
      </FormControl>
      {chosen ? (
        <>
          {chosen.variables.map((variable) => (
            <FormControl key={variable.name}>
              <TextField
                id={`${id}-variable-${variable.name}`}
                name={`contentVariables.${variable.name}`}
                label={`{{${variable.name}}}`}
                value={variables[variable.name] ?? ''}
                onChange={(value) => onVariable(variable.name, value)}
                error={variableErrors[variable.name]}
                help={variable.sample ? `Sample: ${variable.sample}` : undefined}
                required
              />
            </FormControl>
          ))}
          {otherVariableErrors.length > 0 ? (
            <HelpText variant="error" data-testid="contentVariables-error">
              {otherVariableErrors.join(' ')}
            </HelpText>
          ) : null}
          <TemplatePreview template={chosen} channel={channel} variables={variables} />
        </>
      ) : null}
    </>
  );
}

function TemplatePreview({ template, channel, variables }: { template: ContentTemplate; channel: SenderChannel; variables: Record<string, string> }) {
  return (
    <Box borderStyle="solid" borderWidth="borderWidth10" borderColor="colorBorderWeak" borderRadius="borderRadius30" padding="space40">
      <ChatLog aria-label="Preview of the message">
        <ChatMessage variant="inbound">
          <ChatBubble>
            <Box as="span" whiteSpace="pre-line" data-testid="template-preview">
              {previewTemplate(template, channel, variables)}
            </Box>
          </ChatBubble>
          <ChatMessageMeta aria-label={`Preview: as the customer’s ${CHANNEL_LABEL[channel]} shows it`}>
            <ChatMessageMetaItem>Preview: as the customer’s {CHANNEL_LABEL[channel]} shows it</ChatMessageMetaItem>
          </ChatMessageMeta>
        </ChatMessage>
      </ChatLog>
    </Box>
  );
}
