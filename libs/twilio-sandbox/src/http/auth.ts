import basicAuth from 'basic-auth';
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'router';
import type { StateRef } from '../core/state';
import { authenticate } from './twilio-error';

/** Twilio's REST auth: HTTP Basic with the account SID as user name and the auth token as password. */
export function twilioAuth(ref: StateRef): RequestHandler {
  return (request, _response, next) => {
    const { account } = ref.current;
    const credentials = basicAuth(request);
    if (!credentials || !safeEqual(credentials.name, account.accountSid) || !safeEqual(credentials.pass, account.authToken)) throw authenticate();
    next();
  };
}

function safeEqual(actual: string, expected: string): boolean {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
