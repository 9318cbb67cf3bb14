// GET /api/v1/doctor?number= (libs/flex-sms-domain/src/use-cases/diagnose-number/diagnosis.ts).
export type CheckStatus = 'ok' | 'warning' | 'error';

export interface SetupCheck {
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found. */
  detail: string;
  /** What to do about a warning or an error. */
  fix?: string;
  context?: Record<string, unknown>;
}

export interface NumberDiagnosis {
  number: string;
  /** The worst status of the checks. */
  status: CheckStatus;
  checks: SetupCheck[];
}
