import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OutboundSmsResult } from '@flex-sms/domain';

type ProxySessionResult = NonNullable<OutboundSmsResult['proxySession']>;

class ReusedDto {
  @ApiProperty({ description: 'The customer’s active chat channel on this Flex Flow was reused', example: false })
  channel!: boolean;

  @ApiProperty({ description: 'The channel’s live Proxy Session was reused', example: false })
  session!: boolean;

  @ApiPropertyOptional({
    description: 'Conversations mode: the customer’s active conversation with the number (held by no task) was reused',
    example: false,
  })
  conversation?: boolean;
}

class ResultFlexFlowDto {
  @ApiProperty({ example: 'FO0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'Flex SMS To Task Flow +15550100001' })
  friendlyName!: string;

  @ApiProperty({ example: 'task', enum: ['task', 'studio'] })
  integrationType!: string;

  @ApiProperty({ example: false })
  enabled!: boolean;

  @ApiProperty({ example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;
}

export class ResultChannelDto {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;

  @ApiProperty({ description: 'The customer’s chat identity (their E.164 number)', example: '+14155550123' })
  identity!: string;

  @ApiProperty({ nullable: true, type: String, example: 'US0123456789abcdef0123456789abcdef' })
  userSid!: string | null;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateCreated!: string;
}

export class ResultProxySessionDto {
  @ApiProperty({ example: 'KC0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Flex names a conversation’s session after its channel',
    example: 'CH0123456789abcdef0123456789abcdef',
  })
  uniqueName!: string | null;

  @ApiProperty({ enum: ['open', 'in-progress', 'closed', 'failed', 'unknown'], example: 'open' })
  status!: ProxySessionResult['status'];

  @ApiProperty({ enum: ['message-only', 'voice-only', 'voice-and-message'], example: 'message-only' })
  mode!: ProxySessionResult['mode'];
}

class ResultConversationDto {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ description: 'The Conversation Service (the Flex chat service)', example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;

  @ApiProperty({ enum: ['active', 'inactive', 'closed'], example: 'active' })
  state!: 'active' | 'inactive' | 'closed';

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateCreated!: string;
}

class ResultInteractionDto {
  @ApiProperty({ description: 'The Flex Interaction', example: 'KD0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ description: 'Its Interaction Channel', example: 'UO0123456789abcdef0123456789abcdef' })
  channelSid!: string;
}

class ResultTaskDto {
  @ApiProperty({ example: 'WT0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'WS0123456789abcdef0123456789abcdef' })
  workspaceSid!: string | null;
}

export class ResultMessageDto {
  @ApiProperty({ example: 'IM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'Hi Ada, this is Grace from Acme.' })
  body!: string;

  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({ example: '2026-11-24T18:00:01.000Z' })
  dateCreated!: string;

  @ApiPropertyOptional({
    description: 'The message went out as this Content template; body is its filled-in text',
    example: 'HX0123456789abcdef0123456789abcdef',
  })
  contentSid?: string;
}

/** Swagger's picture of the domain's OutboundSmsResult (the 201 answer of both outbound flows). */
export class OutboundSmsResponseDto implements OutboundSmsResult {
  @ApiProperty({ description: 'The journal id of the request: GET /api/v1/outbound/{id}', example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  id!: string;

  @ApiProperty({ enum: ['succeeded'], example: 'succeeded' })
  status!: 'succeeded';

  @ApiProperty({
    enum: ['chat-proxy', 'conversations'],
    description:
      'How the number carries the conversation: Programmable Chat + Proxy, or Conversations + Flex Interactions (OUTBOUND_MODE, CONVERSATIONS_NUMBERS)',
    example: 'chat-proxy',
  })
  mode!: OutboundSmsResult['mode'];

  @ApiProperty({ type: ReusedDto })
  reused!: ReusedDto;

  @ApiProperty({ enum: ['sms', 'whatsapp'], description: 'The messaging channel the conversation is on', example: 'sms' })
  channelType!: OutboundSmsResult['channelType'];

  @ApiProperty({
    type: ResultFlexFlowDto,
    nullable: true,
    description: 'The number’s Flex Flow; null for a Conversations number without Flex Flows (its Address Configuration routes it)',
  })
  flexFlow!: ResultFlexFlowDto | null;

  @ApiProperty({ type: ResultChannelDto })
  channel!: ResultChannelDto;

  @ApiPropertyOptional({ type: ResultProxySessionDto, description: 'Chat + Proxy mode: the Proxy Session relaying the channel as SMS' })
  proxySession?: ResultProxySessionDto;

  @ApiPropertyOptional({
    type: ResultConversationDto,
    description: 'Conversations mode: the conversation the SMS went through (also given as `channel`)',
  })
  conversation?: ResultConversationDto;

  @ApiPropertyOptional({ type: ResultInteractionDto, description: 'Conversations mode, agent flow: the Flex Interaction that created the task' })
  interaction?: ResultInteractionDto;

  @ApiPropertyOptional({ type: ResultTaskDto, description: 'Agent flow: the task Flex created (or the reused channel’s task)' })
  task?: ResultTaskDto;

  @ApiPropertyOptional({ type: ResultMessageDto, description: 'The message posted to the conversation, relayed to the customer on the channel' })
  message?: ResultMessageDto;

  @ApiProperty({
    description: 'Work journaled to finish right after this answer (agent flow: writing proxySession into the channel attributes)',
    type: [String],
    example: ['channel-attributes'],
  })
  pendingSteps!: OutboundSmsResult['pendingSteps'];
}
