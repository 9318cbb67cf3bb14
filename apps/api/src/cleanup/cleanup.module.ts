import { randomUUID } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import {
  CleanUpConversations,
  CleanUpLongLivedChannels,
  CleanUpProxySessions,
  CleanupJobExecutor,
  CleanupJobRunner,
  ConversationCleanupHandler,
  LongLivedChannelCleanupHandler,
  ManageCleanupSchedules,
  ProxySessionCleanupHandler,
  TwilioRetrier,
  mathRandom,
  systemClock,
  type CleanupItemHandler,
  type CleanupItemOutcome,
  type CleanupJobContext,
  type CleanupJobKind,
  type CleanupJobStore,
  type CleanupScheduleStore,
  type ChatChannelPort,
  type ChatServicePort,
  type ConversationPort,
  type FlexFlowPort,
  type InteractionPort,
  type MessagePort,
  type ProxyServicePort,
  type ProxySessionPort,
  type WorkspacePort,
} from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { RetryMetrics } from '../metrics/retry-metrics';
import { TwilioAccount } from '../twilio/twilio-account';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { CleanupJobQuery } from './cleanup-job.query';
import { CleanupJobsController } from './cleanup-jobs.http.controller';
import { CleanupLifecycle } from './cleanup-lifecycle';
import { CleanupScheduleRunner } from './cleanup-schedule-runner';
import { CleanupSchedulesController } from './cleanup-schedules.http.controller';
import {
  CLEANUP_EXECUTOR,
  CLEANUP_JOB_CONTEXT,
  CLEANUP_JOB_STORE,
  CLEANUP_OPTIONS,
  CLEANUP_SCHEDULE_STORE,
  cleanupOptionsFor,
  type CleanupOptions,
} from './cleanup.tokens';
import { SqlCleanupJobStore } from './sql-cleanup-job-store';
import { SqlCleanupScheduleStore } from './sql-cleanup-schedule-store';

const logger = new Logger('Cleanup');
const clockOf = (options: CleanupOptions) => options.clock ?? systemClock;
/** A job outlasts any request, so its Twilio calls retry with the clean-up policy, not the requests' one. */
const retrierOf = (options: CleanupOptions, retries: RetryMetrics) => new TwilioRetrier(clockOf(options), mathRandom, options.retryPolicy, retries);

function proxySessionHandler(
  proxyService: ProxyServicePort,
  proxySessions: ProxySessionPort,
  chatChannels: ChatChannelPort,
  account: TwilioAccount,
  options: CleanupOptions,
  retries: RetryMetrics,
) {
  return new ProxySessionCleanupHandler({
    proxyService,
    proxySessions,
    chatChannels,
    retrier: retrierOf(options, retries),
    clock: clockOf(options),
    chatServiceSid: account.chatServiceSid,
    pageSize: options.pageSize,
  });
}

function longLivedChannelHandler(
  flexFlows: FlexFlowPort,
  chatServices: ChatServicePort,
  chatChannels: ChatChannelPort,
  messages: MessagePort,
  options: CleanupOptions,
  retries: RetryMetrics,
) {
  return new LongLivedChannelCleanupHandler({
    flexFlows,
    chatServices,
    chatChannels,
    messages,
    retrier: retrierOf(options, retries),
    clock: clockOf(options),
    pageSize: options.pageSize,
  });
}

function conversationHandler(
  conversations: ConversationPort,
  interactions: InteractionPort,
  workspaces: WorkspacePort,
  options: CleanupOptions,
  retries: RetryMetrics,
) {
  // Conversations lists at most 100 per page.
  return new ConversationCleanupHandler({
    conversations,
    interactions,
    workspaces,
    retrier: retrierOf(options, retries),
    clock: clockOf(options),
    pageSize: Math.min(options.pageSize, 100),
  });
}

/** A handler whose processed items are counted (cleanup_job_items_total), by kind and outcome. */
function counted(handler: CleanupItemHandler, metrics: Metrics): CleanupItemHandler {
  const count = (outcome: CleanupItemOutcome | 'failed') => metrics.cleanupJobItems.inc({ kind: handler.kind, outcome });
  return {
    kind: handler.kind,
    select: (job) => handler.select(job),
    async process(item, job) {
      try {
        const outcome = await handler.process(item, job);
        count(outcome);
        return outcome;
      } catch (error) {
        count('failed');
        throw error;
      }
    },
  };
}

