import type { TestingModuleBuilder } from '@nestjs/testing';
import type { TestApp } from '../testing/test-app';
import { CLEANUP_OPTIONS, DEFAULT_CLEANUP_OPTIONS, type CleanupOptions } from './cleanup.tokens';

/** Fast clean-up settings for tests: more workers, short backoff (the sandbox's Retry-After is 0 in these tests). */
export const FAST_CLEANUP: CleanupOptions = {
  ...DEFAULT_CLEANUP_OPTIONS,
  runner: { concurrency: 8, batchSize: 200, leaseMs: 30_000 },
  retryPolicy: { maxAttempts: 12, baseDelayMs: 2, maxDelayMs: 20, budgetMs: 20_000 },
  scheduleTickMs: 0,
};

export const withCleanupOptions =
  (options: Partial<CleanupOptions> = {}) =>
  (builder: TestingModuleBuilder) =>
    builder.overrideProvider(CLEANUP_OPTIONS).useValue({ ...FAST_CLEANUP, ...options });

export interface JobBody {
  id: string;
  status: string;
  progress: {
    total: number;
    done: number;
    failed: number;
    skipped: number;
    cancelled: number;
    pending: number;
    percent: number;
    ratePerSecond: number | null;
    etaSeconds: number | null;
  };
  errors: Array<{ sid: string; error: { code: string; message: string } }>;
}

/** Polls the job until it has finished (or `until` holds), within `timeoutMs`. */
export async function waitForJob(
  api: TestApp,
  jobId: string,
  until: (job: JobBody) => boolean = (job) => ['completed', 'cancelled', 'failed'].includes(job.status),
  timeoutMs = 25_000,
): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await api.http.get(`/api/v1/cleanup/jobs/${jobId}`).expect(200)).body as JobBody;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`Job ${jobId} did not get there in time: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every session of the sandbox's Proxy Service, through Twilio's API (as a person would check). */
export async function listSessionSids(api: TestApp, status?: string): Promise<string[]> {
  const sids: string[] = [];
  let url: string | null = `${api.sandbox.url}/proxy/v1/Services/${api.account.proxyServiceSid}/Sessions?PageSize=1000`;
  const auth = `Basic ${Buffer.from(`${api.sandbox.account.accountSid}:${api.sandbox.account.authToken}`).toString('base64')}`;
  while (url) {
    const page = (await (await fetch(url, { headers: { Authorization: auth } })).json()) as {
      sessions: Array<{ sid: string; status: string }>;
      meta: { next_page_url: string | null };
    };
    sids.push(...page.sessions.filter((session) => status === undefined || session.status === status).map((session) => session.sid));
    url = page.meta.next_page_url;
  }
  return sids;
}
