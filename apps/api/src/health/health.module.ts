import { Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { HealthController } from './health.controller';
import { HEALTH_CLOCK, ReadinessChecks } from './readiness';

@Module({ controllers: [HealthController], providers: [ReadinessChecks, { provide: HEALTH_CLOCK, useValue: systemClock }] })
export class HealthModule {}
