import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLOSABLE_CONVERSATION_STATES, MAX_EXPLICIT_SIDS, type ConversationState } from '@flex-sms/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { CreatedBeforeSelectionDto } from './created-before.selection.dto';

/** `POST /api/v1/cleanup/conversations`: which conversations to close; every criterion given must hold, at least one. */
export class ConversationCleanupRequestDto extends CreatedBeforeSelectionDto {
  @ApiPropertyOptional({ enum: CLOSABLE_CONVERSATION_STATES, isArray: true, description: 'Default: active and inactive', example: ['inactive'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CLOSABLE_CONVERSATION_STATES, { each: true })
  states?: ConversationState[];

  @ApiPropertyOptional({ description: 'An SMS participant is reached through this Twilio number', example: '+15550100001' })
  @IsOptional()
  @IsE164PhoneNumber()
  number?: string;

  @ApiPropertyOptional({ description: 'Exactly these conversations', type: [String], example: ['CH0123456789abcdef0123456789abcdef'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EXPLICIT_SIDS)
  @IsTwilioSid('CH', { each: true })
  conversationSids?: string[];

  @ApiPropertyOptional({ description: 'Only report what would be closed (counts and a sample); nothing changes', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: "Leave conversations an agent's task still holds (pending, reserved, assigned, wrapping)", default: true })
  @IsOptional()
  @IsBoolean()
  keepWithOpenTask?: boolean;
}
