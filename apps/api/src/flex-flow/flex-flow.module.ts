import { Module } from '@nestjs/common';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { FlexFlowController } from './flex-flow.http.controller';

@Module({ imports: [OutboundSmsCoreModule], controllers: [FlexFlowController] })
export class FlexFlowModule {}
