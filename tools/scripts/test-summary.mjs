// Closes the test command with one line over every runner's results: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const dir = join(root, 'test-results', 'summary');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const counts = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
