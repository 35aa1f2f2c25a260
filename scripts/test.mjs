// `npm test`: the whole suite. Installs the browsers (Chromium, Firefox ESR, WebKit), Xvfb, libfaketime and
// redis-server when missing, type-checks, builds, then runs the Node tests and the browser tests at two instants
// of the suite's clock (test/clock.ts): today, and the last half hour of a month in UTC. At each instant Chromium
// runs first, on its own (two pages at a time keep both cores busy), then Firefox and WebKit side by side (one page
// at a time each; each alone leaves a third of the machine idle). It ends with one line `N passed, N failed` summed
// over every runner and every instant.
//
// `npm test -- --at 2028-02-29T12:00:00Z [--at …]` runs the tests at those instants instead (`today` is today at
// noon UTC); `npm test -- --calendar` at every instant of CALENDAR.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

/** A local port nothing listens on, for each test runner: two started side by side would both take wtr's 8000. */
const { freePort } = await tsImport('../test/ports.ts', import.meta.url);

/** The second instant of every run: a month's last half hour in UTC (late afternoon in New York), in February. */
const MONTH_END = '2027-02-28T23:30:00Z';

/** Instants that catch a suite depending on the day it runs (README, "Development"). */
const CALENDAR = [
  ['today', 'today at noon UTC'],
  ['2027-03-01T00:00:00Z', 'the first instant of a month, after a month of 28 days'],
  ['2027-01-31T23:30:00Z', 'the last half hour of a month of 31 days'],
  [MONTH_END, 'the last half hour of a month of 28 days'],
  ['2028-02-29T12:00:00Z', 'a leap day, the last day of a month of 29 days'],
  ['2027-04-30T23:30:00Z', 'the last half hour of a month of 30 days'],
  ['2027-07-01T03:30:00Z', 'the first of July in UTC, still June 30 in New York'],
  ['2027-05-10T12:00:00Z', 'the 10th'],
  ['2027-06-20T12:00:00Z', 'the 20th'],
  ['2027-03-14T07:00:00Z', 'New York springs forward (02:00 EST becomes 03:00 EDT)'],
  ['2027-11-07T06:00:00Z', 'New York falls back (02:00 EDT becomes 01:00 EST)'],
  ['2027-12-31T23:00:00Z', 'the last hour of a year in UTC'],
];

const { values: options } = parseArgs({ options: { at: { type: 'string', multiple: true }, calendar: { type: 'boolean' } } });
const instants = options.calendar ? CALENDAR.map(([at]) => at) : (options.at ?? ['today', MONTH_END]);

const results = '.test-results';
rmSync(results, { recursive: true, force: true });

const totals = { passed: 0, failed: 0 };
let broken = false;

/**
 * Runs a command and resolves to whether it succeeded. A run side by side with others (`held`) keeps its output and
 * prints it whole when it ends, so that two runs' lines never interleave.
 */
function run(label, command, args, env = {}, { held = false } = {}) {
  const started = Date.now();
  if (!held) console.log(`\n▶ ${label}`);
  const child = spawn(command, args, { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
  const output = [];
  if (held) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    let ended = false;
    const end = (ok, error) => {
      if (ended) return;
      ended = true;
      if (held) {
        console.log(`\n▶ ${label}`);
        process.stdout.write(Buffer.concat(output));
      }
      if (error) console.error(error.message);
      console.log(`◀ ${label}: ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(ok);
    };
    child.once('error', (error) => end(false, error));
    child.once('close', (code) => end(code === 0));
  });
}

async function step(label, command, args) {
  if (!(await run(label, command, args))) {
    console.error(`✖ ${label} failed`);
    totals.failed += 1;
    broken = true;
  }
}

/** Runs a test runner and adds what it counted (`file`, written by its count reporter) to `into`. */
async function counted(label, command, args, file, env, into, options) {
  rmSync(file, { force: true });
  const ok = await run(label, command, args, env, options);
  let { passed, failed } = { passed: 0, failed: 1 };
  if (existsSync(file)) {
    ({ passed, failed } = JSON.parse(readFileSync(file, 'utf8')));
    if (!ok && failed === 0) failed = 1; // the runner failed without a failing test: count it
  } else {
    console.error(`✖ ${label} reported no results`);
  }
  into.passed += passed;
  into.failed += failed;
  if (!ok) broken = true;
}

/** The browser tests in `browser` at the instant `env` sets, counted into `counts`. */
async function browserTests(browser, at, env, counts, options) {
  const args = ['run', '--silent', 'test:browser', '--', '--port', String(await freePort())];
  const label = `browser tests (${browser}) at ${at}`;
  await counted(label, 'npm', args, `${results}/wtr-${browser}.json`, { ...env, WTR_BROWSERS: browser }, counts, options);
}

await step("browsers, WebKit's driver, Xvfb, libfaketime and redis-server", 'sh', ['scripts/ensure-packages.sh']);
await step('typecheck, with the Lit template checker', 'npm', ['run', '--silent', 'typecheck']);
await step('lint (ESLint) and format (Prettier)', 'npm', ['run', '--silent', 'lint']);
await step('build', 'npm', ['run', '--silent', 'build']);
await step('custom-elements.json up to date', 'npm', ['run', '--silent', 'check:manifest']);
// The size target is reported, not counted as a test failure (README, "Size"). The critical path above its fixed
// ceiling, 25,600 B gzip, is a failure (`npm run size` exits 1 then).
if (!(await run('bundle size', 'npm', ['run', '--silent', 'size']))) {
  console.error('✖ the critical path is over its fixed ceiling (see above)');
  totals.failed += 1;
  broken = true;
}

const byInstant = [];
for (const at of instants) {
  // `today` leaves the instant to test/clock/runtime.mjs, which picks today at noon UTC.
  const env = at === 'today' ? {} : { CREDIT_BALANCE_TEST_NOW: at };
  const counts = { at, passed: 0, failed: 0 };
  // The end-to-end tests (framework builds, the packed package, edge runtimes) test how the parts fit, not the
  // calendar: they run at the first instant only; the companion's own tests at every one.
  const node = at === instants[0] ? 'test:node' : 'test:server';
  await counted(`node tests (${node}) at ${at}`, 'npm', ['run', '--silent', node], `${results}/node.json`, env, counts);
  await browserTests('chromium', at, env, counts);
  await Promise.all(['firefox', 'webkit'].map((browser) => browserTests(browser, at, env, counts, { held: true })));
  byInstant.push(counts);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
}

// The benchmark in its quick mode: it has to run, its timings are not asserted (npm run bench checks them).
await step('benchmark (quick)', 'npm', ['run', '--silent', 'bench', '--', '--quick']);

console.log('\nThe suite at each instant:');
for (const { at, passed, failed } of byInstant) console.log(`  at ${at}, ${passed} passed and ${failed} failed`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(broken || totals.failed ? 1 : 0);
