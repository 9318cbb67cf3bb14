import { Module } from '@nestjs/common';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { ProxyController } from './proxy.http.controller';
import { ProxySessionListQuery } from './proxy-session-list.query';
import { ProxySessionQueries } from './manage-proxy-sessions';

@Module({ imports: [OutboundSmsCoreModule], controllers: [ProxyController], providers: [ProxySessionListQuery, ProxySessionQueries] })
export class ProxyModule {}
