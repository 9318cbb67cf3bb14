import { ApiProperty } from '@nestjs/swagger';
import type { CustomerWindowView, OutboundChannel, OutboundMode, OutboundModeSource, SenderList, SenderMode } from '@flex-sms/domain';
import { IsString } from 'class-validator';
import { IsE164PhoneNumber } from '../common/validation/phone-number.validators';

export class SenderDto implements SenderMode {
  @ApiProperty({ description: 'The Twilio number, E.164', example: '+15550100003' })
  number!: string;

  @ApiProperty({ enum: ['chat-proxy', 'conversations'], description: 'How a send from it starts the conversation', example: 'conversations' })
  mode!: OutboundMode;

  @ApiProperty({
    enum: ['CONVERSATIONS_NUMBERS', 'OUTBOUND_MODE', 'address-configuration', 'flex-flow', 'default'],
    description: 'Where the mode came from: an override setting, or what the account holds for the number',
    example: 'address-configuration',
  })
  source!: OutboundModeSource;

  @ApiProperty({
    description: 'Why, naming the Address Configuration or Flex Flow found, or the setting',
    example:
      'Conversations Address Configuration IG0123456789abcdef0123456789abcdef (sms, auto-creation to Studio flow FW0123456789abcdef0123456789abcdef): Flex Conversations takes its messages',
  })
  reason!: string;

  @ApiProperty({ enum: ['sms', 'whatsapp'], isArray: true, description: 'The channels a send from it may take', example: ['sms', 'whatsapp'] })
  channels!: OutboundChannel[];
}

export class SenderListDto implements SenderList {
  @ApiProperty({ type: [SenderDto] })
  senders!: SenderDto[];
}

export class SenderParamsDto {
  @ApiProperty({ description: 'The sender, E.164 (the API writes whatsapp: before it)', example: '+15550100003' })
  @IsString()
  @IsE164PhoneNumber()
  from!: string;
}

export class CustomerWindowQueryDto {
  @ApiProperty({ description: 'The customer, E.164', example: '+14155550123' })
  @IsString()
  @IsE164PhoneNumber()
  to!: string;
}

export class CustomerWindowDto implements CustomerWindowView {
  @ApiProperty({ example: 'whatsapp:+15550100003' })
  sender!: string;

  @ApiProperty({ example: 'whatsapp:+14155550123' })
  customer!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the customer last wrote to the sender (from the inbound webhooks); null: never',
    example: '2026-12-05T18:14:00.000Z',
  })
  lastInboundAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Until when free text is allowed; null: never', example: '2026-12-06T18:14:00.000Z' })
  openUntil!: string | null;

  @ApiProperty({ description: 'Free text may be sent now; outside the window only an approved Content template may', example: true })
  open!: boolean;

  @ApiProperty({ description: 'The API’s clock when it answered', example: '2026-12-05T21:14:00.000Z' })
  checkedAt!: string;
}
