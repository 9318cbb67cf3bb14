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
  /** `bootstrap`, `user:<id>` or `api-key:<id>`. */
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
