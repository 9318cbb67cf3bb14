import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_EXPLICIT_SIDS, PROXY_SESSION_STATUSES, type ProxySessionStatus } from '@flex-sms/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { CreatedBeforeSelectionDto } from './created-before.selection.dto';

/** Which Proxy sessions: every criterion given must hold; at least one is required. */
export class ProxySessionSelectionDto extends CreatedBeforeSelectionDto {
  @ApiPropertyOptional({ enum: PROXY_SESSION_STATUSES, isArray: true, example: ['closed'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PROXY_SESSION_STATUSES, { each: true })
  statuses?: ProxySessionStatus[];

  @ApiPropertyOptional({ description: 'A participant is masked by this Proxy number', example: '+15550100001' })
  @IsOptional()
  @IsE164PhoneNumber()
  number?: string;

  @ApiPropertyOptional({ description: 'Exactly these sessions', type: [String], example: ['KC0123456789abcdef0123456789abcdef'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EXPLICIT_SIDS)
  @IsTwilioSid('KC', { each: true })
  sessionSids?: string[];
}

/** `POST /api/v1/cleanup/proxy-sessions`. */
export class ProxySessionCleanupRequestDto extends ProxySessionSelectionDto {
  @ApiPropertyOptional({ description: 'Only report what would be touched (counts and a sample); nothing changes', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: "Mark each session's chat channel INACTIVE in its attributes", default: true })
  @IsOptional()
  @IsBoolean()
  markChannelInactive?: boolean;
}
