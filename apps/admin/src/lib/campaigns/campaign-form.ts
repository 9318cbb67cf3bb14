// The new-campaign form: its values, what the console checks before asking the API (the API checks everything again
// and names the field it refuses), and the query string of POST /api/v1/campaigns with the CSV as the body.
import type { CsvHead } from './csv-head';

export interface CampaignFormValues {
  name: string;
  numberColumn: string;
  nameColumn: string;
  /** Variable name per CSV column; blank = the column is not used. */
  variables: Record<string, string>;
  channel: 'sms' | 'whatsapp';
  messageKind: 'body' | 'template';
  body: string;
  contentSid: string;
  senders: string[];
  /** Senders typed in, comma-separated: numbers without a Studio Flex Flow (a Conversations number's WhatsApp). */
  otherSenders: string;
  pacingPerSecond: string;
  startDate: string;
  startTime: string;
  sendFrom: string;
  sendUntil: string;
  inConversation: 'skip' | 'send';
}

export type CampaignFormErrors = Partial<
  Record<'name' | 'file' | 'numberColumn' | 'body' | 'contentSid' | 'senders' | 'pacingPerSecond' | 'startAt', string>
>;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function initialCampaignForm(): CampaignFormValues {
  return {
    name: '',
    numberColumn: '',
    nameColumn: '',
    variables: {},
    channel: 'sms',
    messageKind: 'body',
    body: '',
    contentSid: '',
    senders: [],
    otherSenders: '',
    pacingPerSecond: '',
    startDate: '',
    startTime: '',
    sendFrom: '08:00',
    sendUntil: '21:00',
    inConversation: 'skip',
  };
}

/** The columns other than the number's and the name's, which may feed variables. */
export function variableCandidates(head: CsvHead, values: Pick<CampaignFormValues, 'numberColumn' | 'nameColumn'>): string[] {
  return head.header.filter((column) => column !== values.numberColumn && column !== values.nameColumn);
}

/** The senders ticked and typed, each once. */
export function allSenders(values: Pick<CampaignFormValues, 'senders' | 'otherSenders'>): string[] {
  const typed = values.otherSenders
    .split(',')
    .map((sender) => sender.trim())
    .filter(Boolean);
  return [...new Set([...values.senders, ...typed])];
}

/** The start time as an instant, read in the operator's time zone; undefined = now. */
export function startAtOf(values: Pick<CampaignFormValues, 'startDate' | 'startTime'>): Date | undefined {
  if (!values.startDate) return undefined;
  return new Date(`${values.startDate}T${values.startTime || '00:00'}`);
}

export function validateCampaignForm(values: CampaignFormValues, head: CsvHead | undefined): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  if (!values.name.trim()) errors.name = 'Name the campaign, e.g. March appointment reminders.';
  if (!head || head.header.length === 0) errors.file = 'Choose a CSV file whose first line names its columns.';
  else if (!values.numberColumn) errors.numberColumn = 'Choose the column holding the customers’ numbers.';
  if (values.messageKind === 'body' && !values.body.trim()) errors.body = 'Write the message, or send a Content template.';
  if (values.messageKind === 'body' && values.channel === 'whatsapp')
    errors.body = 'WhatsApp campaigns send a Content template: outside the customer’s 24-hour window WhatsApp delivers nothing else.';
  if (values.messageKind === 'template' && !values.contentSid) errors.contentSid = 'Choose a Content template.';
  if (allSenders(values).length === 0) errors.senders = 'Choose at least one sender number.';
  if (values.pacingPerSecond.trim() !== '') {
    const pacing = Number(values.pacingPerSecond);
    if (!(pacing > 0 && pacing <= 100)) errors.pacingPerSecond = 'Messages per second per sender: more than 0, at most 100.';
  }
  const startAt = startAtOf(values);
  if (startAt && Number.isNaN(startAt.getTime())) errors.startAt = 'Give a date and a time.';
  if (!TIME_OF_DAY.test(values.sendFrom) || !TIME_OF_DAY.test(values.sendUntil)) errors.startAt = 'Quiet hours are times of day, HH:MM.';
  return errors;
}

/** The settings and the column mapping as POST /api/v1/campaigns reads them next to a CSV body. */
export function campaignQuery(values: CampaignFormValues, head: CsvHead): URLSearchParams {
  const query = new URLSearchParams({ name: values.name.trim(), numberColumn: values.numberColumn, channel: values.channel });
  if (values.nameColumn) query.set('nameColumn', values.nameColumn);
  if (values.messageKind === 'template') query.set('contentSid', values.contentSid);
  else query.set('body', values.body);
  query.set('senders', allSenders(values).join(','));
  if (values.pacingPerSecond.trim()) query.set('pacingPerSecond', values.pacingPerSecond.trim());
  const startAt = startAtOf(values);
  if (startAt) query.set('startAt', startAt.toISOString());
  query.set('sendFrom', values.sendFrom);
  query.set('sendUntil', values.sendUntil);
  query.set('inConversation', values.inConversation);
  const mapped = variableCandidates(head, values)
    .map((column) => [column, (values.variables[column] ?? column).trim()] as const)
    .filter(([, variable]) => variable !== '');
  // The name column may feed a variable too (a template's {{1}}).
  const nameVariable = values.nameColumn ? values.variables[values.nameColumn]?.trim() : '';
  const list = [...mapped, ...(nameVariable ? [[values.nameColumn, nameVariable] as const] : [])];
  if (list.length) query.set('variableColumns', list.map(([column, variable]) => (column === variable ? column : `${column}:${variable}`)).join(','));
  return query;
}
