import { describe, expect, it } from '@jest/globals';
import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it("reads the API's error shape, details and context included", () => {
    const error = toApiError(400, {
      error: {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'toNumber must be E.164',
        details: [{ field: 'toNumber', message: 'must be E.164' }],
        context: { flexFlowSid: 'FO123' },
        twilioCode: 21211,
        requestId: 'req-1',
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'toNumber must be E.164',
      details: [{ field: 'toNumber', message: 'must be E.164' }],
      context: { flexFlowSid: 'FO123' },
      twilioCode: 21211,
      requestId: 'req-1',
    });
  });

  it('keeps the HTTP status when the body is not in the error shape', () => {
    const error = toApiError(504, '<html>Gateway Timeout</html>');
    expect(error).toMatchObject({ status: 504, code: 'UNEXPECTED_RESPONSE', details: [], context: {} });
  });
});

describe('ApiError.isUnreachable', () => {
  it('is true for the proxy and network failures only', () => {
    expect(new ApiError({ status: 502, code: 'API_UNREACHABLE', message: '' }).isUnreachable).toBe(true);
    expect(new ApiError({ status: 504, code: 'API_TIMEOUT', message: '' }).isUnreachable).toBe(true);
    expect(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }).isUnreachable).toBe(true);
    expect(new ApiError({ status: 502, code: 'TWILIO_UNAVAILABLE', message: '' }).isUnreachable).toBe(false);
  });
});
