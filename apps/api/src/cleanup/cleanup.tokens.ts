import type { CleanupRunnerOptions, Clock, RetryPolicy } from '@flex-sms/domain';
import { DEFAULT_CLEANUP_CONCURRENCY, type AppConfig } from '../config/app-config';

export const CLEANUP_JOB_STORE = Symbol('CLEANUP_JOB_STORE');
export const CLEANUP_SCHEDULE_STORE = Symbol('CLEANUP_SCHEDULE_STORE');
export const CLEANUP_EXECUTOR = Symbol('CLEANUP_EXECUTOR');
export const CLEANUP_JOB_CONTEXT = Symbol('CLEANUP_JOB_CONTEXT');

/** Tuning of clean-up jobs; tests override it (CLEANUP_OPTIONS) for speed. */
export const CLEANUP_OPTIONS = Symbol('CLEANUP_OPTIONS');

export interface CleanupOptions {
  runner: CleanupRunnerOptions;
  /**
   * A job outlasts any single request, so it retries longer than the outbound flows do: a burst of 429s slows it
   * down instead of failing items.
   */
  retryPolicy: RetryPolicy;
  /** Twilio list page size while selecting. */
  pageSize: number;
  /** How often due schedules are looked for (and jobs a crashed instance left behind are resumed); 0 turns the timer off. */
  scheduleTickMs: number;
  clock?: Clock;
}

export const DEFAULT_CLEANUP_OPTIONS: CleanupOptions = {
  runner: { concurrency: DEFAULT_CLEANUP_CONCURRENCY, batchSize: 100, leaseMs: 60_000 },
  retryPolicy: { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 8_000, budgetMs: 120_000 },
  pageSize: 1000,
  scheduleTickMs: 60_000,
};

/** The defaults with the concurrency configured by CLEANUP_CONCURRENCY. */
export function cleanupOptionsFor(config: AppConfig): CleanupOptions {
  return { ...DEFAULT_CLEANUP_OPTIONS, runner: { ...DEFAULT_CLEANUP_OPTIONS.runner, concurrency: config.cleanupConcurrency } };
}
