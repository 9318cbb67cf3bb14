// The API's senders (GET /api/v1/senders) and a sender's WhatsApp window with a customer (GET …/{from}/window).
import type { Schema } from '../api/wire';

export type Sender = Schema<'SenderDto'>;
export type SenderChannel = Sender['channels'][number];
export type CustomerWindow = Schema<'CustomerWindowDto'>;

export const MODE_LABEL: Record<Sender['mode'], string> = { 'chat-proxy': 'Chat + Proxy', conversations: 'Flex Conversations' };
export const CHANNEL_LABEL: Record<SenderChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp' };
