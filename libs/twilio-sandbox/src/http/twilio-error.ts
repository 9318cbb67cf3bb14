/** A Twilio REST error: rendered as `{code, message, more_info, status}` with the HTTP status. */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): TwilioErrorBody {
    return { code: this.code, message: this.message, more_info: moreInfo(this.code), status: this.status };
  }
}

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function moreInfo(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}

export function notFound(path: string): TwilioError {
  return new TwilioError(404, 20404, `The requested resource ${path} was not found`);
}

export function authenticate(): TwilioError {
  return new TwilioError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
}

/** Twilio's wording for a required parameter that was not sent (v1/v2 APIs, code 20001). */
export function missingParameter(name: string): TwilioError {
  return new TwilioError(400, 20001, `Missing required parameter ${name} in the post body`);
}

export function unknownParameter(name: string): TwilioError {
  return new TwilioError(400, 20001, `Unknown parameter ${name}`);
}

export function invalidParameter(name: string, reason?: string): TwilioError {
  return new TwilioError(400, 20001, reason ? `Invalid ${name}: ${reason}` : `Invalid Parameter: ${name}`);
}

export function tooManyRequests(retryAfterSeconds: number): TwilioError {
  return new TwilioError(429, 20429, 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) });
}

/** Twilio's generic 5xx body; code 20500 is "An internal server error has occurred". */
export function internalError(status = 500, code = 20500): TwilioError {
  return new TwilioError(status, code, 'An internal server error has occurred');
}
