import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import type { OutboundSmsResult } from '@flex-sms/domain';
import { ResultChannelDto, ResultMessageDto, ResultProxySessionDto } from '../dto/outbound-sms.response.dto';

/** The v1 answer's channel, with what the Functions added from the SDK's Flex channel. */
class LegacyChatChannelDto extends PickType(ResultChannelDto, ['identity', 'sid', 'userSid', 'dateCreated'] as const) {
  @ApiProperty({ example: 'AC0123456789abcdef0123456789abcdef' })
  accountSid!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'FO0123456789abcdef0123456789abcdef',
    description: 'Null for a Conversations number without Flex Flows',
  })
  flexFlowSid!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'WT0123456789abcdef0123456789abcdef' })
  taskSid!: string | null;

  @ApiProperty({ example: 'https://flex-api.twilio.com/v1/Channels/CH0123456789abcdef0123456789abcdef' })
  url!: string;
}

class LegacyProxySessionDto extends PickType(ResultProxySessionDto, ['sid', 'uniqueName', 'status', 'mode'] as const) {
  @ApiProperty({ example: 'AC0123456789abcdef0123456789abcdef' })
  accountSid!: string;

  @ApiProperty({ example: 'KS0123456789abcdef0123456789abcdef' })
  serviceSid!: string;

  @ApiProperty({ example: 'https://proxy.twilio.com/v1/Services/KS0123456789abcdef0123456789abcdef/Sessions/KC0123456789abcdef0123456789abcdef' })
  url!: string;
}

class LegacyChatMessageDto extends PickType(ResultMessageDto, ['sid', 'body', 'index', 'dateCreated'] as const) {
  @ApiProperty({ example: 'AC0123456789abcdef0123456789abcdef' })
  accountSid!: string;

  @ApiProperty({ example: 'IS0123456789abcdef0123456789abcdef' })
  serviceSid!: string;

  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  channelSid!: string;

  @ApiProperty({ example: 'system' })
  from!: string;

  @ApiProperty({
    example:
      'https://chat.twilio.com/v2/Services/IS0123456789abcdef0123456789abcdef/Channels/CH0123456789abcdef0123456789abcdef/Messages/IM0123456789abcdef0123456789abcdef',
  })
  url!: string;
}

/**
 * The original Functions' answer: the created Flex channel (with the chat `identity`), the Proxy Session and the chat
 * message, named as the Twilio SDK names them. Fields the Functions copied from SDK objects that this API does not
 * read back from Twilio (links, dateUpdated…) are left out.
 */
export class LegacyOutboundSmsResponseDto {
  @ApiProperty({ type: LegacyChatChannelDto })
  chatChannel!: LegacyChatChannelDto;

  @ApiPropertyOptional({ type: LegacyProxySessionDto, description: 'Absent for a number in Flex Conversations mode (no Proxy)' })
  proxySession?: LegacyProxySessionDto;

  @ApiPropertyOptional({ type: LegacyChatMessageDto, description: 'Present when a message was sent' })
  chatMessage?: LegacyChatMessageDto;
}

export interface LegacyAccountSids {
  accountSid: string;
  /** Set whenever a result has a Proxy session (chat-proxy mode needs the service). */
  proxyServiceSid: string | null;
}

export function toLegacyResponse(result: OutboundSmsResult, account: LegacyAccountSids): LegacyOutboundSmsResponseDto {
  const { channel, proxySession, message } = result;
  return {
    chatChannel: {
      identity: channel.identity,
      accountSid: account.accountSid,
      flexFlowSid: result.flexFlow?.sid ?? null,
      sid: channel.sid,
      userSid: channel.userSid,
      taskSid: result.task?.sid ?? null,
      url: `https://flex-api.twilio.com/v1/Channels/${channel.sid}`,
      dateCreated: channel.dateCreated,
    },
    ...(proxySession && account.proxyServiceSid
      ? {
          proxySession: {
            sid: proxySession.sid,
            accountSid: account.accountSid,
            serviceSid: account.proxyServiceSid,
            uniqueName: proxySession.uniqueName,
            status: proxySession.status,
            mode: proxySession.mode,
            url: `https://proxy.twilio.com/v1/Services/${account.proxyServiceSid}/Sessions/${proxySession.sid}`,
          },
        }
      : {}),
    ...(message
      ? {
          chatMessage: {
            sid: message.sid,
            accountSid: account.accountSid,
            serviceSid: channel.chatServiceSid,
            channelSid: channel.sid,
            from: 'system',
            body: message.body,
            index: message.index,
            dateCreated: message.dateCreated,
            url: `https://chat.twilio.com/v2/Services/${channel.chatServiceSid}/Channels/${channel.sid}/Messages/${message.sid}`,
          },
        }
      : {}),
  };
}
