// The journal's step names (libs/flex-sms-domain/src/steps) in the words an operator reads.
export const STEP_LABEL: Record<string, string> = {
  'flex-flow': 'Flex Flow',
  channel: 'Chat channel',
  'proxy-session': 'Proxy session',
  'stale-session': 'Stale Proxy session',
  'channel-attributes': 'Channel attributes',
  message: 'Message',
  conversation: 'Conversation',
  'conversation-participant': 'Customer participant',
  'conversation-webhook': 'Studio webhook',
  interaction: 'Flex Interaction',
};

export const UNDO_LABEL: Record<string, string> = {
  'cancel-task': 'Cancel the task',
  'remove-proxy-session': 'Remove the Proxy session',
  'remove-channel': 'Remove the chat channel',
  'restore-channel-attributes': 'Restore the channel attributes',
  'close-interaction-channel': 'Close the interaction channel',
  'remove-conversation': 'Remove the conversation',
};

export function stepLabel(name: string): string {
  return STEP_LABEL[name] ?? name;
}
