// The benchmark's page: the element from the production bundle, instrumented from outside (its update
// time, with layout), and a hand-written DOM baseline that builds the widget's cards (bench/baseline.js).
import { baselineCards } from './baseline.js';

const TOKEN_URL = '/api/credit-balance/token';
const stage = document.getElementById('stage');
await customElements.whenDefined('credit-balance');
const CreditBalance = customElements.get('credit-balance');

/**
 * Time spent in the element's updates, per element: their script (the render and its DOM calls) and, apart, the
 * style and layout each update causes.
 */
const renderTime = new WeakMap();
const timeOf = (el) => renderTime.get(el) ?? { script: 0, layout: 0 };
const total = ({ script, layout }) => script + layout;
const update = CreditBalance.prototype.update;
CreditBalance.prototype.update = function (changed) {
  const start = performance.now();
  update.call(this, changed);
  const rendered = performance.now();
  this.shadowRoot.firstElementChild?.getBoundingClientRect();
  const { script, layout } = timeOf(this);
  renderTime.set(this, { script: script + rendered - start, layout: layout + performance.now() - rendered });
};

const widget = (customerId, attributes = {}) => {
  const el = document.createElement('credit-balance');
  el.setAttribute('token-url', TOKEN_URL);
  el.setAttribute('customer-id', customerId);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};
/**
 * A full garbage collection (Chromium runs the bench with --expose-gc) before each timed render, the widget's and the
 * baseline's alike: the garbage of the round before is not collected in the middle of the next one's timing.
 */
const collectGarbage = () => window.gc?.();
const once = (el, type) => new Promise((resolve) => el.addEventListener(type, resolve, { once: true }));
const listRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/contracts/customerCredits/list'));
const tokenRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/token'));

/** Round trips before the first credit is painted, and progress after it. */
async function firstPaint(customerId) {
  performance.clearResourceTimings();
  const el = widget(customerId);
  const loaded = once(el, 'credit-balance-load');
  const start = performance.now();
  stage.replaceChildren(el);
  let paintedAt;
  let creditsAtFirstPaint = 0;
  while (!paintedAt) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const count = el.shadowRoot?.querySelectorAll('[part~="credit"]').length ?? 0;
    if (count) [paintedAt, creditsAtFirstPaint] = [performance.now(), count];
  }
  const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= paintedAt);
  // Through the companion, the first page comes in the token's answer.
  const tokenAlone = before.length === 1 && before[0].name.endsWith('/token');
  const { detail } = await loaded;
  return {
    requestsBeforePaint: before.length,
    tokenAlone,
    firstPaintMs: paintedAt - start,
    creditsAtFirstPaint,
    creditsInTotal: detail.credits.length,
    // The list requests, and the first page when it came in the token's answer.
    pages: listRequests().length + (tokenAlone ? 1 : 0),
  };
}

/** Ten widgets with the same configuration at once. */
async function tenWidgets(customerId) {
  performance.clearResourceTimings();
  const widgets = Array.from({ length: 10 }, () => widget(customerId));
  const loads = widgets.map((w) => once(w, 'credit-balance-load'));
  stage.replaceChildren(...widgets);
  await Promise.all(loads);
  return { tokenRequests: tokenRequests().length, listRequests: listRequests().length };
}

/** The element's render time for a whole load, then for a refresh that returns the same data. */
async function renderScale(customerId, attributes) {
  collectGarbage();
  const el = widget(customerId, attributes);
  const loaded = once(el, 'credit-balance-load');
  stage.replaceChildren(el);
  const { detail } = await loaded;
  const first = total(timeOf(el));
  renderTime.delete(el);
  await el.refresh();
  const refresh = total(timeOf(el));
  const nodes = el.shadowRoot.querySelectorAll('*').length;
  // The stylesheets the widget's cards are drawn with, for the baseline's (below): the sheets themselves, not the
  // shadow root's array of them, which would keep the widget alive.
  window.__sheets = [...el.shadowRoot.adoptedStyleSheets];
  stage.replaceChildren();
  window.__credits = detail.credits;
  return { first, refresh, credits: detail.credits.length, nodes };
}

/**
 * The whole list rendered in one update, as the baseline renders it: a widget mounted again with the configuration
 * `renderScale` has just shown complete shows that data at once (then loads again behind it, which its guards
 * skip). The time is that of the updates until every credit is on screen: in all, and their script and layout apart.
 */
async function wholeRender(customerId, attributes) {
  collectGarbage();
  const el = widget(customerId, attributes);
  renderTime.delete(el);
  const loaded = once(el, 'credit-balance-load');
  stage.replaceChildren(el);
  const expected = window.__credits.length;
  while (el.shadowRoot.querySelectorAll('[part~="credit"]').length !== expected) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const time = timeOf(el);
  await loaded;
  stage.replaceChildren();
  return { ms: total(time), ...time };
}

/**
 * The hand-written baseline (bench/baseline.js) over the credits the widget has just shown, timed with its layout:
 * in all, and its script and layout apart, as the widget's. Its cards are the widget's markup in a shadow root as the
 * widget's are: `styled`, drawn with the widget's stylesheets (the same cards, by hand), else with none (the same
 * markup, laid out as plain blocks and lines).
 */
function baseline(styled, title) {
  collectGarbage();
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'open' });
  if (styled) shadow.adoptedStyleSheets = window.__sheets;
  stage.replaceChildren(host);
  const start = performance.now();
  const root = baselineCards(window.__credits, Date.now(), title);
  shadow.replaceChildren(root);
  const built = performance.now();
  root.getBoundingClientRect();
  const time = { script: built - start, layout: performance.now() - built };
  const nodes = root.querySelectorAll('*').length;
  stage.replaceChildren();
  return { ms: total(time), ...time, nodes };
}

/** Connect, load, refresh, disconnect, `cycles` times. */
async function cycles(customerId, count) {
  for (let i = 0; i < count; i++) {
    const el = widget(customerId);
    const loaded = once(el, 'credit-balance-load');
    stage.replaceChildren(el);
    await loaded;
    await el.refresh();
    el.remove();
  }
  stage.replaceChildren();
}

window.bench = { firstPaint, tenWidgets, renderScale, wholeRender, baseline, cycles };
