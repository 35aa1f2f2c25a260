import { fixture, oneEvent } from '@open-wc/testing';
import type { Fault, LoggedRequest, Scenario } from '../demo/mock/metronome.js';
import { CreditBalanceError } from '../src/lib/api/errors.js';
import type { HttpDeps } from '../src/lib/api/http.js';

export { CUSTOMERS } from '../demo/mock/fixtures.js';

/** The mock Metronome served by the test runner on this page's origin. */
export const MOCK = '/mock';
export const TOKEN_URL = `${MOCK}/token`;

/** A customer of the test's own, with its own data, faults and request log. Returns its id. */
export async function scenario(spec: Scenario = {}): Promise<string> {
  const response = await fetch(`${MOCK}/__scenarios`, { method: 'POST', body: JSON.stringify(spec) });
  return ((await response.json()) as { id: string }).id;
}

/** Faults for the scenario's next requests, after it has started. */
export async function injectFaults(id: string, faults: Fault[]): Promise<void> {
  await fetch(`${MOCK}/__scenarios/${encodeURIComponent(id)}/faults`, { method: 'POST', body: JSON.stringify(faults) });
}

/** What the mock received for a scenario, in order. */
export async function requestLog(id: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${MOCK}/__scenarios/${encodeURIComponent(id)}/log`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

export const routes = (log: LoggedRequest[], route: Fault['route']) => log.filter((r) => r.route === route);

/** Real fetch against the mock; sleeps are recorded and skipped, so backoff is checked without waiting. */
export function realHttp(): HttpDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

/** A token response from the mock's token endpoint for `customerId`. */
export async function mockToken(customerId: string): Promise<{ token: string }> {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({ customer_id: customerId }) });
  return (await response.json()) as { token: string };
}

/** The widget's first load or error event, whichever comes. */
export const settled = (el: Element) => Promise.race([oneEvent(el, 'credit-balance-load'), oneEvent(el, 'credit-balance-error')]);

/** Puts `el` in the page (removed after the test) and resolves with its first load or error event. */
export async function mountSettled(el: Element): Promise<Event> {
  const outcome = settled(el);
  await fixture(el);
  return outcome;
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The elements of a widget (or of an element inside its shadow root) with a part. */
export const parts = (root: Element, name: string) =>
  [...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const part = (root: Element, name: string) => parts(root, name)[0] ?? null;

/** Text as a person reads it: white space folded, no-break spaces as spaces. */
export const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The card of the credit with this name. */
export const creditNamed = (root: Element, name: string) =>
  parts(root, 'credit').find((c) => text(c.querySelector('[part~="credit-name"]')) === name)!;

/** The CreditBalanceError a promise rejects with (anything else fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<CreditBalanceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CreditBalanceError) return error;
    throw error;
  }
  throw new Error('expected a CreditBalanceError');
}
