/**
 * Base of the domain's *expected* failures. Each has a stable `code` (what callers and the API's error mapping key
 * on), a human message, optional structured `details`, and the Twilio error code that caused it when there was one.
 * Only the edge (the API's exception filter) turns these into HTTP statuses.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly twilioCode?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
