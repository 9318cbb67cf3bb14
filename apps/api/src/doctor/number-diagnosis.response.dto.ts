import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_STATUSES, type CheckStatus, type NumberDiagnosis, type SetupCheck } from '@flex-sms/domain';

class SetupCheckDto implements SetupCheck {
  @ApiProperty({ description: 'Stable id of the check', example: 'task-flex-flow' })
  id!: string;

  @ApiProperty({ example: 'Task Flex Flow' })
  title!: string;

  @ApiProperty({ enum: CHECK_STATUSES, example: 'ok' })
  status!: CheckStatus;

  @ApiProperty({ description: 'What was found', example: 'FO0123456789abcdef0123456789abcdef handles +15550100001 (enabled: false)' })
  detail!: string;

  @ApiPropertyOptional({ description: 'What to do about a warning or an error' })
  fix?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The SIDs involved',
    example: { flexFlowSid: 'FO0123456789abcdef0123456789abcdef' },
  })
  context?: Record<string, unknown>;
}

export class NumberDiagnosisDto implements NumberDiagnosis {
  @ApiProperty({ example: '+15550100001' })
  number!: string;

  @ApiProperty({ enum: CHECK_STATUSES, description: 'The worst status of the checks', example: 'ok' })
  status!: CheckStatus;

  @ApiProperty({ type: [SetupCheckDto] })
  checks!: SetupCheckDto[];
}
