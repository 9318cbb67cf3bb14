import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

class CheckDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ required: false, example: 'answered HTTP 401 (Twilio error 20003)' })
  reason?: string;
}

class DeliveryTrackingDto {
  @ApiProperty({
    enum: ['on', 'off'],
    description: 'Whether Twilio calls this API back with delivery statuses; off, reconciliation alone settles them',
  })
  callbacks!: 'on' | 'off';

  @ApiProperty({
    required: false,
    description: 'Why callbacks are off',
    example: 'PUBLIC_BASE_URL is not set, so Twilio cannot call this API back: …',
  })
  reason?: string;
}

class TwilioCheckDto extends CheckDto {
  @ApiProperty({ enum: ['sandbox', 'twilio'], description: 'The embedded Twilio sandbox, or real Twilio.' })
  mode!: 'sandbox' | 'twilio';

  @ApiProperty({
    enum: ['chat-proxy', 'conversations', 'mixed'],
    description:
      'How the numbers start outbound conversations: Chat + Proxy, Conversations + Flex Interactions, or some of each (OUTBOUND_MODE and CONVERSATIONS_NUMBERS; with OUTBOUND_MODE unset, as found per number from the account).',
  })
  outboundMode!: 'chat-proxy' | 'conversations' | 'mixed';

  @ApiProperty({ enum: ['settings', 'detected'], description: 'From OUTBOUND_MODE (settings), or found per number from the account (detected)' })
  outboundModeSource!: 'settings' | 'detected';

  @ApiProperty({
    description:
      'What decided it: the settings as set, or each mode with its numbers and what was found for them (GET /api/v1/senders has each number’s reason)',
    example:
      'detected per number: +15550100001, +15550100002 chat-proxy (Flex Flow); +15550100003 conversations (Conversations Address Configuration)',
  })
  outboundModeDetail!: string;

  @ApiProperty({ type: DeliveryTrackingDto })
  delivery!: DeliveryTrackingDto;
}

class ReadinessChecksDto {
  @ApiProperty({ type: CheckDto })
  database!: CheckDto;

  @ApiProperty({ type: TwilioCheckDto })
  twilio!: TwilioCheckDto;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ type: ReadinessChecksDto })
  checks!: ReadinessChecksDto;
}
