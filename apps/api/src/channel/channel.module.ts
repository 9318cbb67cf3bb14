import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { ChannelController } from './channel.http.controller';
import { ChannelViewQuery } from './channel-view.query';

@Module({ imports: [JournalModule], controllers: [ChannelController], providers: [ChannelViewQuery] })
export class ChannelModule {}
