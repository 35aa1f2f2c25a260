// A node:test reporter that counts passed and failed tests (not suites) and writes them to
// .test-results/node.json for scripts/test.mjs to sum.
import { mkdirSync, writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    const type = event.data?.details?.type;
    if (event.type === 'test:pass' && type !== 'suite') {
      if (event.data.skip || event.data.todo) totals.skipped += 1;
      else totals.passed += 1;
    }
    if (event.type === 'test:fail' && type !== 'suite') totals.failed += 1;
  }
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/node.json', JSON.stringify(totals));
  yield `node: ${totals.passed} passed, ${totals.failed} failed\n`;
}
