/**
 * The one error shape of every endpoint:
 * `{ "error": { "status": 400, "code": "VALIDATION_FAILED", "message": "…", "details": [{ "field": "toNumber",
 * "message": "…" }], "context": { … }, "twilioCode": 20404, "requestId": "…" } }`.
 * Clients branch on `code` (stable, SCREAMING_SNAKE_CASE), show `message`, map `details` to form fields and quote
 * `requestId` when reporting a problem (it is in the server log beside the failure).
 */
export interface ErrorBody {
  error: ApiError;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
  /** One entry per invalid field (validation); dotted paths for nested fields (`participants.0.number`). */
  details?: FieldError[];
  /** Structured facts about a domain failure (a DomainError's `details`), e.g. `{ "flexFlowSid": "FO…" }`. */
  context?: Record<string, unknown>;
  /** The Twilio error code behind the failure, when there was one (https://www.twilio.com/docs/api/errors). */
  twilioCode?: number;
  requestId: string;
}

export interface FieldError {
  field: string;
  message: string;
}
