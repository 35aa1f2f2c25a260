// The benchmark's page: the element from the production bundle, instrumented from outside (its update
// time, with layout), and a minimal hand-written DOM baseline that builds the same visible rows.
const TOKEN_URL = '/api/credit-balance/token';
const stage = document.getElementById('stage');
await customElements.whenDefined('credit-balance');
const CreditBalance = customElements.get('credit-balance');

/** Time spent in the element's updates (render, DOM, and the layout they cause), per element. */
const renderTime = new WeakMap();
const update = CreditBalance.prototype.update;
CreditBalance.prototype.update = function (changed) {
  const start = performance.now();
  update.call(this, changed);
  this.shadowRoot.firstElementChild?.getBoundingClientRect();
  renderTime.set(this, (renderTime.get(this) ?? 0) + performance.now() - start);
};

const widget = (customerId, attributes = {}) => {
  const el = document.createElement('credit-balance');
  el.setAttribute('token-url', TOKEN_URL);
  el.setAttribute('customer-id', customerId);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};
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
  const el = widget(customerId, attributes);
  const loaded = once(el, 'credit-balance-load');
  stage.replaceChildren(el);
  const { detail } = await loaded;
  const first = renderTime.get(el);
  renderTime.set(el, 0);
  await el.refresh();
  const refresh = renderTime.get(el);
  const nodes = el.shadowRoot.querySelectorAll('*').length;
  stage.replaceChildren();
  window.__credits = detail.credits;
  return { first, refresh, credits: detail.credits.length, nodes };
}

/**
 * The whole list rendered in one update, as the baseline renders it: a widget mounted again with the configuration
 * `renderScale` has just shown complete shows that data at once (then loads again behind it, which its guards
 * skip). The time is that of the updates until every credit is on screen, with their layout.
 */
async function wholeRender(customerId, attributes) {
  const el = widget(customerId, attributes);
  renderTime.set(el, 0);
  const loaded = once(el, 'credit-balance-load');
  stage.replaceChildren(el);
  const expected = window.__credits.length;
  while (el.shadowRoot.querySelectorAll('[part~="credit"]').length !== expected) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const ms = renderTime.get(el);
  await loaded;
  stage.replaceChildren();
  return ms;
}

/**
 * The same visible rows as the widget, by hand: per credit its name, badge, balance, granted amount, meter,
 * timeline bars and schedule rows, with the same Intl formatting, then layout; per commit also its kind and its
 * invoice schedule.
 */
function baseline() {
  const credits = window.__credits;
  const start = performance.now();
  const now = Date.now();
  const money = new Map();
  const amount = (value, type) => {
    const usd = type.name === 'USD (cents)';
    let format = money.get(type.name);
    if (!format) money.set(type.name, (format = new Intl.NumberFormat('en-US', usd ? { style: 'currency', currency: 'USD' } : {})));
    return usd ? format.format(value / 100) : `${format.format(value)} ${type.name}`;
  };
  const days = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' });
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const root = el('section');
  for (const credit of credits) {
    const card = el('article', 'credit');
    card.append(el('h3', 'name', credit.name), el('span', 'badge', 'Active'));
    if (credit.kind !== 'credit') card.append(el('span', 'kind', 'Prepaid commitment'));
    const figures = el('p');
    figures.append(
      el('span', 'balance', amount(credit.balance, credit.creditType)),
      el('span', 'granted', `of ${amount(credit.granted, credit.creditType)} granted`),
    );
    const meter = el('div', 'meter');
    const fill = el('div', 'fill');
    fill.style.setProperty('--share', String(Math.min(1, credit.balance / (credit.granted || 1))));
    meter.append(fill);
    const track = el('div', 'track');
    const from = credit.segments[0].startsAt.getTime();
    const span = credit.segments.at(-1).endsBefore.getTime() - from;
    for (const s of credit.segments) {
      const bar = el('span', 'bar');
      bar.style.setProperty('--start', String((s.startsAt - from) / span));
      track.append(bar);
    }
    const details = el('details');
    details.append(el('summary', '', `Access schedule · ${credit.segments.length} periods`));
    const list = el('ol');
    for (const s of credit.segments) {
      const row = el('li');
      const status = now < s.startsAt ? 'Upcoming' : now >= s.endsBefore ? 'Expired' : 'Active';
      row.append(
        el('span', '', amount(s.amount, credit.creditType)),
        el('span', '', days.formatRange(s.startsAt, new Date(s.endsBefore - 1))),
        el('span', '', status),
      );
      list.append(row);
    }
    details.append(list);
    card.append(figures, meter, track, details);
    if (credit.invoices) {
      const invoices = el('details');
      invoices.append(el('summary', '', 'Invoice schedule'));
      const items = el('ol');
      for (const item of credit.invoices) {
        const row = el('li');
        const date = el('time', '', days.format(item.at));
        date.dateTime = new Date(item.at).toISOString();
        row.append(el('span', '', amount(item.amount, credit.creditType)), date, el('span', '', 'Invoiced'));
        items.append(row);
      }
      invoices.append(items);
      card.append(invoices);
    }
    root.append(card);
  }
  stage.replaceChildren(root);
  root.getBoundingClientRect();
  const elapsed = performance.now() - start;
  const nodes = root.querySelectorAll('*').length;
  stage.replaceChildren();
  return { ms: elapsed, nodes };
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
