import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

/**
 * Documents the error statuses a route can answer, each with the one error shape:
 * `@ApiErrors({ 400: 'VALIDATION_FAILED', 404: 'FLEX_FLOW_NOT_FOUND', 409: 'PARTICIPANT_CONFLICT' })`.
 * (401 and 500 are added to every operation by swagger.ts.)
 */
export function ApiErrors(errors: Record<number, string>) {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) => ApiResponse({ status: Number(status), description, type: ErrorResponseDto })),
  );
}
