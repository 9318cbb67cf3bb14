import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../common/paging.query.dto';

/** A session is named by its SID (KC…) or, for Flex conversations, by its UniqueName: the channel SID (CH…). */
export class ProxySessionParamsDto {
  @Matches(/^(KC|CH)[0-9a-fA-F]{32}$/, { message: 'sid must be a Proxy Session SID (KC…) or a channel SID (CH…) naming the session' })
  sid!: string;
}

/** Proxy pages are read from Twilio a page at a time; a screenful by default. */
export const DEFAULT_PROXY_SESSION_PAGE_SIZE = 50;

export class ProxySessionListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PROXY_SESSION_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'nextPageToken of the previous page', example: 'PAKC0123456789abcdef0123456789abcdef' })
  @IsOptional()
  @Matches(/^P[AB][A-Za-z0-9]{1,64}$/, { message: 'pageToken must be a nextPageToken from a previous page' })
  pageToken?: string;
}

export class ProxySessionDto {
  @ApiProperty({ example: 'KC0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'KS0123456789abcdef0123456789abcdef' })
  serviceSid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'CH0123456789abcdef0123456789abcdef' })
  uniqueName!: string | null;

  @ApiProperty({ enum: ['open', 'in-progress', 'closed', 'failed', 'unknown'], example: 'open' })
  status!: string;

  @ApiProperty({ enum: ['message-only', 'voice-only', 'voice-and-message'], example: 'message-only' })
  mode!: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateCreated!: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateUpdated!: string;
}

export class ProxySessionPageDto {
  @ApiProperty({ type: [ProxySessionDto] })
  sessions!: ProxySessionDto[];

  @ApiProperty({ nullable: true, type: String, example: 'PAKC0123456789abcdef0123456789abcdef' })
  nextPageToken!: string | null;
}

class ProxyParticipantDto {
  @ApiProperty({ example: 'KP0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ description: 'A phone number, or the chat channel SID for the Flex side', example: '+14155550123' })
  identifier!: string;

  @ApiProperty({ nullable: true, type: String, example: '+15550100001' })
  proxyIdentifier!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Ada Lovelace' })
  friendlyName!: string | null;
}

export class ProxyParticipantListDto {
  @ApiProperty({ type: [ProxyParticipantDto] })
  participants!: ProxyParticipantDto[];
}
