// Records each jest run's counts in $TEST_RESULTS_DIR so scripts/test.sh can print
// one closing line for all projects ("N passed, N failed").
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    writeFileSync(
      join(dir, `${process.pid}-${Date.now()}.json`),
      JSON.stringify({ passed, failed, skipped }),
    );
  }
}

module.exports = SummaryReporter;
