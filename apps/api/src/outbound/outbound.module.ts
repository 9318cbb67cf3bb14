import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OutboundHistoryController } from './history/outbound-history.http.controller';
import { InitiateAgentSmsController } from './initiate-agent-sms/initiate-agent-sms.http.controller';
import { LegacyFunctionsController } from './original-functions/original-functions.http.controller';
import { OutboundSmsCoreModule } from './outbound-sms-core.module';
import { SendSystemSmsController } from './send-system-sms/send-system-sms.http.controller';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';

/** The outbound SMS routes: both flows, their history, and the original Functions' drop-in paths. */
@Module({
  imports: [OutboundSmsCoreModule, IdempotencyModule],
  controllers: [InitiateAgentSmsController, SendSystemSmsController, OutboundHistoryController, LegacyFunctionsController],
  providers: [TwilioRetryAfterInterceptor],
})
export class OutboundModule {}
