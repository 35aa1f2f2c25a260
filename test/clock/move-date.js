// Moves this realm's `Date` to the suite's clock (test/clock.ts): pinned to `at` (`pinned: true`, the test pages),
// or running from the real time plus `offsetMs` (Node, Deno and workerd, so that every process of a run reads the
// same instant). A plain script with no import or export, so that one file serves as a page's classic script
// (web-test-runner, puppeteer) and as a module in Node, Deno and workerd. It reads
// `globalThis.CREDIT_BALANCE_TEST_CLOCK = { at, pinned } | { at, offsetMs }`, set before it runs.
(() => {
  const clock = globalThis.CREDIT_BALANCE_TEST_CLOCK;
  const Real = globalThis.Date;
  if (!clock || Real.movedBySuiteClock) return;
  const now = clock.pinned ? () => clock.at : () => Real.now() + clock.offsetMs;
  // A function, not a subclass: `Date()` without `new` must still answer a string, as it does.
  const MovedDate = function (...args) {
    if (!new.target) return new Real(now()).toString();
    return args.length ? new Real(...args) : new Real(now());
  };
  Object.setPrototypeOf(MovedDate, Real); // Date.UTC, Date.parse
  MovedDate.prototype = Real.prototype; // instanceof Date
  MovedDate.now = now;
  MovedDate.movedBySuiteClock = true;
  globalThis.Date = MovedDate;
})();
