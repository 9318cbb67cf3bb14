import { Body, Controller, HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiForbiddenResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TwilioWebhook } from '../auth/twilio-signature.guard';
import { TWILIO_WEBHOOK_PATHS } from './public-url';
import { TwilioWebhooks } from './twilio-webhooks.service';

const SIGNED =
  'Called by Twilio only: signed with X-Twilio-Signature (the account auth token over PUBLIC_BASE_URL + this path and the form fields); a missing or wrong signature is refused with 403 and nothing is recorded. A 5xx answer makes Twilio send it again (the registered URL asks for `#rc=3&rp=5xx,ct,rt`).';

/**
 * A route Twilio calls with a form: signature-verified, answered 204, documented with the form Twilio sends and the
 * 403 a caller without Twilio's signature gets.
 */
function TwilioWebhookRoute(path: string, doc: { summary: string; description: string; example: Record<string, string>; recorded: string }) {
  return applyDecorators(
    Post(path),
    HttpCode(204),
    TwilioWebhook(),
    ApiOperation({ summary: doc.summary, description: `${doc.description} ${SIGNED}` }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' }, example: doc.example } }),
    ApiNoContentResponse({ description: doc.recorded }),
    ApiForbiddenResponse({ description: 'INVALID_TWILIO_SIGNATURE' }),
  );
}

/** The routes Twilio calls with what happened after it accepted a message. Registered by the API itself (DeliveryCallbacks). */
@ApiTags('Twilio webhooks')
@Controller()
export class TwilioWebhooksController {
  constructor(private readonly webhooks: TwilioWebhooks) {}

  @TwilioWebhookRoute(TWILIO_WEBHOOK_PATHS.conversations, {
    summary: 'Conversations post-event webhook: onDeliveryUpdated, onMessageAdded',
    description: `The Conversation Service's post-event webhook. onDeliveryUpdated moves the delivery status of the request whose message it names; onMessageAdded from a customer's address is published as an inbound message (consent, the WhatsApp window).`,
    example: {
      EventType: 'onDeliveryUpdated',
      MessageSid: 'IM0123456789abcdef0123456789abcdef',
      ChannelMessageSid: 'SM0123456789abcdef0123456789abcdef',
      Status: 'undelivered',
      ErrorCode: '30007',
    },
    recorded: 'Recorded (or nothing to record: another integration’s message)',
  })
  async conversations(@Body() body: Record<string, unknown>): Promise<void> {
    await this.webhooks.conversationsEvent(body ?? {});
  }

  @TwilioWebhookRoute(TWILIO_WEBHOOK_PATHS.proxy, {
    summary: 'Proxy Service callback: interactions',
    description: `The Proxy Service's CallbackUrl, called for each interaction and each change of its outbound resource's status. A chat message relayed as SMS moves the delivery status of its request; a customer's SMS is published as an inbound message.`,
    example: {
      interactionSid: 'KI0123456789abcdef0123456789abcdef',
      inboundResourceType: 'Chat',
      inboundResourceSid: 'IM0123456789abcdef0123456789abcdef',
      outboundResourceType: 'Message',
      outboundResourceSid: 'SM0123456789abcdef0123456789abcdef',
      outboundResourceStatus: 'delivered',
    },
    recorded: 'Recorded (or nothing to record)',
  })
  async proxy(@Body() body: Record<string, unknown>): Promise<void> {
    await this.webhooks.proxyInteraction(body ?? {});
  }

  @TwilioWebhookRoute(TWILIO_WEBHOOK_PATHS.messages, {
    summary: "Message StatusCallback: a Messages API send's status",
    description: `The StatusCallback of a message sent through the Messages API (API 2010): moves the delivery status of the request whose message it is.`,
    example: { MessageSid: 'SM0123456789abcdef0123456789abcdef', MessageStatus: 'undelivered', ErrorCode: '30003' },
    recorded: 'Recorded (or nothing to record)',
  })
  async messages(@Body() body: Record<string, unknown>): Promise<void> {
    await this.webhooks.messageStatus(body ?? {});
  }
}
