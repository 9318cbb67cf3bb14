import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_SOURCES } from '@flex-sms/domain';
import { FieldErrorDto } from '../../common/error-response.dto';

export class OptOutDto {
  @ApiProperty({ example: '+14155550123' })
  recipient!: string;

  @ApiProperty({ example: '+15005550006', description: 'The Twilio number, whatsapp:+E164 sender or Messaging Service SID it applies to.' })
  scope!: string;

  @ApiProperty({ example: '2026-12-05T08:00:00.000Z', description: 'When the customer opted out (the first time, if said again since).' })
  since!: Date;

  @ApiProperty({ enum: CONSENT_SOURCES, example: 'inbound-keyword' })
  source!: string;

  @ApiProperty({ example: 'user:2f1c…', description: 'Who recorded it: `twilio` (a keyword or 21610), `user:<id>`, `api-key:<id>` or `bootstrap`.' })
  actor!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Customer texted STOP' })
  reason!: string | null;
}

export class OptOutPageDto {
  @ApiProperty({ type: [OptOutDto] })
  items!: OptOutDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty({ description: 'Matching opt-outs in all pages', example: 3 })
  total!: number;
}

export class ConsentAuditEntryDto {
  @ApiProperty({ example: 7 })
  id!: number;

  @ApiProperty({ example: '+14155550123' })
  recipient!: string;

  @ApiProperty({ example: '+15005550006' })
  scope!: string;

  @ApiProperty({ enum: ['opt-out', 'opt-in'], example: 'opt-out' })
  action!: 'opt-out' | 'opt-in';

  @ApiProperty({ enum: CONSENT_SOURCES, example: 'manual' })
  source!: string;

  @ApiProperty({ example: 'user:2f1c…' })
  actor!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ops',
    description: "The user's or API key's name (`twilio` for Twilio); null when deleted since.",
  })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Customer asked by phone' })
  reason!: string | null;

  @ApiProperty({ example: '2026-12-05T08:00:00.000Z' })
  at!: Date;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 3, description: 'The line of the CSV file (the header is line 1).' })
  row!: number;

  @ApiProperty({ type: [FieldErrorDto], description: 'Each bad field of the row (`csv`: where the file stopped being CSV).' })
  details!: FieldErrorDto[];
}

export class ConsentImportResultDto {
  @ApiProperty({
    example: 41,
    description: 'Rows recorded as opt-outs (an opt-out already on file keeps its date; the import is in its audit trail).',
  })
  imported!: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'Rows left out, each with its line and every bad field (at most 100 listed).' })
  errors!: ImportRowErrorDto[];

  @ApiProperty({ example: 1, description: 'All rows left out, also those beyond the listed errors.' })
  rejected!: number;

  @ApiProperty({
    example: true,
    description: 'False when the file stopped being CSV (the last error, field `csv`, says where): the rows before it are recorded, none after.',
  })
  complete!: boolean;
}
