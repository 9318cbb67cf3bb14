import type { DestinationStream } from 'pino';

/** The API's log lines, kept in memory for a test to read (`createTestApp({ captureLogs: true })`). */
export class CapturedLogs implements DestinationStream {
  private readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  /** Every line so far, parsed: one JSON object a line is part of what is tested. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Every line so far, as written. */
  text(): string {
    return this.lines.join('');
  }

  clear(): void {
    this.lines.length = 0;
  }
}
