import { supersedes } from '../delivery/delivery-status';
import type { DeliveryLog, DeliveryReport, MessageDelivery, UnsettledMessage } from '../ports/delivery-log.port';

/** The reference behaviour of DeliveryLog (the API's is SQL): sends are added with `sent(…)`. */
export class InMemoryDeliveryLog implements DeliveryLog {
  readonly deliveries = new Map<string, MessageDelivery>();
  readonly history: DeliveryReport[] = [];
  private readonly sends: { message: UnsettledMessage; sentAt: Date; checkedAt: Date | null }[] = [];
  readonly held: { report: DeliveryReport; at: Date }[] = [];
  private leaseUntil = 0;

  sent(message: UnsettledMessage, sentAt: Date): void {
    this.sends.push({ message, sentAt, checkedAt: null });
  }

  async requestOfMessage(messageSid: string): Promise<string | null> {
    return this.sends.find((send) => send.message.messageSid === messageSid)?.message.requestId ?? null;
  }

  async hold(report: DeliveryReport, at: Date): Promise<void> {
    if (!this.held.some((kept) => kept.report.messageSid === report.messageSid && kept.report.status === report.status))
      this.held.push({ report, at });
  }

  async heldReports(query: { requestId?: string; limit: number }): Promise<{ requestId: string; report: DeliveryReport }[]> {
    const known = await Promise.all(this.held.map(async ({ report }) => ({ requestId: await this.requestOfMessage(report.messageSid), report })));
    return known
      .filter((kept): kept is { requestId: string; report: DeliveryReport } => kept.requestId !== null)
      .filter((kept) => query.requestId === undefined || kept.requestId === query.requestId)
      .sort((a, b) => a.report.reportedAt.getTime() - b.report.reportedAt.getTime())
      .slice(0, query.limit);
  }

  async releaseHeld(reports: readonly DeliveryReport[], heldBefore?: Date): Promise<void> {
    const released = (kept: { report: DeliveryReport; at: Date }) =>
      reports.some((report) => report.messageSid === kept.report.messageSid && report.status === kept.report.status) ||
      (heldBefore !== undefined && kept.at < heldBefore);
    for (let index = this.held.length - 1; index >= 0; index -= 1) if (released(this.held[index])) this.held.splice(index, 1);
  }

  async record(requestId: string, report: DeliveryReport): Promise<{ delivery: MessageDelivery; changed: boolean }> {
    if (!this.history.some((heard) => heard.messageSid === report.messageSid && heard.status === report.status)) this.history.push(report);
    const current = this.deliveries.get(report.messageSid);
    if (current && !supersedes(report.status, current.status)) return { delivery: current, changed: false };
    const { messageSid, channelMessageSid, status, errorCode, errorMessage, reportedAt } = report;
    const delivery = {
      requestId,
      messageSid,
      channelMessageSid: channelMessageSid ?? current?.channelMessageSid ?? null,
      status,
      errorCode,
      errorMessage,
      updatedAt: reportedAt,
    };
    this.deliveries.set(messageSid, delivery);
    return { delivery, changed: true };
  }

  async unsettled(query: { sentAfter: Date; sentBefore: Date; checkedBefore: Date; limit: number }): Promise<UnsettledMessage[]> {
    const open = (send: (typeof this.sends)[number]) =>
      ['accepted', 'queued', 'sent', undefined].includes(this.deliveries.get(send.message.messageSid)?.status);
    return this.sends
      .filter(
        (send) =>
          send.sentAt >= query.sentAfter &&
          send.sentAt <= query.sentBefore &&
          open(send) &&
          (!send.checkedAt || send.checkedAt <= query.checkedBefore),
      )
      .slice(0, query.limit)
      .map((send) => send.message);
  }

  async markChecked(message: UnsettledMessage, at: Date): Promise<void> {
    const send = this.sends.find((candidate) => candidate.message.messageSid === message.messageSid);
    if (send) send.checkedAt = at;
  }

  async claimReconciliationRun(now: Date, until: Date): Promise<boolean> {
    if (this.leaseUntil > now.getTime()) return false;
    this.leaseUntil = until.getTime();
    return true;
  }
}
