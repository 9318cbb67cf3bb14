import type { SandboxState } from '../core/state';
import type { TwilioRequest } from './route';

/** What serializers need besides the resource: the owning account and where the sandbox is (for `url`/`links`). */
export interface SerializeContext {
  accountSid: string;
  baseUrl: string;
}

export function serializeContext(state: SandboxState, request: Pick<TwilioRequest, 'baseUrl'>): SerializeContext {
  return { accountSid: state.account.accountSid, baseUrl: request.baseUrl };
}
