import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ApiError, ErrorBody, FieldError } from './error-body';

/** Swagger's picture of error-body.ts (the one error shape). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'toNumber' })
  field!: string;

  @ApiProperty({ example: 'toNumber must be a phone number in E.164 format' })
  message!: string;
}

@ApiSchema({ name: 'ApiError' })
export class ApiErrorDto implements ApiError {
  @ApiProperty({ example: 400, description: 'The HTTP status, repeated' })
  status!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code: branch on this' })
  code!: string;

  @ApiProperty({ example: 'The request has 1 invalid field.' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One entry per invalid field (validation errors)' })
  details?: FieldErrorDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Structured facts about a domain failure' })
  context?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 20404, description: 'The Twilio error code behind the failure (https://www.twilio.com/docs/api/errors)' })
  twilioCode?: number;

  @ApiProperty({ example: '5f0c6c1e-8c1b-4d5e-9a43-0a4c1b7f6f2e', description: 'Also in the X-Request-Id header and the server log' })
  requestId!: string;
}

@ApiSchema({ name: 'ErrorResponse', description: 'The one error shape of every endpoint' })
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ type: ApiErrorDto })
  error!: ApiErrorDto;
}
