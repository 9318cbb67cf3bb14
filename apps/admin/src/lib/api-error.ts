// The API answers every failure with one shape:
// {error: {status, code, message, details?, context?, twilioCode?, requestId}} (apps/api/src/common/error-body.ts).
// ApiError carries it into React Query so components can show the API's own words and the request id that
// support will ask for.

export interface ApiErrorDetail {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  status: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
  /** Structured facts about the failure, e.g. `{flexFlowSid}` or, for NOT_READY, the readiness `checks`. */
  context?: Record<string, unknown>;
  /** The Twilio error code behind the failure, when there was one. */
  twilioCode?: number;
  requestId?: string;
}

/** Codes the console itself produces when it never got an answer in the API's error shape. */
export const CLIENT_ERROR_CODES = {
  /** The browser could not reach the console's own server (network down, server stopped). */
  networkError: 'NETWORK_ERROR',
  /** Something answered, but not in the API's error shape (a gateway page, a crash dump). */
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
} as const;

/** Codes the console's proxy answers with when the API behind it cannot be reached (see src/server/api-proxy). */
export const PROXY_ERROR_CODES = {
  apiUnreachable: 'API_UNREACHABLE',
  apiTimeout: 'API_TIMEOUT',
  notProxied: 'NOT_FOUND',
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly context: Record<string, unknown>;
  readonly twilioCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.status;
    this.code = body.code;
    this.details = body.details ?? [];
    this.context = body.context ?? {};
    this.twilioCode = body.twilioCode;
    this.requestId = body.requestId;
  }

  /** True when the API itself is out of reach, as opposed to the API refusing the request. */
  get isUnreachable(): boolean {
    return (
      this.code === CLIENT_ERROR_CODES.networkError || this.code === PROXY_ERROR_CODES.apiUnreachable || this.code === PROXY_ERROR_CODES.apiTimeout
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(value: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((detail) => ({ field: String(detail.field ?? ''), message: String(detail.message ?? '') }));
}

/**
 * Reads the API's error shape out of a failed response body. Anything else (an HTML error page from a gateway, an
 * empty body) still becomes an ApiError, keyed by the HTTP status, so callers handle exactly one error type.
 */
export function toApiError(httpStatus: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      status: typeof error.status === 'number' ? error.status : httpStatus,
      code: error.code,
      message: error.message,
      details: parseDetails(error.details),
      context: isRecord(error.context) ? error.context : undefined,
      twilioCode: typeof error.twilioCode === 'number' ? error.twilioCode : undefined,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    });
  }
  return new ApiError({
    status: httpStatus,
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    message: `The API answered ${httpStatus} without an error description.`,
  });
}
