import type { ErrorRecord } from '../ports/journal.port';
import type { CleanupCandidate, CleanupCounts, CleanupItem, CleanupItemStatus, CleanupJob, CleanupJobStatus } from '../cleanup-jobs/cleanup-job';
import { FINISHED_JOB_STATUSES } from '../cleanup-jobs/cleanup-job';
import type { CleanupJobStore, NewCleanupJob } from '../ports/cleanup-job-store.port';

/** CleanupJobStore in memory: the reference behaviour (unit tests); the API's SQL store does the same. */
export class InMemoryCleanupJobStore implements CleanupJobStore {
  private readonly jobs = new Map<string, CleanupJob>();
  private readonly items = new Map<string, Map<string, CleanupItem>>();
  /** item SID → job holding the claim. */
  private readonly claims = new Map<string, string>();
  private readonly leases = new Map<string, { runnerId: string; until: number }>();
  private sequence = 0;

  async create(job: NewCleanupJob): Promise<CleanupJob> {
    const id = `job-${++this.sequence}`;
    const created: CleanupJob = {
      id,
      kind: job.kind,
      status: 'selecting',
      selection: structuredClone(job.selection),
      options: structuredClone(job.options),
      requestedBy: job.requestedBy,
      scheduleId: job.scheduleId ?? null,
      createdAt: job.createdAt,
      startedAt: null,
      finishedAt: null,
      cancelRequested: false,
      error: null,
      runStartedAt: null,
      settledAtRunStart: 0,
    };
    this.jobs.set(id, created);
    this.items.set(id, new Map());
    return structuredClone(created);
  }

  async get(jobId: string): Promise<CleanupJob | null> {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job) : null;
  }

  async list(limit: number): Promise<CleanupJob[]> {
    return [...this.jobs.values()]
      .reverse()
      .slice(0, limit)
      .map((job) => structuredClone(job));
  }

  async addItems(jobId: string, candidates: readonly CleanupCandidate[], at: Date): Promise<{ added: number; claimedElsewhere: number }> {
    const items = this.itemsOf(jobId);
    let added = 0;
    let claimedElsewhere = 0;
    for (const candidate of candidates) {
      if (items.has(candidate.sid)) continue;
      const holder = this.claims.get(candidate.sid);
      const taken = holder !== undefined && holder !== jobId;
      if (taken) claimedElsewhere++;
      else {
        this.claims.set(candidate.sid, jobId);
        added++;
      }
      items.set(candidate.sid, {
        jobId,
        sid: candidate.sid,
        status: taken ? 'skipped' : 'pending',
        data: structuredClone(candidate.data),
        error: taken ? { code: 'CLAIMED_BY_ANOTHER_JOB', message: `Job ${holder} is cleaning ${candidate.sid}`, details: { jobId: holder } } : null,
        settledAt: taken ? at : null,
      });
    }
    return { added, claimedElsewhere };
  }

  async pendingItems(jobId: string, limit: number): Promise<CleanupItem[]> {
    return [...this.itemsOf(jobId).values()]
      .filter((item) => item.status === 'pending')
      .slice(0, limit)
      .map((item) => structuredClone(item));
  }

  async settleItem(
    jobId: string,
    sid: string,
    outcome: { status: Exclude<CleanupItemStatus, 'pending'>; at: Date; error?: ErrorRecord },
  ): Promise<void> {
    const item = this.itemsOf(jobId).get(sid);
    if (!item || item.status !== 'pending') return;
    // The claim stays until the job finishes: a job selecting meanwhile still sees the item as this job's.
    Object.assign(item, { status: outcome.status, settledAt: outcome.at, error: outcome.error ?? null });
  }

  async counts(jobId: string): Promise<CleanupCounts> {
    const counts: CleanupCounts = { total: 0, pending: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 };
    for (const item of this.itemsOf(jobId).values()) {
      counts.total++;
      counts[item.status]++;
    }
    return counts;
  }

  async listItems(jobId: string, status: CleanupItemStatus, limit: number): Promise<CleanupItem[]> {
    return [...this.itemsOf(jobId).values()]
      .filter((item) => item.status === status)
      .slice(0, limit)
      .map((item) => structuredClone(item));
  }

  async markRunning(jobId: string): Promise<void> {
    const job = this.require(jobId);
    if (job.status === 'selecting') job.status = 'running';
  }

  async beginRun(jobId: string, at: Date): Promise<CleanupJob> {
    const job = this.require(jobId);
    const counts = await this.counts(jobId);
    job.startedAt ??= at;
    job.runStartedAt = at;
    job.settledAtRunStart = counts.total - counts.pending;
    return structuredClone(job);
  }

  async requestCancel(jobId: string): Promise<CleanupJob | null> {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (!FINISHED_JOB_STATUSES.includes(job.status)) job.cancelRequested = true;
    return structuredClone(job);
  }

  async finish(jobId: string, status: Extract<CleanupJobStatus, 'completed' | 'cancelled' | 'failed'>, at: Date, error?: ErrorRecord): Promise<void> {
    const job = this.require(jobId);
    if (FINISHED_JOB_STATUSES.includes(job.status)) return;
    for (const item of this.itemsOf(jobId).values()) {
      if (item.status === 'pending') Object.assign(item, { status: 'cancelled', settledAt: at });
    }
    for (const [sid, holder] of this.claims) if (holder === jobId) this.claims.delete(sid);
    Object.assign(job, { status, finishedAt: at, error: error ?? null });
    this.leases.delete(jobId);
  }

  async acquireLease(jobId: string, runnerId: string, until: Date, now: Date): Promise<boolean> {
    const lease = this.leases.get(jobId);
    if (lease && lease.runnerId !== runnerId && lease.until > now.getTime()) return false;
    this.leases.set(jobId, { runnerId, until: until.getTime() });
    return true;
  }

  async releaseLease(jobId: string, runnerId: string): Promise<void> {
    if (this.leases.get(jobId)?.runnerId === runnerId) this.leases.delete(jobId);
  }

  async listResumable(now: Date): Promise<CleanupJob[]> {
    return [...this.jobs.values()]
      .filter((job) => !FINISHED_JOB_STATUSES.includes(job.status))
      .filter((job) => (this.leases.get(job.id)?.until ?? 0) <= now.getTime())
      .map((job) => structuredClone(job));
  }

  private itemsOf(jobId: string): Map<string, CleanupItem> {
    const items = this.items.get(jobId);
    if (!items) throw new Error(`No clean-up job ${jobId}`);
    return items;
  }

  private require(jobId: string): CleanupJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`No clean-up job ${jobId}`);
    return job;
  }
}
