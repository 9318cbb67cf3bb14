import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  OUTBOUND_REQUEST_KINDS,
  OUTBOUND_REQUEST_STATUSES,
  PENDING_STEP_NAMES,
  PENDING_STEP_STATUSES,
  STEP_NAMES,
  STEP_OUTCOMES,
  UNDO_ACTIONS,
  type DeliveryStatus,
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

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { channelSid: 'CH0123456789abcdef0123456789abcdef', taskSid: 'WT0123456789abcdef0123456789abcdef' },
  })
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

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { channelSid: 'CH0123456789abcdef0123456789abcdef', sessionSid: 'KC0123456789abcdef0123456789abcdef' },
  })
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

class DeliveryEventDto {
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'sent' })
  status!: DeliveryStatus;

  @ApiProperty({ nullable: true, type: Number, example: null })
  errorCode!: number | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  errorMessage!: string | null;

  @ApiProperty({
    enum: ['callback', 'reconciliation'],
    description: 'A Twilio callback, or the reconciliation job reading the message back',
    example: 'callback',
  })
  source!: 'callback' | 'reconciliation';

  @ApiProperty({ description: 'When Twilio says the status changed', example: '2026-11-24T18:00:01.100Z' })
  reportedAt!: string;

  @ApiProperty({ description: 'When the journal heard it', example: '2026-11-24T18:00:01.180Z' })
  recordedAt!: string;
}

/** What Twilio said happened to the request's first message after it accepted it. */
export class DeliveryDto {
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description:
      "Twilio's status of the message: `accepted` until Twilio reports more; `delivered`/`read`, or `undelivered`/`failed` with the error code, are final",
    example: 'undelivered',
  })
  status!: DeliveryStatus;

  @ApiProperty({ nullable: true, type: Number, description: "Twilio's error code (https://www.twilio.com/docs/api/errors)", example: 30007 })
  errorCode!: number | null;

  @ApiProperty({ nullable: true, type: String, description: "Twilio's error message, when it gave one", example: null })
  errorMessage!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The error code in plain words, and what to do next (null without a code, or for a code the product does not explain)',
    example: 'the carrier filtered it as spam — check the message content and your A2P 10DLC (or toll-free) registration before sending again.',
  })
  explanation!: string | null;

  @ApiProperty({ example: '2026-11-24T18:00:02.000Z' })
  updatedAt!: string;
}

export class DeliveryWithHistoryDto extends DeliveryDto {
  @ApiProperty({ type: [DeliveryEventDto], description: 'Every status Twilio reported for the message, in the order heard (a repeat is kept once)' })
  history!: DeliveryEventDto[];
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

  @ApiProperty({
    description: 'Who asked, by reference: `api-key:<id>`, `user:<id>` or `bootstrap` (filter the list with `caller`)',
    example: 'api-key:key_3f2a9c0d1b7e4a55',
  })
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

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { sourceChatChannelSid: null, targetWorkerSid: null, taskAttributes: { crmId: 'A-17' } },
  })
  input!: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'https://crm.example.com/flex-sms/callbacks',
    description: 'The callback URL the request named for itself (system callbacks); absent = its API key’s. Shown to its own caller only.',
  })
  statusCallbackUrl?: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.100Z' })
  startedAt!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T18:00:00.420Z' })
  finishedAt!: string | null;

  @ApiProperty({ nullable: true, type: OutboundSmsResponseDto, description: 'The 201 answer, when it succeeded' })
  result!: OutboundSmsResponseDto | null;

  @ApiProperty({ nullable: true, type: ErrorRecordDto })
  error!: ErrorRecordDto | null;

  @ApiProperty({ nullable: true, type: DeliveryDto, description: "The delivery of the request's first message; null when no message was sent" })
  delivery!: DeliveryDto | null;
}

export class OutboundRequestDto extends OutboundRequestSummaryDto {
  @ApiProperty({
    nullable: true,
    type: DeliveryWithHistoryDto,
    description: "The delivery of the request's first message, with every status reported; null when no message was sent",
  })
  declare delivery: DeliveryWithHistoryDto | null;

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
