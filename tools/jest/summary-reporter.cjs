// Writes each jest run's counts to test-results/summary/<project>.json at the workspace root, so the test command
// can close with one line for the whole product ("N passed, N failed").
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'test-results', 'summary');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(path.join(__dirname, '..', '..'), this.rootDir).replace(/[\\/]/g, '_') || 'root';
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `jest-${name}.json`), JSON.stringify(counts));
  }
}

module.exports = SummaryReporter;
