import { Module } from '@nestjs/common';
import {
  CompletePendingSteps,
  ContentTemplateCatalog,
  InitiateAgentSms,
  ResolveInFlight,
  SendSystemSms,
  createOutboundSmsDependencies,
  type CustomerWindowPort,
  type Journal,
  type OutboundSmsDependencies,
  type PairLock,
} from '@flex-sms/domain';
import { createTwilioPorts } from '@flex-sms/twilio-adapter';
import { AppConfig } from '../config/app-config';
import { CUSTOMER_WINDOW, CustomerWindowModule } from '../customer-window/customer-window.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { JOURNAL, JournalModule } from '../journal/journal.module';
import { RetryMetrics } from '../metrics/retry-metrics';
import { PAIR_LOCK, PairLockModule } from '../pair-lock/pair-lock.module';
import { TWILIO_CLIENT, TwilioAccount, TwilioClient } from '../twilio/twilio-account';
import { FollowUpScheduler } from './follow-up-scheduler';
import { InFlightRecovery } from './in-flight-recovery';
import { OUTBOUND_SMS_DEPENDENCIES, OUTBOUND_SMS_OPTIONS, OutboundSmsOptions } from './outbound-sms.tokens';

function outboundSmsDependencies(
  client: TwilioClient,
  account: TwilioAccount,
  journal: Journal,
  pairLock: PairLock,
  options: OutboundSmsOptions,
  followUps: FollowUpScheduler,
  config: AppConfig,
  retryMetrics: RetryMetrics,
  customerWindows: CustomerWindowPort,
): OutboundSmsDependencies {
  const ports = createTwilioPorts(client, { proxyServiceSid: account.proxyServiceSid, chatServiceSid: account.chatServiceSid });
  const deps = createOutboundSmsDependencies({
    ports,
    journal,
    pairLock,
    ...options,
    // From the configuration, not the tuning options: tests replace those, and must still get the mode they set
    // (and the metrics).
    outboundModes: config.outboundModes,
    customerWindows,
    retryObserver: retryMetrics,
    scheduleFollowUp: (requestId) => followUps.schedule(requestId),
  });
  const completePendingSteps = new CompletePendingSteps(deps);
  followUps.attach((requestId) => completePendingSteps.execute(requestId));
  return deps;
}

const useCase = <T>(UseCase: new (deps: OutboundSmsDependencies) => T) => ({
  provide: UseCase,
  useFactory: (deps: OutboundSmsDependencies) => new UseCase(deps),
  inject: [OUTBOUND_SMS_DEPENDENCIES],
});

/**
 * The domain's outbound SMS use cases on the Twilio adapter, the SQL journal and the database pair lock: wired here
 * once, shared by the outbound, Flex Flow, channel and proxy routes (one Flex Flow cache, one retry policy).
 */
@Module({
  imports: [JournalModule, PairLockModule, IdempotencyModule, CustomerWindowModule],
  providers: [
    {
      provide: OUTBOUND_SMS_OPTIONS,
      useFactory: (config: AppConfig): OutboundSmsOptions => ({ inFlightSettleMs: config.twilioRequestTimeoutMs }),
      inject: [AppConfig],
    },
    FollowUpScheduler,
    {
      provide: OUTBOUND_SMS_DEPENDENCIES,
      useFactory: outboundSmsDependencies,
      inject: [TWILIO_CLIENT, TwilioAccount, JOURNAL, PAIR_LOCK, OUTBOUND_SMS_OPTIONS, FollowUpScheduler, AppConfig, RetryMetrics, CUSTOMER_WINDOW],
    },
    // The one catalog: the sends check templates against the list GET /content-templates shows (one cache).
    { provide: ContentTemplateCatalog, useFactory: (deps: OutboundSmsDependencies) => deps.contentTemplates, inject: [OUTBOUND_SMS_DEPENDENCIES] },
    useCase(InitiateAgentSms),
    useCase(SendSystemSms),
    useCase(ResolveInFlight),
    InFlightRecovery,
  ],
  exports: [OUTBOUND_SMS_DEPENDENCIES, ContentTemplateCatalog, InitiateAgentSms, SendSystemSms, FollowUpScheduler, InFlightRecovery, JournalModule],
})
export class OutboundSmsCoreModule {}
