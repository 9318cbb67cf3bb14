/** A customer an agent is talking with: a task of a Flex conversation with one of the campaign's senders is open. */
export interface LiveConversation {
  customer: string;
  fromNumber: string;
  taskSid: string;
}

export interface LiveConversationPort {
  /** Which of `customers` are in a live conversation with one of `senders`. */
  liveConversations(senders: readonly string[], customers: readonly string[]): Promise<Map<string, LiveConversation>>;
}
