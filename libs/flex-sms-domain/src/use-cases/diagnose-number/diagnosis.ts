export const CHECK_STATUSES = ['ok', 'warning', 'error'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One line of the set-up checklist. */
export interface SetupCheck {
  /** Stable id, e.g. `task-flex-flow`. */
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found. */
  detail: string;
  /** What to do about a warning or an error. */
  fix?: string;
  /** The SIDs involved. */
  context?: Record<string, unknown>;
}

export interface NumberDiagnosis {
  number: string;
  /** The worst status of the checks. */
  status: CheckStatus;
  /** How the number sends, where that came from (a setting, or the account) and on which channels. */
  mode?: { mode: 'chat-proxy' | 'conversations'; source: string; reason: string; channels: Array<'sms' | 'whatsapp'> };
  checks: SetupCheck[];
}

const RANK: Record<CheckStatus, number> = { ok: 0, warning: 1, error: 2 };

export function worstStatus(checks: readonly SetupCheck[]): CheckStatus {
  return checks.reduce<CheckStatus>((worst, check) => (RANK[check.status] > RANK[worst] ? check.status : worst), 'ok');
}
