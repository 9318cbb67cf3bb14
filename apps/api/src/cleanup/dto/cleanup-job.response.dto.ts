import { ApiProperty } from '@nestjs/swagger';
import {
  CLEANUP_ITEM_STATUSES,
  CLEANUP_JOB_STATUSES,
  CLEANUP_KINDS,
  type CleanupCandidate,
  type CleanupItem,
  type CleanupItemStatus,
  type CleanupJobKind,
  type CleanupJobStatus,
  type CleanupPreview,
  type CleanupProgress,
} from '@flex-sms/domain';
import { ErrorRecordDto } from '../../common/error-record.dto';
import type { CleanupJobView } from '../cleanup-job.query';

const SELECTED_DATA = { status: 'closed', uniqueName: 'CH0123456789abcdef0123456789abcdef' };

class CleanupCandidateDto implements CleanupCandidate {
  @ApiProperty({ example: 'KC0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What selection learnt about the item', example: SELECTED_DATA })
  data!: Record<string, unknown>;
}

/** The 200 answer of a dry run: what the job would touch. */
export class CleanupPreviewDto implements CleanupPreview {
  @ApiProperty({ enum: CLEANUP_KINDS, example: 'proxy-sessions' })
  kind!: CleanupJobKind;

  @ApiProperty({ enum: [true], example: true })
  dryRun!: true;

  @ApiProperty({ example: 42 })
  total!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Counts by the item’s status at selection',
    example: { closed: 40, open: 2 },
  })
  byStatus!: Record<string, number>;

  @ApiProperty({ type: [CleanupCandidateDto], description: 'The first items, in the order the job would clean them' })
  sample!: CleanupCandidateDto[];
}

class CleanupProgressDto implements CleanupProgress {
  @ApiProperty({ example: 42 })
  total!: number;

  @ApiProperty({ example: 10 })
  pending!: number;

  @ApiProperty({ example: 30 })
  done!: number;

  @ApiProperty({ example: 1 })
  failed!: number;

  @ApiProperty({ description: 'Nothing to do (already gone), or claimed by another job', example: 1 })
  skipped!: number;

  @ApiProperty({ example: 0 })
  cancelled!: number;

  @ApiProperty({ description: 'Settled items over all items, 0–100', example: 76.1 })
  percent!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Items settled per second in the current run', example: 12.5 })
  ratePerSecond!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Seconds until the pending items are settled; 0 when finished', example: 1 })
  etaSeconds!: number | null;
}

class CleanupItemErrorDto {
  @ApiProperty({ example: 'KC0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ nullable: true, type: ErrorRecordDto })
  error!: ErrorRecordDto | null;

  @ApiProperty({ nullable: true, type: Date })
  settledAt!: Date | null;
}

export class CleanupItemDto extends CleanupItemErrorDto implements CleanupItem {
  @ApiProperty({ example: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5' })
  jobId!: string;

  @ApiProperty({ enum: CLEANUP_ITEM_STATUSES, example: 'failed' })
  status!: CleanupItemStatus;

  @ApiProperty({ type: 'object', additionalProperties: true, example: SELECTED_DATA })
  data!: Record<string, unknown>;
}

export class CleanupItemListDto {
  @ApiProperty({ type: [CleanupItemDto] })
  items!: CleanupItemDto[];
}

/** A job with its progress and its first errors: the 202 answer of a start, and what polling reads. */
export class CleanupJobViewDto implements CleanupJobView {
  @ApiProperty({ example: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5' })
  id!: string;

  @ApiProperty({ enum: CLEANUP_KINDS, example: 'proxy-sessions' })
  kind!: CleanupJobKind;

  @ApiProperty({ enum: CLEANUP_JOB_STATUSES, example: 'running' })
  status!: CleanupJobStatus;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The selection as asked', example: { statuses: ['closed'] } })
  selection!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { markChannelInactive: true } })
  options!: Record<string, unknown>;

  @ApiProperty({ description: 'Who started it, by reference (`api-key:<id>`, `user:<id>`, `bootstrap`…)', example: 'user:usr_0a1b2c3d4e5f6071' })
  requestedBy!: string;

  @ApiProperty({ nullable: true, type: String, description: 'The schedule that started it, if one did' })
  scheduleId!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ nullable: true, type: Date })
  startedAt!: Date | null;

  @ApiProperty({ nullable: true, type: Date })
  finishedAt!: Date | null;

  @ApiProperty({ example: false })
  cancelRequested!: boolean;

  @ApiProperty({ nullable: true, type: ErrorRecordDto, description: 'Why the job failed as a whole' })
  error!: ErrorRecordDto | null;

  @ApiProperty({ nullable: true, type: Date, description: 'When the current run (the first, or a resume after a restart) began' })
  runStartedAt!: Date | null;

  @ApiProperty({ description: 'Items settled when the current run began: the rate’s base', example: 0 })
  settledAtRunStart!: number;

  @ApiProperty({ type: CleanupProgressDto })
  progress!: CleanupProgressDto;

  @ApiProperty({ type: [CleanupItemErrorDto], description: 'The first failed items with their errors (all of them: GET …/items?status=failed)' })
  errors!: CleanupItemErrorDto[];
}
