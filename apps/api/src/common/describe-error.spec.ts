import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '@flex-sms/domain';
import twilio from 'twilio';
import { DatabaseUnavailable } from '../store/database-unavailable';
import { ApiException } from './api-exception';
import { DATABASE_RETRY_AFTER_SECONDS, describeError } from './describe-error';

class FlexFlowMissing extends DomainError {
  readonly code = 'FLEX_FLOW_MISSING_FOR_TEST';
}

const statuses = { FLEX_FLOW_MISSING_FOR_TEST: 404 };

describe('describeError', () => {
  it('maps a DomainError through the code → status table, keeping its details as context and its Twilio code', () => {
    const error = new FlexFlowMissing('No Flex Flow for +15005550006', { fromNumber: '+15005550006' }, 20404);
    expect(describeError(error, statuses)).toEqual({
      status: 404,
      code: 'FLEX_FLOW_MISSING_FOR_TEST',
      message: 'No Flex Flow for +15005550006',
      context: { fromNumber: '+15005550006' },
      twilioCode: 20404,
    });
  });

  it('answers 500 for a domain code missing from the table, and asks for a warning in the log', () => {
    expect(describeError(new FlexFlowMissing('missing'), {})).toEqual({
      status: 500,
      code: 'FLEX_FLOW_MISSING_FOR_TEST',
      message: 'missing',
      logAs: 'warn',
      logNote: 'FLEX_FLOW_MISSING_FOR_TEST has no HTTP status in domain-error-status.ts',
    });
  });

  it('keeps the code, message and extras of an ApiException', () => {
    const error = new ApiException(409, 'IDEMPOTENCY_KEY_REUSED', 'Key reused with another body', { context: { key: 'k1' } });
    expect(describeError(error)).toEqual({
      status: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'Key reused with another body',
      context: { key: 'k1' },
    });
  });

  it("gives Nest's HttpExceptions a code from their status", () => {
    expect(describeError(new NotFoundException('Cannot GET /nowhere'))).toEqual({ status: 404, code: 'NOT_FOUND', message: 'Cannot GET /nowhere' });
    expect(describeError(new BadRequestException(['a is bad', 'b is bad']))).toMatchObject({ code: 'BAD_REQUEST', message: 'a is bad; b is bad' });
  });

  it('hides the message of a 5xx HttpException', () => {
    expect(describeError(new ServiceUnavailableException('pool exhausted at 10.0.0.7'))).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: expect.not.stringContaining('10.0.0.7'),
      logAs: 'error',
    });
  });

  it('never passes a raw Twilio exception through: 502 with the Twilio code only', () => {
    const raw = new twilio.RestException({
      statusCode: 400,
      body: { code: 21211, message: "The 'To' number +1555 is not valid", more_info: 'https://www.twilio.com/docs/errors/21211' },
    });
    const described = describeError(raw);
    expect(described).toMatchObject({ status: 502, code: 'TWILIO_ERROR', twilioCode: 21211, logAs: 'error' });
    expect(described.message).not.toContain('+1555');
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After when the database cannot be reached, logging one line, never its details to the caller', () => {
    const described = describeError(new DatabaseUnavailable('57P01 terminating connection due to administrator command'));
    expect(described).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('Retry-After'),
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      logAs: 'warn',
      logNote: 'database unavailable: 57P01 terminating connection due to administrator command',
    });
    expect(described.message).not.toContain('57P01');
  });

  it("answers a body that does not decode from its Content-Encoding as the client's fault (body-parser gives it no type)", () => {
    const zlibError = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', status: 400, statusCode: 400, expose: true });
    expect(describeError(zlibError)).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read.' });
  });

  it('answers a body nested too deeply, JSON or form, as MALFORMED_BODY', () => {
    for (const type of ['entity.too.deep', 'querystring.parse.rangeError']) {
      expect(describeError(Object.assign(new Error('deep'), { status: 400, expose: true, type }))).toEqual({
        status: 400,
        code: 'MALFORMED_BODY',
        message: 'The request body is nested more than 32 levels deep.',
      });
    }
  });

  it('answers 500 with a generic message for anything else', () => {
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'sid')"))).toEqual({
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred. Quote the requestId when reporting it.',
      logAs: 'error',
    });
    // A status alone does not make an error the client's: only http-errors' `expose` (or a parser's type) does.
    expect(describeError(Object.assign(new Error('pool exhausted'), { status: 400 }))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
