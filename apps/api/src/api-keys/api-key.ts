import type { Role } from '../auth/caller';

/** An API key as the API shows it: never its hash, never the key itself (shown once, at creation). */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's visible start, e.g. `fsk_Ab3dE6gH`: how a person recognises which key is which. */
  prefix: string;
  role: Role;
  /** Sender numbers (E.164) the key may send from; absent = any. */
  allowedFromNumbers?: string[];
  /** Where the product POSTs the state changes of the key's requests (system callbacks); null = nowhere. */
  callbackUrl: string | null;
  /** Whether the key has a secret to sign callbacks with (keys made before system callbacks get one when rotated). */
  hasSigningSecret: boolean;
  /** `bootstrap`, `user:<id>` or `api-key:<id>`. */
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
