import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_CALLBACK_URL_LENGTH } from './callback-url';

/**
 * A callback URL field of a request body: a string of bounded length here; whether it is a URL the API may POST to
 * depends on the Twilio mode, which the controller checks (assertCallbackUrl) with a 400 naming the same field.
 */
export function CallbackUrlProperty(description: string, options: { nullable?: boolean } = {}) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'uri',
      maxLength: MAX_CALLBACK_URL_LENGTH,
      example: 'https://crm.example.com/flex-sms/callbacks',
      description,
      ...(options.nullable ? { nullable: true } : {}),
    }),
    IsOptional(),
    IsString(),
    MaxLength(MAX_CALLBACK_URL_LENGTH),
  );
}
