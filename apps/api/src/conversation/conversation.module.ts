import { Module } from '@nestjs/common';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { ConversationController } from './conversation.http.controller';
import { ConversationViewQuery } from './conversation-view.query';

/** Conversations mode's read side: a conversation's transcript. */
@Module({ imports: [OutboundSmsCoreModule], controllers: [ConversationController], providers: [ConversationViewQuery] })
export class ConversationModule {}
