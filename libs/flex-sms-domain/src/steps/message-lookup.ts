/** The message attribute that marks a message as posted by one outbound request. */
export const REQUEST_ID_ATTRIBUTE = 'outboundSmsRequestId';

/** How far back a retry looks for the message its first attempt may have posted. */
export const MESSAGE_LOOKUP_WINDOW = 20;
