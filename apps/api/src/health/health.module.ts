import { Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { OutboundModule } from '../outbound/outbound.module';
import { HealthController } from './health.controller';
import { HEALTH_CLOCK, ReadinessChecks } from './readiness';

// The outbound flows' sender directory: readiness reports the modes the sends decide by.
@Module({
  imports: [OutboundModule],
  controllers: [HealthController],
  providers: [ReadinessChecks, { provide: HEALTH_CLOCK, useValue: systemClock }],
})
export class HealthModule {}
