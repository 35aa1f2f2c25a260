// `npm test`: the whole suite. Installs the browsers (Chromium, Firefox ESR, WebKit), Xvfb and redis-server when missing, type-checks, builds, runs the Node tests
// and the browser tests, and ends with one line `N passed, N failed` summed over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });

const totals = { passed: 0, failed: 0 };
let broken = false;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  if (!run(label, command, args)) {
    console.error(`✖ ${label} failed`);
    totals.failed += 1;
    broken = true;
  }
}

function counted(label, command, args, file, env) {
  const ok = run(label, command, args, env);
  if (existsSync(file)) {
    const { passed, failed } = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += passed;
    totals.failed += failed;
    if (!ok && failed === 0) totals.failed += 1; // the runner failed without a failing test: count it
  } else {
    console.error(`✖ ${label} reported no results`);
    totals.failed += 1;
  }
  if (!ok) broken = true;
}

step('browsers, WebKit\'s driver, Xvfb and redis-server', 'sh', ['scripts/ensure-packages.sh']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('build', 'npm', ['run', '--silent', 'build']);
step('custom-elements.json up to date', 'npm', ['run', '--silent', 'check:manifest']);
// The size budget is reported, not counted as a test failure: where the budget and the features the issues
// name collide, the features stay and the figure is reported (README, "Size"). The critical path growing past
// its ceiling, the measured size, is a failure (`npm run size` exits 1 then).
if (!run('bundle size', 'npm', ['run', '--silent', 'size'])) {
  console.error('✖ the critical path grew past its ceiling (see above)');
  totals.failed += 1;
  broken = true;
}
counted('node tests', 'npm', ['run', '--silent', 'test:node'], `${results}/node.json`);
for (const browser of ['chromium', 'firefox', 'webkit']) {
  counted(`browser tests (${browser})`, 'npm', ['run', '--silent', 'test:browser'], `${results}/wtr-${browser}.json`, {
    WTR_BROWSERS: browser,
  });
}

// The benchmark in its quick mode: it has to run, its timings are not asserted (npm run bench checks them).
step('benchmark (quick)', 'npm', ['run', '--silent', 'bench', '--', '--quick']);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(broken || totals.failed ? 1 : 0);
