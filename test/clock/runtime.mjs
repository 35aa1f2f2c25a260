// The suite's clock in a JavaScript runtime (Node and Deno; see test/clock.ts): loaded before anything else with
// `node --import`, `NODE_OPTIONS`, `deno run --preload` or an import, it reads the run's instant from the
// environment, chooses it when the run has none (and writes it back, so that every child of this process reads
// the same clock), then moves `Date`.
const NOW = 'CREDIT_BALANCE_TEST_NOW';
const OFFSET = 'CREDIT_BALANCE_TEST_CLOCK_OFFSET_MS';

if (!globalThis.CREDIT_BALANCE_TEST_CLOCK) {
  const real = Date.now();
  const named = process.env[NOW];
  // Without an instant: today (UTC) at noon, so that no run crosses midnight in a zone the tests use (UTC−5 to UTC+9).
  const at = named ? Date.parse(named) : Math.floor(real / 86_400_000) * 86_400_000 + 43_200_000;
  if (Number.isNaN(at) || (named && !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(named))) {
    throw new Error(`${NOW}=${named} is not an instant: give a date, a time and a zone, as in 2028-02-29T12:00:00Z`);
  }
  const offsetMs = process.env[OFFSET] ? Number(process.env[OFFSET]) : at - real;
  process.env[NOW] = new Date(at).toISOString();
  process.env[OFFSET] = String(offsetMs);
  globalThis.CREDIT_BALANCE_TEST_CLOCK = { at, offsetMs };
  await import('./move-date.js');
}
