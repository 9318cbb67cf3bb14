import { Module } from '@nestjs/common';
import { ManageProxySessions } from './manage-proxy-sessions';
import { ProxyController } from './proxy.http.controller';

@Module({ controllers: [ProxyController], providers: [ManageProxySessions] })
export class ProxyModule {}
