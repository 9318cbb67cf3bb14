import { ApiProperty } from '@nestjs/swagger';
import { ATTEMPT_OUTCOMES, AttemptOutcome, SYSTEM_CALLBACK_STATUSES, SystemCallbackStatus } from '../system-callback';

class SystemCallbackAttemptDto {
  @ApiProperty({ example: 1, minimum: 1 })
  attempt!: number;

  @ApiProperty({ example: '2026-11-24T18:00:01.000Z' })
  startedAt!: string;

  @ApiProperty({ example: 84, description: 'How long the receiver took to answer (or the attempt to fail)' })
  durationMs!: number;

  @ApiProperty({ nullable: true, type: Number, example: 500, description: 'The receiver’s HTTP status; null when it did not answer' })
  statusCode!: number | null;

  @ApiProperty({ enum: ATTEMPT_OUTCOMES, description: 'delivered; retry: failed, tried again later; failed: given up (final)' })
  outcome!: AttemptOutcome;

  @ApiProperty({ nullable: true, type: String, example: 'fetch failed: connect ECONNREFUSED 203.0.113.7:443' })
  error!: string | null;
}

class SystemCallbackDto {
  @ApiProperty({ example: 'evt_6f1d2c3b4a5e6f708192a3b4', description: 'Also the X-Flex-Sms-Event-Id header of every attempt' })
  id!: string;

  @ApiProperty({ example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  requestId!: string;

  @ApiProperty({ enum: ['request.state', 'delivery'] })
  event!: string;

  @ApiProperty({
    example: 'https://crm.example.com/flex-sms/callbacks',
    description: 'Hidden (empty) from a sender-restricted key for another caller’s request',
  })
  url!: string;

  @ApiProperty({ enum: SYSTEM_CALLBACK_STATUSES })
  status!: SystemCallbackStatus;

  @ApiProperty({ example: 3 })
  attempts!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-11-24T18:00:17.000Z',
    description: 'When the next attempt is due; null once delivered or given up',
  })
  nextAttemptAt!: string | null;

  @ApiProperty({ example: '2026-11-24T18:00:00.900Z' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T18:00:21.100Z' })
  settledAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500' })
  lastError!: string | null;

  @ApiProperty({ type: [SystemCallbackAttemptDto] })
  attemptLog!: SystemCallbackAttemptDto[];
}

export class SystemCallbackListDto {
  @ApiProperty({ type: [SystemCallbackDto], description: 'Oldest first' })
  items!: SystemCallbackDto[];
}
