'use client';
// A campaign from a CSV upload: the file and its column mapping, the message (a body or a Content template), the
// senders, pacing, start time and quiet hours. "Check the list" asks the API for a dry run, whose pre-flight report
// shows what would be sent; "Start" then creates the campaign from the same file and settings.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Radio, RadioGroup } from '@twilio-paste/core/radio-group';
import { Option, Select } from '@twilio-paste/core/select';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCreateCampaign } from '../../hooks/use-campaigns';
import { useContentTemplates } from '../../hooks/use-content-templates';
import { useFlexFlows } from '../../hooks/use-flex-flows';
import {
  campaignQuery,
  initialCampaignForm,
  validateCampaignForm,
  type CampaignFormErrors,
  type CampaignFormValues,
} from '../../lib/campaigns/campaign-form';
import type { Campaign } from '../../lib/campaigns/campaign.types';
import { guessColumn, readCsvHead, type CsvHead } from '../../lib/campaigns/csv-head';
import { sendableNumbers } from '../../lib/flex-flows/sendable-numbers';
import { FormCard } from '../common/FormCard';
import { MutationError } from '../common/MutationError';
import { TextField } from '../common/TextField';
import { CsvColumnMapping } from './CsvColumnMapping';
import { PreflightReport } from './PreflightReport';

const FIRST_ROWS = 5;

