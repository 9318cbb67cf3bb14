import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorRecord } from '@flex-sms/domain';

/** A failure as the journal and the clean-up jobs keep it (the domain's ErrorRecord). */
export class ErrorRecordDto implements ErrorRecord {
  @ApiProperty({ example: 'PARTICIPANT_CONFLICT' })
  code!: string;

  @ApiProperty({ example: '+14155550123 is already in an open Proxy Session with +15550100001 (…)' })
  message!: string;

  @ApiPropertyOptional({ example: 80604 })
  twilioCode?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}
