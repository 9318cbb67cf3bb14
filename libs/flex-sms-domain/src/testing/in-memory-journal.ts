import type { ConsentRegisterPort } from '../ports/consent-register.port';
import type {
  BegunRequest,
  ConsentQuestion,
  FollowUp,
  Journal,
  JournalEntry,
  NewPendingStep,
  OutboundRequestRecord,
  PendingStepName,
  RequestOutcome,
  StepRecord,
  ErrorRecord,
  UnwrittenRecords,
} from '../ports/journal.port';

/**
 * The Journal port in memory: the reference behaviour the SQL journal must match. Entries are deep-copied in and
 * out, as a database would, so a test cannot pass by mutating what it read.
 */
export class InMemoryJournal implements Journal {
  private readonly entries = new Map<string, JournalEntry>();
  private sequence = 0;

  /** `consent`: the register `beginAskingConsent` asks (none: nobody opted out), as the SQL journal asks its table. */
  constructor(private readonly consent?: ConsentRegisterPort) {}

  async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    return this.begun(request, startedAt);
  }

  async beginAskingConsent(request: OutboundRequestRecord, startedAt: Date, question: ConsentQuestion): Promise<BegunRequest> {
    const id = this.begun(request, startedAt);
    return { id, optOut: (await this.consent?.optOutOf(question.recipient, question.scope)) ?? null };
  }

  private begun(request: OutboundRequestRecord, startedAt: Date): string {
    const id = `req_${String(++this.sequence).padStart(6, '0')}`;
    this.entries.set(id, {
      ...structuredClone(request),
      id,
      status: 'in_flight',
      startedAt,
      finishedAt: null,
      steps: [],
      pendingSteps: [],
      undone: [],
      result: null,
      error: null,
    });
    return id;
  }

  async recordStep(requestId: string, step: StepRecord): Promise<void> {
    this.entry(requestId).steps.push(structuredClone(step));
  }

  async recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    this.entry(requestId).steps.push(...steps.map((step) => structuredClone(step)));
  }

  async recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    const claimed = steps[steps.length - 1];
    const sid = claimed.sids[sidKey];
    const known = [...this.entries.values()].some(
      (entry) => entry.id !== requestId && entry.steps.some((step) => step.name === claimed.name && step.sids[sidKey] === sid),
    );
    const outcome: 'created' | 'reused' = known ? 'reused' : 'created';
    this.entry(requestId).steps.push(...[...steps.slice(0, -1), { ...claimed, outcome }].map((step) => structuredClone(step)));
    return outcome;
  }

  async settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps: readonly StepRecord[] = [],
  ): Promise<void> {
    const entry = this.entry(requestId);
    const step = entry.pendingSteps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`No pending step ${name} on ${requestId}`);
    entry.steps.push(...steps.map((recorded) => structuredClone(recorded)));
    step.attempts += 1;
    step.status = outcome.status;
    step.settledAt = outcome.at;
    step.error = outcome.error ? structuredClone(outcome.error) : undefined;
  }

  async finish(requestId: string, outcome: RequestOutcome, unwritten: UnwrittenRecords = {}): Promise<void> {
    const entry = this.entry(requestId);
    entry.steps.push(...(unwritten.steps ?? []).map((step) => structuredClone(step)));
    entry.pendingSteps.push(
      ...(unwritten.pendingSteps ?? []).map((step: NewPendingStep) => ({ ...structuredClone(step), status: 'pending' as const, attempts: 0 })),
    );
    entry.status = outcome.status;
    entry.finishedAt = outcome.finishedAt;
    entry.result = outcome.result ? structuredClone(outcome.result) : null;
    entry.error = outcome.error ? structuredClone(outcome.error) : null;
    entry.undone = structuredClone(outcome.undone ?? []);
  }

  async get(requestId: string): Promise<JournalEntry | null> {
    const entry = this.entries.get(requestId);
    return entry ? structuredClone(entry) : null;
  }

  async followUpOf(requestId: string): Promise<FollowUp | null> {
    const entry = this.entries.get(requestId);
    return entry ? structuredClone({ fromNumber: entry.fromNumber, toNumber: entry.toNumber, pendingSteps: entry.pendingSteps }) : null;
  }

  async succeededRequestUsing(sid: string, exceptRequestId: string): Promise<string | null> {
    const user = [...this.entries.values()].find(
      (entry) =>
        entry.id !== exceptRequestId &&
        entry.status === 'succeeded' &&
        entry.steps.some((step) => step.sids.channelSid === sid || step.sids.conversationSid === sid),
    );
    return user?.id ?? null;
  }

  async recentChannelsOfPair(fromNumber: string, toNumber: string, limit: number): Promise<string[]> {
    const channels: string[] = [];
    const newestFirst = [...this.entries.values()].filter((entry) => entry.fromNumber === fromNumber && entry.toNumber === toNumber).reverse();
    for (const entry of newestFirst) {
      for (const step of entry.steps) {
        const sid = step.name === 'channel' ? step.sids.channelSid : undefined;
        if (sid && !channels.includes(sid)) channels.push(sid);
      }
    }
    return channels.slice(0, limit);
  }

  async listUnresolved(): Promise<JournalEntry[]> {
    return [...this.entries.values()]
      .filter((entry) => entry.status === 'in_flight' || entry.pendingSteps.some((step) => step.status === 'pending'))
      .map((entry) => structuredClone(entry));
  }

  /** Every entry, oldest first (tests). */
  all(): JournalEntry[] {
    return [...this.entries.values()].map((entry) => structuredClone(entry));
  }

  private entry(requestId: string): JournalEntry {
    const entry = this.entries.get(requestId);
    if (!entry) throw new Error(`No journal entry ${requestId}`);
    return entry;
  }
}
