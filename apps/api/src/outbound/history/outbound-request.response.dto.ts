import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OUTBOUND_REQUEST_KINDS,
  OUTBOUND_REQUEST_STATUSES,
  PENDING_STEP_NAMES,
  PENDING_STEP_STATUSES,
  STEP_NAMES,
  STEP_OUTCOMES,
  UNDO_ACTIONS,
  type OutboundRequestKind,
  type OutboundRequestStatus,
  type PendingStepRecord,
  type StepName,
  type StepOutcome,
  type UndoneRecord,
} from '@flex-sms/domain';
import { ErrorRecordDto } from '../../common/error-record.dto';
import { OutboundSmsResponseDto } from '../dto/outbound-sms.response.dto';

class StepDto {
  @ApiProperty({ enum: STEP_NAMES, example: 'channel' })
  name!: StepName;

  @ApiProperty({ enum: STEP_OUTCOMES, example: 'created' })
  outcome!: StepOutcome;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { channelSid: 'CH0123456789abcdef0123456789abcdef', taskSid: 'WT0123456789abcdef0123456789abcdef' } })
  sids!: Record<string, string>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-24T18:00:00.120Z' })
  startedAt!: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.310Z' })
  finishedAt!: string;

  @ApiPropertyOptional({ type: ErrorRecordDto })
  error?: ErrorRecordDto;
}

class PendingStepDto {
  @ApiProperty({ enum: PENDING_STEP_NAMES, example: 'channel-attributes' })
  name!: PendingStepRecord['name'];

  @ApiProperty({ type: 'object', additionalProperties: true, example: { channelSid: 'CH0123456789abcdef0123456789abcdef', sessionSid: 'KC0123456789abcdef0123456789abcdef' } })
  payload!: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-24T18:00:00.400Z' })
  recordedAt!: string;

  @ApiProperty({ enum: PENDING_STEP_STATUSES, example: 'done' })
  status!: PendingStepRecord['status'];

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiPropertyOptional({ example: '2026-11-24T18:00:00.650Z' })
  settledAt?: string;

  @ApiPropertyOptional({ type: ErrorRecordDto })
  error?: ErrorRecordDto;
}

class UndoneDto {
  @ApiProperty({ enum: UNDO_ACTIONS, example: 'cancel-task' })
  action!: UndoneRecord['action'];

  @ApiProperty({ example: 'WT0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: ErrorRecordDto })
  error?: ErrorRecordDto;
}

/** One outbound request as the journal holds it (history rows leave out the step lists). */
export class OutboundRequestSummaryDto {
  @ApiProperty({ example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  id!: string;

  @ApiProperty({ enum: OUTBOUND_REQUEST_KINDS, example: 'agent_sms' })
  kind!: OutboundRequestKind;

  @ApiProperty({
    enum: OUTBOUND_REQUEST_STATUSES,
    description: 'in_flight, or how it ended; rolled_back = failed after creating things, which were undone',
    example: 'succeeded',
  })
  status!: OutboundRequestStatus;

  @ApiProperty({ description: 'Who asked, by reference: `api-key:<id>`, `user:<id>` or `bootstrap` (filter the list with `caller`)', example: 'api-key:key_3f2a9c0d1b7e4a55' })
  caller!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The caller's name now: the username, the API key's name, or `bootstrap key`; null when the user or key was deleted",
    example: 'crm-integration',
  })
  callerName!: string | null;

  @ApiProperty({ example: '+15550100001' })
  fromNumber!: string;

  @ApiProperty({ example: '+14155550123' })
  toNumber!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  toName!: string;

  @ApiProperty({ enum: ['sms', 'whatsapp'], description: 'The messaging channel the request asked for', example: 'sms' })
  channel!: 'sms' | 'whatsapp';

  @ApiProperty({ nullable: true, type: String, example: 'Hi Ada, this is Grace from Acme.' })
  body!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '9f1c4b5e-2f0b-4c1d-8a57-3c8f6e1d2a10' })
  idempotencyKey!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { sourceChatChannelSid: null, targetWorkerSid: null, taskAttributes: { crmId: 'A-17' } } })
  input!: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-24T18:00:00.100Z' })
  startedAt!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T18:00:00.420Z' })
  finishedAt!: string | null;

  @ApiProperty({ nullable: true, type: OutboundSmsResponseDto, description: 'The 201 answer, when it succeeded' })
  result!: OutboundSmsResponseDto | null;

  @ApiProperty({ nullable: true, type: ErrorRecordDto })
  error!: ErrorRecordDto | null;
}

export class OutboundRequestDto extends OutboundRequestSummaryDto {
  @ApiProperty({ type: [StepDto], description: 'The Twilio steps, in the order they finished' })
  steps!: StepDto[];

  @ApiProperty({ type: [PendingStepDto], description: 'Follow-up work journaled before answering' })
  pendingSteps!: PendingStepDto[];

  @ApiProperty({ type: [UndoneDto], description: 'What a rollback undid (or could not)' })
  undone!: UndoneDto[];
}

export class OutboundHistoryPageDto {
  @ApiProperty({ type: [OutboundRequestSummaryDto] })
  items!: OutboundRequestSummaryDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'Matching requests in all pages', example: 42 })
  total!: number;
}
