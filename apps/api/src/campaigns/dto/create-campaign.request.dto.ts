import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { MAX_NAME_LENGTH, MAX_PACING_PER_SECOND, MAX_SMS_BODY_LENGTH, OUTBOUND_CHANNELS, type OutboundChannel } from '@flex-sms/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_JSON_RECIPIENTS = 1000;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/**
 * `senders=+1555…,+1555…` or `senders=…&senders=…` in a query string; an unencoded `+` arrives as a space, read as a
 * plus (as rawSenderOf does).
 */
const toList = ({ value }: { value: unknown }) => {
  const items: unknown = typeof value === 'string' ? value.split(',') : value;
  return Array.isArray(items) ? items.map((item: unknown) => (typeof item === 'string' ? item.replace(/^ (?=\d)/, '+').trim() : item)) : items;
};

/** What a campaign sends and how: shared by the JSON body and the CSV upload's query parameters. */
export class CampaignSettingsDto {
  @ApiProperty({ example: 'March appointment reminders', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({
    description: 'The SMS text; `{{name}}` and `{{<variable>}}` are filled in per recipient. Required unless contentSid is given.',
    example: 'Hi {{name}}, your appointment is on {{date}}. Reply to reschedule.',
    maxLength: MAX_SMS_BODY_LENGTH,
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  body?: string;

  @ApiPropertyOptional({
    enum: OUTBOUND_CHANNELS,
    default: 'sms',
    description:
      'sms or whatsapp. A WhatsApp campaign needs contentSid (400 naming it otherwise): it writes first, and outside the customer’s 24-hour window ' +
      'WhatsApp delivers only an approved template.',
  })
  @IsOptional()
  @IsIn(OUTBOUND_CHANNELS)
  channel?: OutboundChannel;

  @ApiPropertyOptional({
    description:
      'A Content template (GET /api/v1/content-templates) sent instead of the body, checked as a single send checks it; on WhatsApp it must be ' +
      'approved. Each recipient’s variables (JSON `variables`, CSV `variableColumns`) fill its placeholders; a recipient missing one is reported invalid.',
    example: 'HX0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('HX')
  contentSid?: string;

  @ApiProperty({
    description: 'Sender numbers (E.164), each with an enabled `sms` Studio Flex Flow. A recipient keeps the sender it had in an earlier campaign.',
    type: [String],
    example: ['+15550100001'],
  })
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsE164PhoneNumber({ each: true })
  senders!: string[];

  @ApiPropertyOptional({
    description: 'Messages per second per sender. Default by number kind: 1 (long code), 3 (US toll-free).',
    minimum: 0.01,
    maximum: MAX_PACING_PER_SECOND,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.01)
  @Max(MAX_PACING_PER_SECOND)
  pacingPerSecond?: number;

  @ApiPropertyOptional({
    description: 'Quiet hours: first local time (the recipient’s, from the number) a message may go out; the same as sendUntil = no quiet hours.',
    example: '08:00',
    default: '08:00',
  })
  @IsOptional()
  @IsString()
  @Matches(TIME_OF_DAY, { message: 'sendFrom must be a time of day, HH:MM (24-hour)' })
  sendFrom?: string;

  @ApiPropertyOptional({ description: 'Quiet hours: local time from which no message goes out until sendFrom.', example: '21:00', default: '21:00' })
  @IsOptional()
  @IsString()
  @Matches(TIME_OF_DAY, { message: 'sendUntil must be a time of day, HH:MM (24-hour)' })
  sendUntil?: string;

  @ApiPropertyOptional({ description: 'Start later (ISO 8601); now when left out.', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startAt?: string;

  @ApiPropertyOptional({
    enum: ['skip', 'send'],
    default: 'skip',
    description: 'A recipient an agent is talking with: leave out, or send (the single-send conflict rules then apply).',
  })
  @IsOptional()
  @IsIn(['skip', 'send'])
  inConversation?: 'skip' | 'send';

  @ApiPropertyOptional({
    description: 'Carrier-filtered messages (Twilio 30007) from one sender at which the campaign stops for review.',
    default: 10,
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  filteredStopThreshold?: number;

  @ApiPropertyOptional({ description: 'Report only: the campaign is kept as `dry_run` and never sends.', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
}

export class CampaignRecipientRequestDto {
  @ApiProperty({
    description: 'The customer’s number; any common spelling with a country code. Invalid ones are reported, not refused.',
    example: '+15558675310',
  })
  @IsString()
  @Length(0, 64)
  number!: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: MAX_NAME_LENGTH })
  @IsOptional()
  @IsString()
  @Length(0, MAX_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({
    description: 'Values of the body’s `{{variables}}`, or of the template’s placeholders (its ContentVariables).',
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_SMS_BODY_LENGTH },
    maxProperties: 50,
    example: { date: 'March 3' },
  })
  @IsOptional()
  @IsObject()
  @ValidateBy({
    name: 'isTextValues',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        Object.keys(value).length <= 50 &&
        Object.values(value).every((item) => typeof item === 'string' && item.length <= MAX_SMS_BODY_LENGTH),
      defaultMessage: () => `variables must map at most 50 names to texts of at most ${MAX_SMS_BODY_LENGTH} characters`,
    },
  })
  variables?: Record<string, string>;
}

/** `POST /api/v1/campaigns` with a JSON body. */
export class CreateCampaignRequestDto extends CampaignSettingsDto {
  @ApiProperty({
    type: [CampaignRecipientRequestDto],
    minItems: 1,
    maxItems: MAX_JSON_RECIPIENTS,
    description: `At most ${MAX_JSON_RECIPIENTS}; upload a CSV for more.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JSON_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => CampaignRecipientRequestDto)
  recipients!: CampaignRecipientRequestDto[];
}

/** `POST /api/v1/campaigns` with a `text/csv` body: the settings and the column mapping come in the query string. */
export class CreateCampaignCsvQueryDto extends CampaignSettingsDto {
  @ApiPropertyOptional({ description: 'The CSV column holding the number.', default: 'number' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  numberColumn?: string;

  @ApiPropertyOptional({ description: 'The CSV column holding the name.', default: 'name' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  nameColumn?: string;

  @ApiPropertyOptional({
    description:
      'Columns read as variables, comma-separated: `column` (the variable of the same name) or `column:variable` (a template’s `{{1}}` from column ' +
      '`date`: `date:1`); default every other column, each under its own name.',
    example: 'date,clinic',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  variableColumns?: string;
}

/**
 * The query string as documented: with a JSON body only `dryRun` is read there, so nothing is required; a CSV upload
 * needs `name`, `body` and `senders` (CreateCampaignCsvQueryDto checks them).
 */
export class CreateCampaignQueryDto extends PartialType(CreateCampaignCsvQueryDto) {}
