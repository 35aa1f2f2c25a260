import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Counts leaf tests of a session's results (suites nest). */
function count(results, totals) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const suite of results.suites ?? []) count(suite, totals);
}

/**
 * A web-test-runner reporter that writes `{ passed, failed, skipped }` to `file` when the run ends,
 * for `scripts/test.mjs` to sum. A test file that failed to load counts as one failure.
 */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (session.errors?.length && !session.testResults?.tests?.length && !session.testResults?.suites?.length) {
          totals.failed += 1;
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
      process.once('exit', () => console.log(`wtr: ${totals.passed} passed, ${totals.failed} failed`));
    },
  };
}
