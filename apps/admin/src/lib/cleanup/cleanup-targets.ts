// What the Cleanup page can clean up, one entry per kind of Twilio resource: the words the page uses for it, the
// choices its selection offers, and how its API route names them. The page's components are shared; only this
// table differs between Proxy sessions (Chat + Proxy mode) and conversations (Flex Conversations mode).
import type { DeploymentOutboundMode } from '../readiness';
import type { CleanupCandidate, CleanupJobKind, CleanupSelection } from './cleanup.types';

export type CleanupTargetKind = Extract<CleanupJobKind, 'proxy-sessions' | 'conversations'>;

export interface CleanupChoice {
  value: string;
  label: string;
  help?: string;
}

export interface CleanupSampleColumn {
  header: string;
  value: (item: CleanupCandidate) => string;
}

/** The one switch each kind of clean-up offers beside its selection (shown with the dry run, sent with the job). */
export interface CleanupOption {
  /** The field of the API's request. */
  field: 'markChannelInactive' | 'keepWithOpenTask';
  label: string;
  help: string;
  defaultOn: boolean;
}

export interface CleanupTarget {
  kind: CleanupTargetKind;
  /** What to clean up, as the page's chooser names it. */
  label: string;
  description: string;
  statusLegend: string;
  /** The criterion's name in a sentence: "status", "state". */
  statusWord: string;
  statuses: CleanupChoice[];
  defaultStatuses: string[];
  numberLabel: string;
  numberHelp: string;
  option: CleanupOption;
  sampleColumns: CleanupSampleColumn[];
  /** What the job does to each item, for the confirm step. */
  confirmText: (optionOn: boolean) => string;
  /** The request body of the target's route, for a dry run or a job. */
  requestBody: (selection: CleanupSelection, options: { dryRun: boolean; optionOn: boolean }) => Record<string, unknown>;
}

/** How many of a job's items, in words: every kind the API runs, the long-lived channels included. */
export const CLEANUP_NOUNS: Record<CleanupJobKind, { one: string; many: string }> = {
  'proxy-sessions': { one: 'session', many: 'sessions' },
  conversations: { one: 'conversation', many: 'conversations' },
  'long-lived-channels': { one: 'channel', many: 'channels' },
};

export function countOf(kind: CleanupJobKind, count: number): string {
  const noun = CLEANUP_NOUNS[kind];
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

const text = (value: unknown) => (value === undefined || value === null || value === '' ? '—' : String(value));

const STALE_REASON = 'The selection is evaluated again when the job starts, so items that changed since the dry run may differ.';

export const PROXY_SESSION_CLEANUP: CleanupTarget = {
  kind: 'proxy-sessions',
  label: 'Proxy sessions',
  description:
    'Close and delete Proxy sessions in bulk — stuck sessions block a customer’s next conversation. Preview what a clean-up takes, then confirm.',
  statusLegend: 'Session status',
  statusWord: 'status',
  // `unknown` is left out on purpose: nobody should bulk-delete what they cannot read.
  statuses: [
    { value: 'closed', label: 'Closed', help: 'Finished conversations: safe to delete.' },
    { value: 'failed', label: 'Failed' },
    { value: 'open', label: 'Open', help: 'Live: a customer may be mid-conversation.' },
    { value: 'in-progress', label: 'In progress', help: 'Live: a customer may be mid-conversation.' },
  ],
  defaultStatuses: ['closed'],
  numberLabel: 'Proxy number',
  numberHelp: 'Empty: any of the pool’s numbers.',
  option: {
    field: 'markChannelInactive',
    label: 'Mark the chat channels inactive',
    help: 'Sets each session’s chat channel to INACTIVE, as Flex does when a conversation ends.',
    defaultOn: true,
  },
  sampleColumns: [
    { header: 'Session', value: (item) => item.sid },
    { header: 'Status', value: (item) => text(item.data.status) },
    { header: 'Flex channel', value: (item) => text(item.data.uniqueName ?? item.data.channelSid) },
  ],
  confirmText: (markInactive) =>
    `Each session is closed${markInactive ? ', its chat channel marked inactive,' : ''} and deleted from Twilio. ${STALE_REASON}`,
  requestBody: ({ statuses, ...rest }, { dryRun, optionOn }) => ({
    ...rest,
    ...(statuses ? { statuses } : {}),
    ...(dryRun ? { dryRun: true } : { markChannelInactive: optionOn }),
  }),
};

export const CONVERSATION_CLEANUP: CleanupTarget = {
  kind: 'conversations',
  label: 'Conversations',
  description:
    'Close stale conversations in bulk — a customer still bound to an open conversation cannot get a new one from the same number. Preview what a clean-up takes, then confirm.',
  statusLegend: 'Conversation state',
  statusWord: 'state',
  statuses: [
    { value: 'inactive', label: 'Inactive', help: 'Nobody wrote for a while: safe to close.' },
    { value: 'active', label: 'Active', help: 'Live: a customer may be mid-conversation.' },
  ],
  defaultStatuses: ['inactive'],
  numberLabel: 'Twilio number',
  numberHelp: 'Empty: any of the account’s numbers.',
  option: {
    field: 'keepWithOpenTask',
    label: 'Keep conversations an agent’s task still holds',
    help: 'Leaves a conversation alone while its task is pending, reserved, assigned or wrapping: closing it would cut the agent off.',
    defaultOn: true,
  },
  sampleColumns: [
    { header: 'Conversation', value: (item) => item.sid },
    { header: 'State', value: (item) => text(item.data.status) },
    { header: 'Name', value: (item) => text(item.data.friendlyName ?? item.data.uniqueName) },
    { header: 'Customer', value: (item) => text(item.data.customerNumber) },
  ],
  confirmText: (keepWithOpenTask) =>
    `Each conversation is closed, its final state: the customer’s next SMS starts a new one.${keepWithOpenTask ? ' Conversations an agent’s task holds are left alone.' : ''} ${STALE_REASON}`,
  requestBody: ({ statuses, ...rest }, { dryRun, optionOn }) => ({
    ...rest,
    ...(statuses ? { states: statuses } : {}),
    ...(dryRun ? { dryRun: true } : {}),
    keepWithOpenTask: optionOn,
  }),
};

/**
 * The clean-ups that apply to a deployment: Proxy sessions carry Chat + Proxy mode's conversations, conversations the Flex
 * Conversations mode; an account migrating number by number has both. Proxy sessions when the API does not say
 * (an API older than the mode).
 */
export function cleanupTargetsFor(mode: DeploymentOutboundMode | undefined): CleanupTarget[] {
  switch (mode) {
    case 'conversations':
      return [CONVERSATION_CLEANUP];
    case 'mixed':
      return [PROXY_SESSION_CLEANUP, CONVERSATION_CLEANUP];
    default:
      return [PROXY_SESSION_CLEANUP];
  }
}
