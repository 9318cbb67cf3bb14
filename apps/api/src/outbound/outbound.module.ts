import { Module } from '@nestjs/common';
import {
  CompletePendingSteps,
  FlexFlowDirectory,
  InitiateAgentSms,
  ResolveInFlight,
  SendSystemSms,
  TwilioRetrier,
  ContentTemplateCatalog,
  FindCustomerWindow,
  SenderModeDirectory,
  createOutboundSmsDependencies,
  type AddressConfigurationPort,
  type ContentPort,
  type CustomerWindowPort,
  type WorkspacePort,
  type ChatChannelPort,
  type ConversationPort,
  type InteractionPort,
  type Journal,
  type MessagePort,
  type OutboundSmsDependencies,
  type PairLock,
  type ProxySessionPort,
  type TaskPort,
} from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { ConsentRegisterModule } from '../consent/consent-register.module';
import { CUSTOMER_WINDOW, CustomerWindowModule } from '../customer-window/customer-window.module';
import { SqlConsentRegister } from '../consent/sql-consent-register';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { JOURNAL, JournalModule } from '../journal/journal.module';
import { PAIR_LOCK, PairLockModule } from '../pair-lock/pair-lock.module';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { FollowUpScheduler } from './follow-up-scheduler';
import { SystemCallbacksModule } from '../system-callbacks/system-callbacks.module';
import { OutboundHistoryController } from './history/outbound-history.http.controller';
import { InFlightRecovery } from './in-flight-recovery';
import { InitiateAgentSmsController } from './initiate-agent-sms/initiate-agent-sms.http.controller';
import { LegacyFunctionsController } from './original-functions/original-functions.http.controller';
import { OUTBOUND_SMS_DEPENDENCIES, OUTBOUND_SMS_OPTIONS, OutboundSmsOptions } from './outbound-sms.tokens';
import { SendSystemSmsController } from './send-system-sms/send-system-sms.http.controller';

function outboundSmsDependencies(
  chatChannels: ChatChannelPort,
  messages: MessagePort,
  proxySessions: ProxySessionPort,
  tasks: TaskPort,
  conversations: ConversationPort,
  interactions: InteractionPort,
  addressConfigurations: AddressConfigurationPort,
  workspaces: WorkspacePort,
  content: ContentPort,
  flexFlowDirectory: FlexFlowDirectory,
  retrier: TwilioRetrier,
  journal: Journal,
  pairLock: PairLock,
  options: OutboundSmsOptions,
  followUps: FollowUpScheduler,
  config: AppConfig,
  consent: SqlConsentRegister,
  customerWindows: CustomerWindowPort,
): OutboundSmsDependencies {
  const deps = createOutboundSmsDependencies({
    ports: { chatChannels, messages, proxySessions, tasks, conversations, interactions, addressConfigurations, workspaces, content },
    flexFlowDirectory,
    retrier,
    journal,
    pairLock,
    ...options,
    // From the configuration, not the tuning options: tests replace those, and must still get the mode they set.
    outboundModes: config.outboundModes,
    scheduleFollowUp: (requestId) => followUps.schedule(requestId),
    consent,
    customerWindows,
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
 * The outbound SMS routes (both flows, their history, the original Functions' drop-in paths) and the domain's use
 * cases behind them, on the Twilio ports, the SQL journal and the database pair lock; crash recovery and follow-up
 * work of answered requests.
 */
@Module({
  imports: [JournalModule, PairLockModule, IdempotencyModule, ConsentRegisterModule, SystemCallbacksModule, CustomerWindowModule],
  controllers: [InitiateAgentSmsController, SendSystemSmsController, OutboundHistoryController, LegacyFunctionsController],
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
      inject: [
        TWILIO_PORT.chatChannels,
        TWILIO_PORT.messages,
        TWILIO_PORT.proxySessions,
        TWILIO_PORT.tasks,
        TWILIO_PORT.conversations,
        TWILIO_PORT.interactions,
        TWILIO_PORT.addressConfigurations,
        TWILIO_PORT.workspaces,
        TWILIO_PORT.content,
        FlexFlowDirectory,
        TwilioRetrier,
        JOURNAL,
        PAIR_LOCK,
        OUTBOUND_SMS_OPTIONS,
        FollowUpScheduler,
        AppConfig,
        SqlConsentRegister,
        CUSTOMER_WINDOW,
      ],
    },
    // The one catalog: the sends check templates against the list GET /content-templates shows (one cache).
    { provide: ContentTemplateCatalog, useFactory: (deps: OutboundSmsDependencies) => deps.contentTemplates, inject: [OUTBOUND_SMS_DEPENDENCIES] },
    // The senders' modes and the customers' windows the console reads are the ones the sends decide by (one cache, one clock).
    { provide: SenderModeDirectory, useFactory: (deps: OutboundSmsDependencies) => deps.senderModes, inject: [OUTBOUND_SMS_DEPENDENCIES] },
    useCase(FindCustomerWindow),
    useCase(InitiateAgentSms),
    useCase(SendSystemSms),
    useCase(ResolveInFlight),
    InFlightRecovery,
    TwilioRetryAfterInterceptor,
  ],
  exports: [OUTBOUND_SMS_DEPENDENCIES, ContentTemplateCatalog, SenderModeDirectory, FindCustomerWindow, SendSystemSms, InFlightRecovery],
})
export class OutboundModule {}
