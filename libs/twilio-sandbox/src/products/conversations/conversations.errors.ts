import { TwilioError } from '../../http/twilio-error';

/**
 * 50416 Participant and proxy address pair is already in use: the pair is bound in another conversation that is not
 * closed. The message names that conversation, as Twilio's does, so a caller can continue it instead.
 */
export function bindingInUse(address: string, proxyAddress: string, conversationSid: string): TwilioError {
  return new TwilioError(
    409,
    50416,
    `A binding for this participant (${address}) and proxy address (${proxyAddress}) already exists in Conversation ${conversationSid}`,
  );
}

/** 50409 Participant address equals proxy address. */
export function addressEqualsProxyAddress(address: string): TwilioError {
  return new TwilioError(400, 50409, `Participant address ${address} must not equal its proxy address`);
}

/** 50433 Participant already exists: the identity is already a participant of this conversation. */
export function identityAlreadyParticipant(identity: string, conversationSid: string): TwilioError {
  return new TwilioError(409, 50433, `Participant with identity ${identity} already exists in Conversation ${conversationSid}`);
}

/** 50412 Participant proxy address is empty: an SMS participant needs its proxy address too. */
export function proxyAddressRequired(): TwilioError {
  return new TwilioError(400, 50412, 'Participant proxy address must not be empty: send MessagingBinding.ProxyAddress');
}

/**
 * 50408 Invalid participant proxy address: Conversations sends from it, so it must be one of the account's numbers
 * (SMS) or WhatsApp senders (WhatsApp), on the participant's channel.
 */
export function proxyAddressNotOwned(proxyAddress: string, channel: string): TwilioError {
  return new TwilioError(
    400,
    50408,
    `Invalid participant proxy address: ${proxyAddress} is not a ${channel === 'whatsapp' ? 'WhatsApp sender' : 'number'} of this account`,
  );
}

/** Conversations' codes for a message's Content template (Twilio's error dictionary, 50526–50542). */
export const CONTENT_ERRORS = {
  /** 50526 Invalid content SID. */
  'unknown-content': (contentSid: string) =>
    new TwilioError(400, 50526, `Invalid content SID: ${contentSid} is not a Content template of this account`),
  /** 50527 Invalid content variables format: "Content variables value is invalid JSON object". */
  'invalid-variables': () =>
    new TwilioError(400, 50527, 'Invalid content variables format: ContentVariables must be a JSON object of non-empty values'),
  /** 50542 Unsupported Content Template Type. */
  unrenderable: (contentSid: string) =>
    new TwilioError(400, 50542, `Unsupported Content Template Type: ${contentSid} has no text the sandbox can send`),
} as const;

/** 50528 Content SID is missing: "Message content variables are defined without a proper content sid". */
export function contentSidMissing(): TwilioError {
  return new TwilioError(400, 50528, 'Content SID is missing: ContentVariables need a ContentSid');
}

/** A participant needs an Identity (chat) or a MessagingBinding.Address (SMS); Twilio answers 20001 naming them. */
export function participantWithoutAddress(): TwilioError {
  return new TwilioError(400, 20001, 'Either Identity or MessagingBinding.Address must be specified');
}

/** 50377 Can't update conversation as it's in final closed state ("closed … you can't reactivate it"). */
export function conversationClosed(conversationSid: string): TwilioError {
  return new TwilioError(400, 50377, `Can't update Conversation ${conversationSid} as it's in final closed state`);
}

/** 50384 Initial state can't be 'closed'. */
export function initialStateClosed(): TwilioError {
  return new TwilioError(400, 50384, "Initial state can't be 'closed'");
}

/** 50353 Conversation with provided unique name already exists. */
export function uniqueNameTaken(uniqueName: string): TwilioError {
  return new TwilioError(409, 50353, `Conversation with provided unique name ${uniqueName} already exists`);
}
