import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OutboundSmsResult } from '@flex-sms/domain';

class ReusedDto {
  @ApiProperty({ description: 'The customer’s active chat channel on this Flex Flow was reused', example: false })
  channel!: boolean;

  @ApiProperty({ description: 'The channel’s live Proxy Session was reused', example: false })
  session!: boolean;
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

class ResultChannelDto {
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

class ResultProxySessionDto {
  @ApiProperty({ example: 'KC0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Flex names a conversation’s session after its channel', example: 'CH0123456789abcdef0123456789abcdef' })
  uniqueName!: string | null;

  @ApiProperty({ enum: ['open', 'in-progress', 'closed', 'failed', 'unknown'], example: 'open' })
  status!: OutboundSmsResult['proxySession']['status'];

  @ApiProperty({ enum: ['message-only', 'voice-only', 'voice-and-message'], example: 'message-only' })
  mode!: OutboundSmsResult['proxySession']['mode'];
}

class ResultTaskDto {
  @ApiProperty({ example: 'WT0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'WS0123456789abcdef0123456789abcdef' })
  workspaceSid!: string | null;
}

class ResultMessageDto {
  @ApiProperty({ example: 'IM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'Hi Ada, this is Grace from Acme.' })
  body!: string;

  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({ example: '2026-11-24T18:00:01.000Z' })
  dateCreated!: string;
}

/** Swagger's picture of the domain's OutboundSmsResult (the 201 answer of both outbound flows). */
export class OutboundSmsResponseDto implements OutboundSmsResult {
  @ApiProperty({ description: 'The journal id of the request: GET /api/v1/outbound/{id}', example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  id!: string;

  @ApiProperty({ enum: ['succeeded'], example: 'succeeded' })
  status!: 'succeeded';

  @ApiProperty({ type: ReusedDto })
  reused!: ReusedDto;

  @ApiProperty({ type: ResultFlexFlowDto })
  flexFlow!: ResultFlexFlowDto;

  @ApiProperty({ type: ResultChannelDto })
  channel!: ResultChannelDto;

  @ApiProperty({ type: ResultProxySessionDto })
  proxySession!: ResultProxySessionDto;

  @ApiPropertyOptional({ type: ResultTaskDto, description: 'Agent flow: the task Flex created (or the reused channel’s task)' })
  task?: ResultTaskDto;

  @ApiPropertyOptional({ type: ResultMessageDto, description: 'The message posted to the channel, relayed to the customer as SMS' })
  message?: ResultMessageDto;

  @ApiProperty({
    description: 'Work journaled to finish right after this answer (agent flow: writing proxySession into the channel attributes)',
    type: [String],
    example: ['channel-attributes'],
  })
  pendingSteps!: OutboundSmsResult['pendingSteps'];
}
