import { TwilioError } from '../../http/twilio-error';

/** 80603 Non Unique Session Name: another Session of the Service already has this UniqueName. */
export function sessionUniqueNameTaken(uniqueName: string): TwilioError {
  return new TwilioError(400, 80603, `Session UniqueName must be unique within the Service: ${uniqueName}`);
}

/**
 * 80623 Duplicate Participant Request: creating the participant would make its Identifier/ProxyIdentifier pair
 * active in two open Sessions; Proxy answers 409 on Session and Participant create.
 */
export function participantConflict(identifier: string, proxyIdentifier: string): TwilioError {
  return new TwilioError(409, 80623, `Participant ${identifier} is already active with proxy identifier ${proxyIdentifier} in another open Session`);
}

/** 80604 Proxy Identifier In Use: re-opening the Session would reactivate a pair that is active elsewhere (400). */
export function proxyIdentifierInUse(identifier: string, proxyIdentifier: string): TwilioError {
  return new TwilioError(400, 80604, `Proxy identifier ${proxyIdentifier} is already in use with ${identifier} in another open Session`);
}

/** 80609 Too Many Added Participants: a Proxy Session holds two participants. */
export function tooManyParticipants(): TwilioError {
  return new TwilioError(400, 80609, 'A Session cannot have more than two Participants');
}

/** 80605 Proxy Identifier Not In Service: the requested proxy number is not in the Service's pool. */
export function proxyIdentifierNotInService(proxyIdentifier: string): TwilioError {
  return new TwilioError(400, 80605, `Proxy identifier ${proxyIdentifier} is not associated with the Service`);
}

/** 80203 No Available Proxy: every pool number is already paired with this identifier in an open Session. */
export function noAvailableProxy(identifier: string): TwilioError {
  return new TwilioError(400, 80203, `This Service has no compatible Proxy numbers for participant ${identifier}`);
}
