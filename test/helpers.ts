import { fixture, oneEvent } from '@open-wc/testing';
import type { Fault, LoggedRequest, Scenario } from '../demo/mock/metronome.js';
import '../src/define.js';
import type { CreditBalance } from '../src/credit-balance.js';
import type { CreditBalanceEvents } from '../src/frameworks/types.js';
import { CreditBalanceError } from '../src/lib/errors.js';
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

/** Opens a gate of the scenario (see `Fault.gate`): the answers held behind it go out. */
export async function openGate(id: string, gate: string): Promise<void> {
  await fetch(`${MOCK}/__scenarios/${encodeURIComponent(id)}/gates/${gate}`, { method: 'POST' });
}

/** Resolves once the mock has received `count` requests of `route` for the scenario (checked every frame). */
export async function received(id: string, route: Fault['route'], count = 1): Promise<LoggedRequest[]> {
  for (;;) {
    const requests = routes(await requestLog(id), route);
    if (requests.length >= count) return requests;
    await nextFrame();
  }
}

/** What the mock received for a scenario, in order. */
export async function requestLog(id: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${MOCK}/__scenarios/${encodeURIComponent(id)}/log`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

export const routes = (log: LoggedRequest[], route: Fault['route']) => log.filter((r) => r.route === route);

/**
 * Real fetch against the mock; sleeps are recorded and skipped, so backoff is checked without waiting. The
 * first `timeouts` attempts run out of time at once (an attempt's deadline the test decides, not the clock);
 * the others have none.
 */
export function realHttp({ timeouts = 0 } = {}): HttpDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  let timedOut = 0;
  return {
    sleeps,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    deadline: () =>
      timedOut++ < timeouts ? AbortSignal.abort(new DOMException('Timed out', 'TimeoutError')) : new AbortController().signal,
  };
}

/** A token response from the mock's token endpoint for `customerId`. */
export async function mockToken(customerId: string): Promise<{ token: string }> {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({ customer_id: customerId }) });
  return (await response.json()) as { token: string };
}

/** The widget's first load or error event, whichever comes. */
export const settled = (el: Element) => Promise.race([oneEvent(el, 'credit-balance-load'), oneEvent(el, 'credit-balance-error')]);

type WidgetEvent = CreditBalanceEvents[keyof CreditBalanceEvents];

/** A widget in the page, the first outcome of its loading, and every event it has fired since it was made. */
export interface Mounted {
  el: CreditBalance;
  /** Its first `credit-balance-load` or `credit-balance-error` (absent with `settle: false`). */
  outcome: WidgetEvent;
  events: WidgetEvent[];
  /** The first event of a type it has fired, if any. */
  find<K extends keyof CreditBalanceEvents>(type: K): CreditBalanceEvents[K] | undefined;
}

/**
 * The one way tests put `<credit-balance>` in the page (removed after the test): with these attributes
 * (`token-url` is the mock's token endpoint unless given; `null` leaves an attribute out) and properties, then
 * — unless `settle` is false — waiting until its first load or error has been rendered.
 */
export async function mount(
  attributes: Record<string, string | null> = {},
  properties: Partial<CreditBalance> = {},
  { settle = true, parent }: { settle?: boolean; parent?: Element } = {},
): Promise<Mounted> {
  const el = document.createElement('credit-balance');
  for (const [name, value] of Object.entries({ 'token-url': TOKEN_URL, ...attributes })) {
    if (value !== null) el.setAttribute(name, value);
  }
  Object.assign(el, properties);
  const events: WidgetEvent[] = [];
  const types = [
    'credit-balance-load',
    'credit-balance-error',
    'credit-balance-expiring',
    'credit-balance-low',
    'credit-balance-forecast',
  ] as const;
  for (const type of types) {
    el.addEventListener(type, (event) => events.push(event));
  }
  const outcome = settle ? settled(el) : undefined;
  if (parent) parent.append(el);
  else await fixture(el);
  return {
    el,
    outcome: (await outcome) as WidgetEvent,
    events,
    find: <K extends keyof CreditBalanceEvents>(type: K) => events.find((e) => e.type === type) as CreditBalanceEvents[K] | undefined,
  };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The elements of a widget (or of an element inside its shadow root) with a part. */
export const parts = (root: Element, name: string) => [...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const part = (root: Element, name: string) => parts(root, name)[0] ?? null;

/** Text as written: white space folded, no-break spaces as spaces, the invisible bidi isolates gone. */
const folded = (textContent: string | null | undefined) =>
  (textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();

/** The text of `node` without the elements that `hidden` selects. */
function textWithout(node: Element | null | undefined, hidden: string): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  for (const element of copy.querySelectorAll(hidden)) element.remove();
  return folded(copy.textContent);
}

/** Text as a person reads it on screen: a cut amount as shown ("$165.46"), not the exact one kept for screen readers. */
export const text = (node: Element | null | undefined) => textWithout(node, '.amount__exact');

/** Text as a screen reader speaks it: without what is hidden from it, a cut amount exact ("$165.466"). */
export const spoken = (node: Element | null | undefined) => textWithout(node, '[aria-hidden="true"]');

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

/** The demo's stylesheet (demo/demo.css, its brand theme included) in the page, once, as a host's own CSS. */
let demoStyles: Promise<void> | undefined;
export function useDemoStyles(): Promise<void> {
  demoStyles ??= fetch('/demo/demo.css')
    .then((response) => response.text())
    .then((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  return demoStyles;
}
