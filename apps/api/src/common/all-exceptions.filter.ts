import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendError } from './error-response';
import { LogRedactor, STRICT_REDACTOR } from './logging/log-redactor';

/** Global filter: every error of every route leaves in the one error shape (error-body.ts). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly redactor: LogRedactor = STRICT_REDACTOR) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<Request>(), http.getResponse<Response>(), this.redactor);
  }
}
