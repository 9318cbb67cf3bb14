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

class SenderModeDto {
  @ApiProperty({ enum: ['chat-proxy', 'conversations'], example: 'conversations' })
  mode!: 'chat-proxy' | 'conversations';

  @ApiProperty({
    enum: ['CONVERSATIONS_NUMBERS', 'OUTBOUND_MODE', 'address-configuration', 'flex-flow', 'default'],
    description: 'A setting, or what the account holds for the number (found when OUTBOUND_MODE is unset)',
    example: 'address-configuration',
  })
  source!: string;

  @ApiProperty({
    description: 'Why, checkable in the Console',
    example:
      'Conversations Address Configuration IG0123456789abcdef0123456789abcdef (whatsapp, auto-creation to Studio flow FW0123456789abcdef0123456789abcdef): Flex Conversations takes its messages',
  })
  reason!: string;

  @ApiProperty({
    enum: ['sms', 'whatsapp'],
    isArray: true,
    description: 'The channels the number can send on in that mode',
    example: ['sms', 'whatsapp'],
  })
  channels!: Array<'sms' | 'whatsapp'>;
}

export class NumberDiagnosisDto implements NumberDiagnosis {
  @ApiProperty({ example: '+15550100001' })
  number!: string;

  @ApiProperty({ enum: CHECK_STATUSES, description: 'The worst status of the checks', example: 'ok' })
  status!: CheckStatus;

  @ApiPropertyOptional({ type: SenderModeDto, description: 'How the number sends, and why' })
  mode?: SenderModeDto;

  @ApiProperty({ type: [SetupCheckDto] })
  checks!: SetupCheckDto[];
}