export function NewCampaignForm() {
  const router = useRouter();
  const [values, setValues] = useState<CampaignFormValues>(initialCampaignForm);
  const [csv, setCsv] = useState<{ text: string; head: CsvHead }>();
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [report, setReport] = useState<Campaign>();
  const check = useCreateCampaign();
  const start = useCreateCampaign();
  const flows = useFlexFlows();
  const templates = useContentTemplates(values.messageKind === 'template');
  const senders = flows.data ? sendableNumbers(flows.data, 'message') : [];

  // Any change makes the report stale: it must be checked again before starting.
  const change = (changes: Partial<CampaignFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setReport(undefined);
  };

  const readFile = async (file: File | undefined) => {
    setReport(undefined);
    if (!file) return setCsv(undefined);
    const text = await file.text();
    const head = readCsvHead(text, FIRST_ROWS);
    setCsv({ text, head });
    setValues((current) => ({
      ...current,
      numberColumn: guessColumn(head.header, ['number', 'phone', 'mobile']),
      nameColumn: guessColumn(head.header, ['name']),
      variables: {},
    }));
  };

  const submit = (dryRun: boolean) => {
    const found = validateCampaignForm(values, csv?.head);
    setErrors(found);
    if (Object.keys(found).length > 0 || !csv) return;
    const upload = { settings: campaignQuery(values, csv.head), csv: csv.text, dryRun };
    if (dryRun) check.mutate(upload, { onSuccess: setReport });
    else start.mutate(upload, { onSuccess: (campaign) => router.push(`/campaigns/${campaign.id}`) });
  };

  return (
    <FormCard
      heading="New campaign"
      label="New campaign"
      testId="new-campaign-form"
      submitLabel="Check the list"
      pending={check.isPending}
      onSubmit={() => submit(true)}
      failure={check.isError ? { error: check.error, heading: 'The list could not be checked' } : undefined}
      secondaryActions={
        report ? (
          <Button variant="primary" onClick={() => submit(false)} loading={start.isPending} data-testid="start-campaign">
            {values.startDate ? 'Schedule the campaign' : 'Start the campaign'}
          </Button>
        ) : null
      }
    >
      <Box>
        <TextField
          id="campaign-name"
          name="name"
          label="Name"
          value={values.name}
          onChange={(name) => change({ name })}
          error={errors.name}
          required
        />
      </Box>
      <Box>
        <Label htmlFor="campaign-file" required>
          Recipients (CSV)
        </Label>
        <input
          id="campaign-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="campaign-file-help"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
        <HelpText id="campaign-file-help" variant={errors.file ? 'error' : 'default'}>
          {errors.file ?? 'The first line names the columns. Streamed to the API as it is read (up to 64 MiB, 200,000 rows).'}
        </HelpText>
      </Box>
      {csv ? <CsvColumnMapping head={csv.head} values={values} numberError={errors.numberColumn} onChange={change} /> : null}
      <RadioGroup
        name="campaign-channel"
        legend="Channel"
        value={values.channel}
        onChange={(channel) =>
          change({ channel: channel as CampaignFormValues['channel'], ...(channel === 'whatsapp' ? { messageKind: 'template' } : {}) })
        }
        orientation="horizontal"
      >
        <Radio id="campaign-channel-sms" value="sms">
          SMS
        </Radio>
        <Radio id="campaign-channel-whatsapp" value="whatsapp">
          WhatsApp
        </Radio>
      </RadioGroup>
      <RadioGroup
        name="campaign-message-kind"
        legend="Message"
        value={values.messageKind}
        onChange={(kind) => change({ messageKind: kind as CampaignFormValues['messageKind'] })}
        orientation="horizontal"
      >
        <Radio id="campaign-message-body" value="body" disabled={values.channel === 'whatsapp'}>
          Text
        </Radio>
        <Radio id="campaign-message-template" value="template">
          Content template
        </Radio>
      </RadioGroup>
      {values.messageKind === 'body' ? (
        <Box>
          <TextField
            id="campaign-body"
            name="body"
            label="Message text"
            multiline
            value={values.body}
            onChange={(body) => change({ body })}
            error={errors.body}
            help="{{name}} and the variables mapped above are filled in per recipient."
            required
          />
        </Box>
      ) : (
        <Box>
          <Label htmlFor="campaign-template" required>
            Content template
          </Label>
          <Select
            id="campaign-template"
            value={values.contentSid}
            onChange={(event) => change({ contentSid: event.target.value })}
            hasError={Boolean(errors.contentSid || errors.body)}
            aria-describedby="campaign-template-help"
          >
            <Option value="">{templates.isPending ? 'Loading…' : 'Choose a template'}</Option>
            {(templates.data?.templates ?? []).map((template) => (
              <Option key={template.sid} value={template.sid}>
                {template.friendlyName} · WhatsApp {template.whatsapp.status}
              </Option>
            ))}
          </Select>
          <HelpText id="campaign-template-help" variant={errors.contentSid || errors.body ? 'error' : 'default'}>
            {errors.contentSid ?? errors.body ?? 'Map a column to each of its placeholders above; WhatsApp sends approved templates only.'}
          </HelpText>
        </Box>
      )}
      <CheckboxGroup
        name="senders"
        legend="Sender numbers"
        errorText={errors.senders}
        helpText="Recipients keep the sender they had in an earlier campaign."
      >
        {senders.map(({ number, flexFlow }) => (
          <Checkbox
            key={number}
            id={`campaign-sender-${number}`}
            value={number}
            checked={values.senders.includes(number)}
            onChange={(event) =>
              change({ senders: event.target.checked ? [...values.senders, number] : values.senders.filter((sender) => sender !== number) })
            }
          >
            {number} · {flexFlow.friendlyName}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Box>
        <TextField
          id="campaign-other-senders"
          name="otherSenders"
          label="Other sender numbers"
          type="tel"
          value={values.otherSenders}
          onChange={(otherSenders) => change({ otherSenders })}
          help="Comma-separated E.164 numbers not listed above, e.g. a Flex Conversations number for WhatsApp (+15550100003)."
        />
      </Box>
      <Box display="flex" columnGap="space50" flexWrap="wrap" rowGap="space50">
        <Box>
          <TextField
            id="campaign-pacing"
            name="pacingPerSecond"
            label="Pacing (messages per second per sender)"
            value={values.pacingPerSecond}
            onChange={(pacingPerSecond) => change({ pacingPerSecond })}
            error={errors.pacingPerSecond}
            help="Blank: by number kind (1 for a long code, 3 for US toll-free)."
          />
        </Box>
        <Box>
          <Label htmlFor="campaign-start-date">Start (your time zone)</Label>
          <Box display="flex" columnGap="space30">
            <Input id="campaign-start-date" type="date" value={values.startDate} onChange={(event) => change({ startDate: event.target.value })} />
            <Input
              id="campaign-start-time"
              type="time"
              aria-label="Start time"
              value={values.startTime}
              onChange={(event) => change({ startTime: event.target.value })}
            />
          </Box>
          <HelpText variant={errors.startAt ? 'error' : 'default'}>{errors.startAt ?? 'Blank: as soon as it is started.'}</HelpText>
        </Box>
        <Box>
          <TextField
            id="campaign-send-from"
            name="sendFrom"
            label="Send from (recipient’s time)"
            value={values.sendFrom}
            onChange={(sendFrom) => change({ sendFrom })}
          />
        </Box>
        <Box>
          <TextField
            id="campaign-send-until"
            name="sendUntil"
            label="Send until (recipient’s time)"
            value={values.sendUntil}
            onChange={(sendUntil) => change({ sendUntil })}
            help="The same time in both: no quiet hours."
          />
        </Box>
        <Box>
          <Label htmlFor="campaign-in-conversation">Customers in a live conversation</Label>
          <Select
            id="campaign-in-conversation"
            value={values.inConversation}
            onChange={(event) => change({ inConversation: event.target.value as CampaignFormValues['inConversation'] })}
          >
            <Option value="skip">Leave out</Option>
            <Option value="send">Send (the single-send conflict rules apply)</Option>
          </Select>
        </Box>
      </Box>
      {report?.report ? <PreflightReport report={report.report} /> : null}
      {start.isError ? <MutationError error={start.error} heading="The campaign could not be started" /> : null}
    </FormCard>
  );
}
