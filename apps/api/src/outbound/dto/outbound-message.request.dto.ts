import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_CONTENT_VARIABLES, OUTBOUND_CHANNELS, type OutboundChannel } from '@flex-sms/domain';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { OutboundPartiesRequestDto } from './outbound-parties.request.dto';

/** The channel and the Content template fields of both outbound flows (the drop-in routes stay SMS text only). */
export class OutboundMessageRequestDto extends OutboundPartiesRequestDto {
  @ApiPropertyOptional({
    enum: OUTBOUND_CHANNELS,
    description:
      'sms (default) or whatsapp. WhatsApp needs a number in Flex Conversations mode (a whatsapp Address Configuration; a Chat + Proxy number answers 422 ' +
      'CHANNEL_NOT_SUPPORTED). Free text to WhatsApp goes only inside the customer’s 24-hour window (else 422 WHATSAPP_TEMPLATE_REQUIRED): send contentSid then.',
  })
  @IsOptional()
  @IsIn(OUTBOUND_CHANNELS)
  channel?: OutboundChannel;

  @ApiPropertyOptional({
    description:
      'A Content template (GET /api/v1/content-templates) sent instead of the text; on WhatsApp it must be approved. The first message goes out as it.',
    example: 'HX0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('HX')
  contentSid?: string;

  @ApiPropertyOptional({
    description: `The template’s placeholders by name, every one filled and no other (at most ${MAX_CONTENT_VARIABLES}; values up to Twilio’s 255 characters). Needs contentSid.`,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 1: 'Ada', 2: 'Tuesday 3 pm' },
  })
  @IsOptional()
  @IsObject()
  contentVariables?: Record<string, string>;
}
