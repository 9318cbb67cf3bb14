import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { ConversationController } from './conversation.http.controller';
import { ConversationViewQuery } from './conversation-view.query';

/** Conversations mode's read side: a conversation's transcript. */
@Module({ imports: [JournalModule], controllers: [ConversationController], providers: [ConversationViewQuery] })
export class ConversationModule {}
