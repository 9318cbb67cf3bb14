// Adds the browser tests to the one-line summary that closes `npm test` (tools/scripts/test-summary.mjs reads
// test-results/summary/*.json at the workspace root, as the jest reporter writes them).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, Suite } from '@playwright/test/reporter';

const SUMMARY_DIR = path.join(__dirname, '..', '..', '..', '..', 'test-results', 'summary');

export default class SummaryReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  onEnd(): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'skipped') counts.skipped += 1;
      else if (outcome === 'unexpected') counts.failed += 1;
      else counts.passed += 1;
    }
    mkdirSync(SUMMARY_DIR, { recursive: true });
    writeFileSync(path.join(SUMMARY_DIR, 'playwright-admin.json'), JSON.stringify(counts));
  }

  printsToStdio(): boolean {
    return false;
  }
}
