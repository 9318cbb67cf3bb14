import { ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, OUTBOUND_REQUEST_KINDS, OUTBOUND_REQUEST_STATUSES, type DeliveryStatus } from '@flex-sms/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.query.dto';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';

/** In a query string an unencoded `+` arrives as a space: `?number=+1415…` means `+1415…`. */
const plusFromSpace = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/^ (?=\d)/, '+') : value);

/** `GET /api/v1/outbound` filters, and the paging every list shares. */
export class OutboundHistoryQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: OUTBOUND_REQUEST_STATUSES, example: 'rolled_back' })
  @IsOptional()
  @IsIn(OUTBOUND_REQUEST_STATUSES)
  status?: (typeof OUTBOUND_REQUEST_STATUSES)[number];

  @ApiPropertyOptional({
    enum: OUTBOUND_REQUEST_KINDS,
    description: 'agent_sms: POST /outbound/task; system_sms: POST /outbound/message',
    example: 'agent_sms',
  })
  @IsOptional()
  @IsIn(OUTBOUND_REQUEST_KINDS)
  kind?: (typeof OUTBOUND_REQUEST_KINDS)[number];

  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    description: "The delivery status of the request's first message (`accepted`: Twilio has reported nothing more yet)",
    example: 'undelivered',
  })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  delivery?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'E.164; either side of the conversation (the Twilio number or the customer)', example: '+14155550123' })
  @IsOptional()
  @Transform(plusFromSpace)
  @IsE164PhoneNumber()
  number?: string;

  @ApiPropertyOptional({
    description: 'Who made the request: `api-key:<id>`, `user:<id>` or `bootstrap`',
    example: 'user:usr_0a1b2c3d4e5f60718293a4b5',
  })
  @IsOptional()
  @Matches(/^(bootstrap|api-key:[\w-]{1,64}|user:[\w-]{1,64})$/, { message: 'caller must be api-key:<id>, user:<id> or bootstrap' })
  caller?: string;

  @ApiPropertyOptional({ description: 'Requests started at or after this instant (ISO 8601)', example: '2026-11-24T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'Requests started before this instant (ISO 8601)', example: '2026-11-25T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
