import type { SandboxState } from '../../core/state';
import { TwilioError, invalidParameter } from '../../http/twilio-error';
import type { ProxyPhoneNumber, ProxyService } from './proxy.store';

/**
 * 80104 Phone Number Already Added to Service: a number belongs to one Proxy Service's pool at a time (Proxy answers
 * 400 when it is added again).
 */
export function numberAlreadyInPool(phoneNumber: string): TwilioError {
  return new TwilioError(400, 80104, `Phone number ${phoneNumber} has already been added to a Proxy Service`);
}

/**
 * Adds one of the account's IncomingPhoneNumbers (named by PN SID or by the number) to the Service's pool, as
 * `POST /v1/Services/{ServiceSid}/PhoneNumbers` does. The pool entry keeps the number's PN SID.
 */
export function addNumberToPool(
  state: SandboxState,
  service: ProxyService,
  input: { sid?: string; phoneNumber?: string; isReserved?: boolean },
): ProxyPhoneNumber {
  if (!input.sid && !input.phoneNumber) throw invalidParameter('Sid', 'either Sid or PhoneNumber is required');
  const incoming = state.api.incomingPhoneNumbers.find((number) => number.sid === input.sid || number.phoneNumber === input.phoneNumber);
  if (!incoming) throw invalidParameter(input.sid ? 'Sid' : 'PhoneNumber', `${input.sid ?? input.phoneNumber} is not a phone number of the account`);
  if (state.proxy.numbers.get(incoming.sid)) throw numberAlreadyInPool(incoming.phoneNumber);
  const now = state.now();
  return state.proxy.numbers.add({
    sid: incoming.sid,
    serviceSid: service.sid,
    phoneNumber: incoming.phoneNumber,
    friendlyName: incoming.friendlyName,
    isoCountry: 'US',
    isReserved: input.isReserved ?? false,
    dateCreated: now,
    dateUpdated: now,
  });
}

/** Removes a number from the pool. Its open sessions keep their participants, as on Twilio. */
export function removeNumberFromPool(state: SandboxState, number: ProxyPhoneNumber): void {
  state.proxy.numbers.delete(number.sid);
}
