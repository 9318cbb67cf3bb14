import { Injectable } from '@nestjs/common';
import { SqlApiKeyStore } from '../api-keys/sql-api-key-store';
import type { Caller } from '../auth/caller';
import { validationFailed } from '../common/validation/validation-pipe';
import { AppConfig } from '../config/app-config';
import { assertCallbackUrl } from './callback-url';

const FIELD = 'statusCallbackUrl';

/** Whether a send's statusCallbackUrl can be honoured, checked before anything is journaled or sent. */
@Injectable()
export class StatusCallbackPolicy {
  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: SqlApiKeyStore,
  ) {}

  /**
   * 400 naming statusCallbackUrl when it is no URL the API may POST to, or when the caller has nothing to sign with:
   * callbacks are signed with the calling API key's secret, so a console user, the bootstrap key or a key without a
   * secret cannot ask for them (rather than have them silently never sent).
   */
  async assertUsable(statusCallbackUrl: string | undefined, caller: Caller): Promise<void> {
    if (statusCallbackUrl === undefined) return;
    assertCallbackUrl(FIELD, statusCallbackUrl, this.config.twilio.mode);
    if (caller.kind !== 'api-key') {
      throw validationFailed([{ field: FIELD, message: `${FIELD} needs an API key caller: callbacks are signed with the key's signing secret` }]);
    }
    if (!(await this.apiKeys.signingSecretOf(caller.id))) {
      throw validationFailed([{ field: FIELD, message: `${FIELD} needs a signing secret on this API key: an admin rotates one first` }]);
    }
  }
}
