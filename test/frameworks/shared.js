// What every framework app shares: the demo customer it shows, its token sources, its strings, how it writes
// an event into the page, and a record of the page's problems (uncaught errors and rejections, console errors
// and warnings) that every engine can read, WebDriver included. Imported first by each app; safe on a server.
if (typeof window !== 'undefined') {
  const problems = [];
  window.problems = problems;
  addEventListener('error', (event) => problems.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => problems.push(`unhandled: ${event.reason}`));
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      problems.push(`${level}: ${args.map(String).join(' ')}`);
      original(...args);
    };
  }
}

/** The seeded demo customer. */
export const CUSTOMER = '7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c';

/** A threshold above this customer's balance: the low-balance event fires. */
export const LOW_BALANCE = '1000000000';

/** The `strings` property: the app's own title. */
export const STRINGS = { title: 'Your prepaid credits' };

const mint = async (customer) => {
  window.tokenRequests = (window.tokenRequests ?? 0) + 1;
  const response = await fetch('/api/credit-balance/token', { method: 'POST', body: JSON.stringify({ customer_id: customer }) });
  return response.json();
};

/** Mints tokens in app code, as frameworks that hold their own session do: the `tokenProvider` property. */
export const tokenProvider = () => mint(CUSTOMER);

/** The token source once the user has signed out: the endpoint refuses it, and the widget reports a token error. */
export const signedOut = () => mint('someone-signed-out');

/** An event as the apps write it into `#events`: `load:7`, `expiring:2`, `low:1`, `error:token`. */
export function entry(event) {
  const { detail } = event;
  const count = detail.code ?? (detail.credits ?? detail.totals).length;
  return `${event.type.replace('credit-balance-', '')}:${count}`;
}
