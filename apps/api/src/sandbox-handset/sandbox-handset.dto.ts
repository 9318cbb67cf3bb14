import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SMS_BODY_LENGTH } from '@flex-sms/domain';
import type { InboundSmsOutcome } from '@flex-sms/twilio-sandbox';
import { IsString, Length, Matches } from 'class-validator';
import { NOT_BLANK } from '../outbound/dto/outbound-parties.request.dto';
import { IsE164PhoneNumber, IsMessagingAddress } from '../common/validation/phone-number.validators';

/** The customer's handset is named by its phone number (E.164) in the path: `/sandbox/handset/%2B14155550123`. */
export class HandsetParamsDto {
  @IsE164PhoneNumber()
  number!: string;
}

/**
 * `POST /api/v1/sandbox/handset/{number}/replies`: the customer texts one of the account's numbers, or writes to one of
 * its WhatsApp senders over WhatsApp.
 */
export class HandsetReplyRequestDto {
  @ApiProperty({
    description:
      'The account’s number the customer texts (E.164), or its WhatsApp sender they write to (`whatsapp:+1…`): usually the one that wrote to them.',
    example: '+15550100002',
  })
  @IsMessagingAddress()
  to!: string;

  @ApiProperty({ description: 'The message text.', example: 'Yes, Thursday works for me.', minLength: 1, maxLength: MAX_SMS_BODY_LENGTH })
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

class HandsetSummaryDto {
  @ApiProperty({ description: 'The customer’s number', example: '+14155550123' })
  number!: string;

  @ApiProperty({ description: 'SMS in the thread, both ways', example: 3 })
  messages!: number;

  @ApiProperty({ description: 'SMS the handset received (sent by the account)', example: 2 })
  received!: number;

  @ApiProperty({ description: 'SMS the handset sent to the account', example: 1 })
  sent!: number;

  @ApiProperty({ description: 'The account’s numbers this handset opted out of (it texted STOP to them)', example: [] })
  optedOutOf!: string[];

  @ApiProperty({
    required: false,
    description: 'What the sandbox’s carrier does with SMS to this handset, when a test set it (`/_sandbox/handset/{number}/fate`)',
    example: { outcome: 'undelivered', errorCode: 30003, delayMs: null },
  })
  fate?: { outcome: 'delivered' | 'undelivered' | 'carrier-filtered'; errorCode: number | null; delayMs: number | null };
}

export class HandsetListDto {
  @ApiProperty({
    description: 'The sandbox account’s own numbers: a customer can text these',
    example: ['+15550100001', '+15550100002', '+15550100003'],
  })
  accountNumbers!: string[];

  @ApiProperty({
    description: 'The sandbox account’s WhatsApp senders: a customer can write to these over WhatsApp',
    example: ['whatsapp:+15550100003'],
  })
  whatsappSenders!: string[];

  @ApiProperty({ type: [HandsetSummaryDto], description: 'Every customer number that has sent or received an SMS' })
  handsets!: HandsetSummaryDto[];
}

class HandsetMessageDto {
  @ApiProperty({ example: 'SM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({
    enum: ['received', 'sent'],
    description: 'As the handset sees it: `received` came from the account, `sent` went to it',
    example: 'received',
  })
  direction!: 'received' | 'sent';

  @ApiProperty({
    enum: ['sms', 'whatsapp'],
    description: 'The app it shows in: SMS, or WhatsApp (its addresses then read `whatsapp:+1…`)',
    example: 'sms',
  })
  channel!: 'sms' | 'whatsapp';

  @ApiProperty({ example: '+15550100002' })
  from!: string;

  @ApiProperty({ example: '+14155550123' })
  to!: string;

  @ApiProperty({
    description: 'As the phone shows it: a Content template’s text filled in, its quick-reply buttons on the last line (`[Confirm] [Reschedule]`)',
    example: 'Your order #1042 has shipped.',
  })
  body!: string;

  @ApiProperty({
    enum: ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'received'],
    description: 'Twilio’s status of the message',
    example: 'delivered',
  })
  status!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Twilio’s error code of a failed or undelivered message (63016: WhatsApp free text outside the 24-hour window)',
    example: null,
  })
  errorCode!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T18:00:01.000Z' })
  dateCreated!: string | null;
}

export class HandsetThreadDto {
  @ApiProperty({ example: '+14155550123' })
  number!: string;

  @ApiProperty({ type: [HandsetMessageDto], description: 'The thread, SMS and WhatsApp, oldest first' })
  messages!: HandsetMessageDto[];
}

/** What became of the customer's SMS: which route took it, and what it created or reached there. */
export class HandsetReplyResponseDto implements InboundSmsOutcome {
  @ApiProperty({ description: 'The inbound SMS', example: 'SM0123456789abcdef0123456789abcdef' })
  messageSid!: string;

  @ApiProperty({
    enum: ['proxy-session', 'conversation', 'address-configuration', 'flex-flow', 'unrouted'],
    description:
      'What took the SMS: an open Proxy Session (into its chat channel), a Conversation (one binding the pair, or one the ' +
      'number’s Address Configuration created), the number’s Flex Flow, or nothing',
    example: 'proxy-session',
  })
  route!: InboundSmsOutcome['route'];

  @ApiPropertyOptional({ description: 'proxy-session, flex-flow: the Proxy Session', example: 'KC0123456789abcdef0123456789abcdef' })
  sessionSid?: string;

  @ApiPropertyOptional({ description: 'proxy-session, flex-flow: the chat channel', example: 'CH0123456789abcdef0123456789abcdef' })
  channelSid?: string;

  @ApiPropertyOptional({ description: 'The message posted to the chat channel', example: 'IM0123456789abcdef0123456789abcdef' })
  chatMessageSid?: string;

  @ApiPropertyOptional({ description: 'A Studio flow execution the message started', example: 'FN0123456789abcdef0123456789abcdef' })
  executionSid?: string;

  @ApiPropertyOptional({ description: 'A task the message created (Task Flex Flow)', example: 'WT0123456789abcdef0123456789abcdef' })
  taskSid?: string;

  @ApiPropertyOptional({ description: 'flex-flow: the Flex Flow that took it', example: 'FO0123456789abcdef0123456789abcdef' })
  flexFlowSid?: string;

  @ApiPropertyOptional({ description: 'conversation, address-configuration: its conversation', example: 'CH0123456789abcdef0123456789abcdef' })
  conversationSid?: string;

  @ApiPropertyOptional({ description: 'The message posted to the conversation', example: 'IM0123456789abcdef0123456789abcdef' })
  conversationMessageSid?: string;
}