function executor(
  store: CleanupJobStore,
  proxy: ProxySessionCleanupHandler,
  longLived: LongLivedChannelCleanupHandler,
  conversations: ConversationCleanupHandler,
  options: CleanupOptions,
  metrics: Metrics,
) {
  const handlers = new Map<CleanupJobKind, CleanupItemHandler>(
    [proxy, longLived, conversations].map((handler) => [handler.kind, counted(handler, metrics)]),
  );
  // One runner id per process: its lease tells other API instances the job is in hand.
  const runner = new CleanupJobRunner(store, handlers, clockOf(options), `api-${randomUUID()}`, options.runner);
  const onError = (jobId: string, error: unknown) => logger.error(`Clean-up job ${jobId} stopped unexpectedly: ${String(error)}`);
  const jobs = new CleanupJobExecutor(runner, store, clockOf(options), onError);
  metrics.cleanupJobsRunning.readFrom(() => jobs.runningCount());
  return jobs;
}

/** Clean-up jobs (Proxy sessions, long-lived channels, conversations) and their schedules, under `/api/v1/cleanup`. */
@Module({
  controllers: [CleanupJobsController, CleanupSchedulesController],
  providers: [
    { provide: CLEANUP_OPTIONS, useFactory: cleanupOptionsFor, inject: [AppConfig] },
    { provide: CLEANUP_JOB_STORE, useClass: SqlCleanupJobStore },
    { provide: CLEANUP_SCHEDULE_STORE, useClass: SqlCleanupScheduleStore },
    {
      provide: ProxySessionCleanupHandler,
      useFactory: proxySessionHandler,
      inject: [TWILIO_PORT.proxyService, TWILIO_PORT.proxySessions, TWILIO_PORT.chatChannels, TwilioAccount, CLEANUP_OPTIONS, RetryMetrics],
    },
    {
      provide: LongLivedChannelCleanupHandler,
      useFactory: longLivedChannelHandler,
      inject: [TWILIO_PORT.flexFlows, TWILIO_PORT.chatServices, TWILIO_PORT.chatChannels, TWILIO_PORT.messages, CLEANUP_OPTIONS, RetryMetrics],
    },
    {
      provide: ConversationCleanupHandler,
      useFactory: conversationHandler,
      inject: [TWILIO_PORT.conversations, TWILIO_PORT.interactions, TWILIO_PORT.workspaces, CLEANUP_OPTIONS, RetryMetrics],
    },
    {
      provide: CLEANUP_EXECUTOR,
      useFactory: executor,
      inject: [CLEANUP_JOB_STORE, ProxySessionCleanupHandler, LongLivedChannelCleanupHandler, ConversationCleanupHandler, CLEANUP_OPTIONS, Metrics],
    },
    {
      provide: CLEANUP_JOB_CONTEXT,
      useFactory: (store: CleanupJobStore, launcher: CleanupJobExecutor, options: CleanupOptions): CleanupJobContext => ({
        store,
        launcher,
        clock: clockOf(options),
      }),
      inject: [CLEANUP_JOB_STORE, CLEANUP_EXECUTOR, CLEANUP_OPTIONS],
    },
    {
      provide: CleanUpProxySessions,
      useFactory: (handler: ProxySessionCleanupHandler, context: CleanupJobContext) => new CleanUpProxySessions(handler, context),
      inject: [ProxySessionCleanupHandler, CLEANUP_JOB_CONTEXT],
    },
    {
      provide: CleanUpLongLivedChannels,
      useFactory: (handler: LongLivedChannelCleanupHandler, context: CleanupJobContext) => new CleanUpLongLivedChannels(handler, context),
      inject: [LongLivedChannelCleanupHandler, CLEANUP_JOB_CONTEXT],
    },
    {
      provide: CleanUpConversations,
      useFactory: (handler: ConversationCleanupHandler, context: CleanupJobContext) => new CleanUpConversations(handler, context),
      inject: [ConversationCleanupHandler, CLEANUP_JOB_CONTEXT],
    },
    {
      provide: ManageCleanupSchedules,
      useFactory: (store: CleanupScheduleStore, options: CleanupOptions) => new ManageCleanupSchedules(store, clockOf(options)),
      inject: [CLEANUP_SCHEDULE_STORE, CLEANUP_OPTIONS],
    },
    CleanupJobQuery,
    CleanupScheduleRunner,
    CleanupLifecycle,
  ],
  exports: [CLEANUP_EXECUTOR, CleanupScheduleRunner],
})
export class CleanupModule {}
