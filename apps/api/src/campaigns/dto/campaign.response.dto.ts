import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_STATUSES, OUTBOUND_CHANNELS, RECIPIENT_STATES, type RecipientState } from '@flex-sms/domain';
import { ErrorRecordDto } from '../../common/error-record.dto';

class PreflightRowDto {
  @ApiProperty() row!: number;
  @ApiProperty({ description: 'The number as given' }) input!: string;
  @ApiProperty() reason!: string;
}

class PreflightGroupDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [PreflightRowDto], description: 'The first 100; GET …/recipients?state= lists them all' }) rows!: PreflightRowDto[];
}

class SegmentsDto {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'], description: 'UCS-2 as soon as one message needs it' }) encoding!: string;
  @ApiProperty() perMessageMin!: number;
  @ApiProperty() perMessageMax!: number;
  @ApiProperty() total!: number;
  @ApiProperty() ucs2Messages!: number;
}

class PreviewMessageDto {
  @ApiProperty() row!: number;
  @ApiProperty() toNumber!: string;
  @ApiProperty() toName!: string;
  @ApiProperty() fromNumber!: string;
  @ApiProperty({ description: 'The message as the customer will read it: the body, or the template’s body for the channel, filled in' })
  text!: string;
}

export class CampaignReportDto {
  @ApiProperty() rows!: number;
  @ApiProperty() toSend!: number;
  @ApiProperty({ type: PreflightGroupDto }) invalid!: PreflightGroupDto;
  @ApiProperty({ type: PreflightGroupDto }) duplicates!: PreflightGroupDto;
  @ApiProperty({ type: PreflightGroupDto }) optedOut!: PreflightGroupDto;
  @ApiProperty({ type: PreflightGroupDto }) inConversation!: PreflightGroupDto;
  @ApiProperty({ type: SegmentsDto }) segments!: SegmentsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Recipients per sender number' }) perSender!: Record<
    string,
    number
  >;
  @ApiProperty({ description: 'At the pacing, quiet hours aside' }) estimatedDurationSeconds!: number;
  @ApiProperty({ type: [PreviewMessageDto], description: 'The first 5 recipients to send, with their message filled in' })
  preview!: PreviewMessageDto[];
}

class QuietHoursDto {
  @ApiProperty({ example: '08:00' }) sendFrom!: string;
  @ApiProperty({ example: '21:00' }) sendUntil!: string;
}

/** Recipients by state (RECIPIENT_STATES). */
class CampaignCountsDto implements Record<RecipientState, number> {
  @ApiProperty() pending!: number;
  @ApiProperty() sending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty() duplicate!: number;
  @ApiProperty() opted_out!: number;
  @ApiProperty() in_conversation!: number;
  @ApiProperty() cancelled!: number;
}

export class CampaignViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the campaign sends a Content template' }) body!: string | null;
  @ApiProperty({ enum: OUTBOUND_CHANNELS }) channel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The Content template sent instead of a body' }) contentSid!: string | null;
  @ApiProperty({ type: [String] }) senders!: string[];
  @ApiProperty() pacingPerSecond!: number;
  @ApiProperty({ type: QuietHoursDto }) quietHours!: QuietHoursDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startAt!: string | null;
  @ApiProperty({ enum: ['skip', 'send'] }) inConversation!: string;
  @ApiProperty() filteredStopThreshold!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: CampaignReportDto, nullable: true }) report!: CampaignReportDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the campaign stopped for review' }) stopReason!: string | null;
  @ApiProperty({ description: '0 = full pacing; each level halves it after Twilio answered 429/5xx' }) backoffLevel!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) backoffUntil!: string | null;
  @ApiProperty({ type: CampaignCountsDto, description: 'Recipients by state' }) counts!: CampaignCountsDto;
  @ApiProperty({ description: 'Recipients settled per second over the last minute' }) currentRatePerSecond!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds to the last pending recipient at the current pacing (quiet hours aside)' })
  etaSeconds!: number | null;
}

export class CampaignRecipientDto {
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'CSV data row (1 = first) or list index + 1' }) row!: number;
  @ApiProperty() toNumber!: string;
  @ApiProperty() toName!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The body’s variables, or the template’s ContentVariables' })
  variables!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) fromNumber!: string | null;
  @ApiProperty({ enum: RECIPIENT_STATES }) state!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) notBefore!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The journal’s outbound request (GET /api/v1/outbound/{id})' }) requestId!: string | null;
  @ApiPropertyOptional({ type: ErrorRecordDto, nullable: true }) error!: ErrorRecordDto | null;
  @ApiProperty({ type: String, nullable: true }) deliveryStatus!: string | null;
  @ApiProperty({ type: Number, nullable: true }) deliveryErrorCode!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) settledAt!: string | null;
}

export class CampaignRecipientListDto {
  @ApiProperty({ type: [CampaignRecipientDto] }) recipients!: CampaignRecipientDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last' }) next!: number | null;
}
