/**
 * The suite's one clock. A test whose result depends on the date reads `TEST_NOW`, never the wall clock, and the
 * mock Metronome lays its data out around the same instant, so the data, the widget and the expectations agree on
 * every day of the year.
 *
 * `CREDIT_BALANCE_TEST_NOW` (an ISO 8601 instant with its zone) runs the whole suite as if it were that instant;
 * without it, a run's instant is today at 12:00 UTC. Every runtime of a run reads it as "now":
 * - the test pages (web-test-runner's, and the end-to-end tests' in Chromium and Firefox): `Date` pinned to it;
 * - Node, Deno and workerd: `Date` moved by one offset that the whole run shares (`test/clock/runtime.mjs`), so
 *   that time still passes for token lifetimes, rate limits and timeouts;
 * - the Python host: the same offset, read from the environment;
 * - WebKit in the end-to-end tests: libfaketime, since WebDriver classic cannot run a script before a page's own.
 * Redis keeps its own clock: its rate limits measure only time elapsed.
 */

declare global {
  /** Set by `test/clock/runtime.mjs` in a runtime, and by the page before anything else in a test page. */
  var CREDIT_BALANCE_TEST_CLOCK: { at: number; pinned?: boolean; offsetMs?: number } | undefined;
}

const clock = globalThis.CREDIT_BALANCE_TEST_CLOCK;
if (!clock) throw new Error('The suite clock is not set: run the tests with npm test, npm run test:node or npm run test:browser.');

/** The instant the run is at, as the mock and the tests see it. */
export const TEST_NOW = new Date(clock.at);
