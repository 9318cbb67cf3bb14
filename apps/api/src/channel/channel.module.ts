import { Module } from '@nestjs/common';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { ChannelController } from './channel.http.controller';
import { ChannelViewQuery } from './channel-view.query';

@Module({ imports: [OutboundSmsCoreModule], controllers: [ChannelController], providers: [ChannelViewQuery] })
export class ChannelModule {}
