import type Metronome from '@metronome/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import { dayStart, monthStart } from '../demo/mock/fixtures.js';
import { REMOUNT_WINDOW_MS, TOKEN_SOURCE_WAIT_MS } from '../src/credits-controller.js';
import type { CreditBalanceErrorEvent, CreditBalanceLoadEvent } from '../src/events.js';
import { TEST_NOW } from './clock.js';
import {
  CUSTOMERS,
  TOKEN_URL,
  creditNamed,
  injectFaults,
  mount,
  openGate,
  part,
  parts,
  received,
  requestLog,
  routes,
  scenario,
  spoken,
  text,
} from './helpers.js';

const hasState = (el: CreditBalance, state: string) => el.matches(`:state(${state})`);

/** A widget for `customerId` (removed after the test), after its first load (or error) is rendered. */
const loaded = async (customerId: string, extra: Record<string, string> = {}) => (await mount({ 'customer-id': customerId, ...extra })).el;

describe('<credit-balance>', () => {
  describe('a contract customer', () => {
    // One load shared by the tests of this block, kept in the page until they are done.
    let el: CreditBalance;
    before(async () => {
      ({ el } = await mount({ 'customer-id': CUSTOMERS.acme, 'include-ledgers': '' }, {}, { parent: document.body }));
    });
    after(() => el.remove());

    it('shows one credit per non-archived credit, each with its id and name', () => {
      const credits = parts(el, 'credit');
      expect(credits).to.have.length(7);
      expect(credits.every((c) => c.dataset.creditId)).to.equal(true);
      const names = parts(el, 'credit-name').map(text);
      expect(names).to.include.members(['Launch promotion', 'Monthly platform credit', 'EU usage credit', 'Referral credit']);
      // No name: the product's name.
      expect(names).to.include('API calls');
      expect(names).to.not.include('Old pilot credit');
    });

    it('shows one total per credit type, never adding units together', () => {
      const totals = parts(el, 'total').map(text);
      // USD: 123.458 + 42.00 + 0.008 + 0 + 0 dollars, shown in cents (cut, never rounded up), heard exactly.
      expect(totals).to.deep.equal(['$165.46 available', '€187.50 available', '12,500 API calls available']);
      expect(parts(el, 'total').map(spoken)).to.deep.equal(['$165.466 available', '€187.50 available', '12,500 API calls available']);
    });

    it('shows balances in their units, in cents, the exact amount heard by screen readers', () => {
      const balance = (name: string) => creditNamed(el, name).querySelector('[part~="balance"]');
      expect(text(balance('Launch promotion'))).to.equal('$123.45');
      expect(spoken(balance('Launch promotion'))).to.equal('$123.458');
      expect(text(balance('EU usage credit'))).to.equal('€187.50');
      expect(text(balance('API calls'))).to.equal('12,500 API calls');
      // Eight tenths of a cent: not zero, not a cent that is not there.
      expect(text(balance('Referral credit'))).to.equal('< $0.01');
      expect(spoken(balance('Referral credit'))).to.equal('$0.008');
    });

    it('shows a cut amount exactly on focus and on hover', async () => {
      const amount = creditNamed(el, 'Launch promotion').querySelector<HTMLElement>('[part~="balance"] .amount')!;
      const shown = amount.querySelector<HTMLElement>('[aria-hidden="true"]')!;
      const exact = amount.querySelector<HTMLElement>('.amount__exact')!;
      // Unfocused: the cut amount in sight, the exact one clipped to nothing.
      expect(shown.getBoundingClientRect().width).to.be.above(0);
      expect(exact.getBoundingClientRect().width).to.be.at.most(1);
      amount.focus();
      expect(el.shadowRoot!.activeElement).to.equal(amount);
      expect(getComputedStyle(shown).display).to.equal('none');
      expect(exact.getBoundingClientRect().width).to.be.above(20);
      amount.blur();
      expect(getComputedStyle(shown).display).to.not.equal('none');
    });

    it('orders active credits first, the soonest to expire first, expired last', () => {
      const names = parts(el, 'credit-name').map(text);
      // The monthly credit's period ends with this month and the promotion 20 days from today (the fixtures):
      // which one ends first depends on the day of the month. On the same instant, priority 1 (the promotion).
      const soonest = ['Launch promotion', 'Monthly platform credit'];
      if (monthStart(TEST_NOW, 1) < dayStart(TEST_NOW, 20)) soonest.reverse();
      // Then the referral credit (ends in two months), the EU credit (five), the API calls (nine).
      expect(names).to.deep.equal([...soonest, 'Referral credit', 'EU usage credit', 'API calls', 'Renewal bonus', 'Beta tester credit']);
    });

    it('shows every schedule item with its status, dates ending on the last usable day', () => {
      const monthly = creditNamed(el, 'Monthly platform credit');
      const segments = [...monthly.querySelectorAll<HTMLElement>('[part~="segment"]')];
      expect(segments).to.have.length(12);
      expect(segments.every((s) => s.dataset.segmentId)).to.equal(true);
      const statuses = segments.map((s) => text(s.querySelector('[part~="badge"]')));
      expect(statuses).to.deep.equal([...Array(5).fill('Expired'), 'Active', ...Array(6).fill('Upcoming')]);
      // ending_before is the first of next month (UTC): shown as the last day of this month.
      const lastDay = new Date(monthStart(TEST_NOW, 1).getTime() - 1).getUTCDate();
      expect(text(segments[5]!.querySelector('.segment__dates'))).to.match(new RegExp(`^\\w{3} 1 – ${lastDay}, \\d{4}$`));
      expect(text(monthly)).to.include('+$600.00 scheduled later');
      expect(text(monthly)).to.include('$1,200.00 granted in total');
    });

    it('gives the meter a spoken value', () => {
      const meter = creditNamed(el, 'Launch promotion').querySelector('[part~="meter"]')!;
      expect(meter.getAttribute('role')).to.equal('meter');
      // The name from the API is isolated (U+2068 … U+2069) inside the sentence.
      expect(meter.getAttribute('aria-valuetext')).to.equal('\u2068Launch promotion\u2069: $123.45 of $500.00 remaining');
      expect(meter.getAttribute('aria-valuenow')).to.equal('25');
    });

    it('shows the history with include-ledgers, collapsed', () => {
      const ledger = parts(creditNamed(el, 'Monthly platform credit'), 'ledger')[0] as HTMLDetailsElement;
      expect(ledger.open).to.equal(false);
      expect(text(ledger)).to.include('Used on an invoice');
      expect(text(ledger)).to.include('Expired unused');
    });

    it('is ready and accessible', async () => {
      expect(hasState(el, 'ready')).to.equal(true);
      expect(hasState(el, 'loading')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  it('asks the token endpoint with the customer, then lists with the bearer token', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    await loaded(id);
    const log = await requestLog(id);
    const firstPage = { customer_id: id, include_balance: true, include_contract_credits: true, limit: 25 };
    // With the first page's call, for a companion to answer beside the token (this endpoint does not).
    expect(routes(log, 'token')[0]!.body).to.deep.equal({
      customer_id: id,
      first_page: { path: '/v1/contracts/customerCredits/list', body: firstPage },
    });
    const list = routes(log, 'credits')[0]!;
    expect(list.authorization).to.match(/^Bearer mock-token-/);
    expect(list.body).to.deep.equal(firstPage);
  });

  it('follows every page and renders all of them', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const el = await loaded(id);
    expect(parts(el, 'credit')).to.have.length(60);
    expect(routes(await requestLog(id), 'credits')).to.have.length(3);
  });

  it('shows the first page while the next is on its way, placeholders under it, then the whole list', async () => {
    const id = await scenario({ base: CUSTOMERS.many, faults: [{ route: 'credits', gate: 'first' }] });
    const { el } = await mount({ 'customer-id': id }, {}, { settle: false });
    await received(id, 'credits', 1);
    await injectFaults(id, [{ route: 'credits', gate: 'second' }]);
    await openGate(id, 'first');
    await received(id, 'credits', 2);
    await waitUntil(() => parts(el, 'credit').length > 0, 'the first page is shown while the second is held');
    expect(parts(el, 'credit')).to.have.length(25);
    const more = el.shadowRoot!.querySelector('.credits + .skeleton');
    expect(more, 'placeholders under the list while more is coming').to.not.equal(null);
    expect(text(more!)).to.equal('Loading credits…');
    const loadEvent = oneEvent(el, 'credit-balance-load');
    await openGate(id, 'second');
    expect((await loadEvent).detail.credits).to.have.length(60);
    await el.updateComplete;
    expect(parts(el, 'credit')).to.have.length(60);
    expect(el.shadowRoot!.querySelector('.skeleton'), 'no placeholders once the list is complete').to.equal(null);
  });

  it('shares one token request between widgets with the same token URL and customer', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const container = await fixture<HTMLElement>(html`<div>
      <credit-balance token-url=${TOKEN_URL} customer-id=${id}></credit-balance>
      <credit-balance token-url=${TOKEN_URL} customer-id=${id} scope="customer"></credit-balance>
      <credit-balance token-url=${TOKEN_URL} customer-id=${id} include-archived></credit-balance>
    </div>`);
    const widgets = [...container.querySelectorAll('credit-balance')];
    await Promise.all(widgets.map((w) => (hasState(w, 'ready') ? null : oneEvent(w, 'credit-balance-load'))));
    const log = await requestLog(id);
    expect(routes(log, 'token')).to.have.length(1);
    expect(routes(log, 'credits')).to.have.length(3);
    expect(widgets.map((w) => parts(w, 'credit').length)).to.deep.equal([7, 4, 8]);
  });

  it('honours every request-shaping attribute', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    await loaded(id, {
      scope: 'customer',
      'include-archived': '',
      'include-ledgers': '',
      'covering-date': '2026-01-01T00:00:00Z',
      'starting-at': '2025-01-01T00:00:00Z',
      'effective-before': '2030-01-01T00:00:00Z',
      'credit-id': 'nope',
      'page-size': '20',
    });
    expect(routes(await requestLog(id), 'credits')[0]!.body).to.deep.equal({
      customer_id: id,
      include_balance: true,
      include_contract_credits: false,
      limit: 20,
      include_archived: true,
      include_ledgers: true,
      covering_date: '2026-01-01T00:00:00Z',
      starting_at: '2025-01-01T00:00:00Z',
      effective_before: '2030-01-01T00:00:00Z',
      credit_id: 'nope',
    });
  });

  it('shows a clear error with a retry button, and recovers on retry', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 500, times: 3 }] });
    const { el, outcome } = await mount({ 'customer-id': id });
    expect((outcome as CreditBalanceErrorEvent).detail).to.include({ code: 'http', status: 500 });
    expect(text(part(el, 'error'))).to.include('The billing service answered with an error (HTTP 500)');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(hasState(el, 'error')).to.equal(true);
    expect(hasState(el, 'stale')).to.equal(false);
    await expect(el).to.be.accessible();

    const reloaded = oneEvent(el, 'credit-balance-load');
    part(el, 'retry-button')!.click();
    await reloaded;
    expect(part(el, 'error')).to.equal(null);
    expect(parts(el, 'credit')).to.have.length(7);
    expect(hasState(el, 'error')).to.equal(false);
  });

  it('never shows the previous customer’s data when loading another customer fails', async () => {
    const el = await loaded(await scenario({ base: CUSTOMERS.acme }));
    expect(parts(el, 'credit')).to.have.length(7);
    el.customerId = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 503, times: 3 }] });
    await oneEvent(el, 'credit-balance-error');
    expect(parts(el, 'credit')).to.have.length(0);
    expect(parts(el, 'total')).to.have.length(0);
    expect(hasState(el, 'stale')).to.equal(false);
    expect(part(el, 'error')).to.not.equal(null);
  });

  it('marks data stale beside the error when a reload of the same configuration fails', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const el = await loaded(id);
    const totals = parts(el, 'total').map(text);
    await injectFaults(id, [{ route: 'credits', status: 503, times: 3 }]);
    const failed = oneEvent(el, 'credit-balance-error');
    await el.refresh();
    await failed;
    expect(hasState(el, 'stale')).to.equal(true);
    expect(hasState(el, 'error')).to.equal(true);
    expect(parts(el, 'total').map(text)).to.deep.equal(totals);
    expect(parts(el, 'credit')).to.have.length(7);
    expect(text(part(el, 'error'))).to.match(/Showing balances as of .+: the latest refresh failed/);
    await expect(el).to.be.accessible();

    await el.refresh();
    expect(hasState(el, 'stale')).to.equal(false);
    expect(part(el, 'error')).to.equal(null);
  });

  it('says there are no credits for an empty customer', async () => {
    const el = await loaded(CUSTOMERS.empty);
    expect(text(part(el, 'empty'))).to.equal('There are no credits on this account.');
    expect(parts(el, 'total')).to.have.length(0);
    expect(hasState(el, 'empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an accessible loading skeleton while loading', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'answer' }] });
    const { el } = await mount({ 'customer-id': id }, {}, { settle: false });
    const done = oneEvent(el, 'credit-balance-load');
    await received(id, 'credits');
    await el.updateComplete;
    expect(hasState(el, 'loading')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('.skeleton'))).to.equal('Loading credits…');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await openGate(id, 'answer');
    await done;
    expect(hasState(el, 'loading')).to.equal(false);
  });

  it('never shows an older configuration’s response after a change mid-request', async () => {
    // The first customer's answer is held back until the second customer's has been shown, then let go.
    const slow = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'answer' }] });
    const fast = await scenario({ base: CUSTOMERS.empty });
    const { el, events } = await mount({ 'customer-id': slow }, {}, { settle: false });
    await received(slow, 'credits');
    el.customerId = fast;
    await oneEvent(el, 'credit-balance-load');
    await openGate(slow, 'answer');
    await el.refresh(); // a full load of the current customer after the old answer went out: still the new one
    expect(part(el, 'empty')).to.not.equal(null);
    expect(parts(el, 'credit')).to.have.length(0);
    const loads = events.filter((e): e is CreditBalanceLoadEvent => e.type === 'credit-balance-load');
    expect(loads).to.have.length(2);
    expect(loads.map((e) => e.detail.credits)).to.deep.equal([[], []]);
  });

  it('renders text from the API as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const id = await scenario({
      credits: [
        {
          id: 'evil"><b>',
          type: 'CREDIT',
          name: hostile,
          product: { id: 'p', name: hostile },
          access_schedule: {
            credit_type: { id: 'u', name: `${hostile} units` },
            schedule_items: [
              { id: '" onmouseover="x', amount: 5, starting_at: '2026-01-01T00:00:00Z', ending_before: '2099-01-01T00:00:00Z' },
            ],
          },
          balance: 5,
        } satisfies Metronome.Credit,
      ],
    });
    const el = await loaded(id);
    expect(text(part(el, 'credit-name'))).to.equal(hostile);
    expect(text(part(el, 'balance'))).to.equal(`5 ${hostile} units`);
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect(part(el, 'credit')!.dataset.creditId).to.equal('evil"><b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fires load with the normalized credits and one total per credit type', async () => {
    const { outcome } = await mount({ 'customer-id': CUSTOMERS.acme });
    const { detail, bubbles, composed } = outcome as CreditBalanceLoadEvent;
    expect([bubbles, composed]).to.deep.equal([true, true]);
    expect(detail.source).to.equal('credits');
    expect(detail.credits).to.have.length(7);
    expect(detail.totals.map((t) => [t.creditType.name, t.available])).to.deep.equal([
      ['USD (cents)', 16_546.6],
      ['EUR', 187.5],
      ['API calls', 12_500],
    ]);
  });

  it('shows every digit with exact-amounts', async () => {
    const el = await loaded(CUSTOMERS.acme, { 'exact-amounts': '' });
    expect(parts(el, 'total').map(text)[0]).to.equal('$165.466 available');
    expect(text(creditNamed(el, 'Referral credit').querySelector('[part~="balance"]'))).to.equal('$0.008');
    // Nothing is cut, so there is nothing to reveal: no extra tab stop.
    expect(el.shadowRoot!.querySelector('.amount')).to.equal(null);
  });

  it('raises expiring and low, with their states', async () => {
    const { el, find } = await mount({ 'customer-id': CUSTOMERS.acme, 'low-balance': '200' });
    await el.updateComplete;
    expect(find('credit-balance-expiring')!.detail.credits.map((c) => c.name)).to.include('Launch promotion');
    expect(find('credit-balance-low')!.detail.totals.map((t) => t.creditType.name)).to.deep.equal(['USD (cents)', 'EUR']);
    expect(hasState(el, 'expiring')).to.equal(true);
    expect(hasState(el, 'low')).to.equal(true);
    expect(parts(el, 'badge').map(text)).to.include('Low balance');
  });

  describe('the host’s own content in its slots', () => {
    /** A widget with the host's action, help and empty message in its slots, once loaded. */
    async function slotted(attributes: string) {
      const el = await fixture<CreditBalance>(
        `<credit-balance token-url="${TOKEN_URL}" ${attributes}>
          <button slot="actions">Buy credits</button>
          <p slot="help">Questions? billing@example.com</p>
          <p slot="empty">Buy your first credits to get started.</p>
        </credit-balance>`,
      );
      await waitUntil(() => el.matches(':state(ready), :state(empty)'), 'loaded');
      await el.updateComplete;
      const [action, help] = ['[slot="actions"]', '[slot="help"]'].map((s) => el.querySelector<HTMLElement>(s)!.getBoundingClientRect());
      return { el, action: action!, help: help!, base: part(el, 'base')!.getBoundingClientRect() };
    }

    it('puts the action under the header at its end, and the help under everything else', async () => {
      const { el, action, help, base } = await slotted(`customer-id="${CUSTOMERS.acme}"`);
      expect(el.querySelector('[slot="actions"]')!.assignedSlot!.name).to.equal('actions');
      const header = part(el, 'header')!.getBoundingClientRect();
      expect(action.top).to.be.at.least(header.bottom);
      expect(action.bottom).to.be.at.most(parts(el, 'credit')[0]!.getBoundingClientRect().top);
      // At the end of the line, its own size.
      expect(Math.abs(header.right - action.right)).to.be.below(1);
      expect(action.width).to.be.below(base.width / 2);
      expect(help.top).to.be.at.least(parts(el, 'credit').at(-1)!.getBoundingClientRect().bottom);
      // The empty message is not used while there are credits.
      expect(part(el, 'empty')).to.equal(null);
    });

    it('makes the action a row as wide as the widget while a balance is low', async () => {
      const { action, base } = await slotted(`customer-id="${CUSTOMERS.acme}" low-balance="1000000"`);
      expect(action.width).to.be.above(base.width * 0.8);
    });

    it('shows the host’s message to a customer without credits, and the action as wide as the widget', async () => {
      const { el, action, base } = await slotted(`customer-id="${CUSTOMERS.empty}"`);
      const slot = part(el, 'empty')!.querySelector('slot')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Buy your first credits to get started.']);
      expect(action.width).to.be.above(base.width * 0.8);
    });
  });

  it('takes a low-balance threshold per credit type, and says which were crossed', async () => {
    // $165.46 is below 200 dollars; €187.50 is not below 150 euros; API calls have no threshold.
    const { el, find } = await mount({ 'customer-id': CUSTOMERS.acme, 'low-balance': '{"USD": 200, "EUR": 150}' });
    const { detail } = find('credit-balance-low')!;
    expect(detail.totals.map((t) => t.creditType.name)).to.deep.equal(['USD (cents)']);
    expect(detail.thresholds).to.deep.equal([{ creditType: detail.totals[0]!.creditType, threshold: 200, key: 'USD' }]);
    expect(parts(el, 'total-low').map(text)).to.deep.equal(['$165.46 available Low balance']);
    // A threshold that is not a number is the host's mistake, named.
    const broken = await mount({ 'customer-id': CUSTOMERS.acme, 'low-balance': '{"USD": "lots"}' });
    expect((broken.outcome as CreditBalanceErrorEvent).detail.code).to.equal('config');
  });

  it('uses a token provider instead of a token URL', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    let calls = 0;
    const tokenProvider = async () => {
      calls += 1;
      const response = await fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({ customer_id: id }) });
      return { ...(await response.json()), customer_id: id };
    };
    const { el } = await mount({ 'token-url': null }, { tokenProvider });
    expect(calls).to.equal(1);
    expect(parts(el, 'credit')).to.have.length(7);
  });

  it('reports a config error when no token source is set, after waiting for one', async () => {
    const started = performance.now();
    const { el, outcome } = await mount({ 'token-url': null, 'customer-id': CUSTOMERS.acme });
    expect(performance.now() - started, 'waited for a late tokenProvider first').to.be.at.least(TOKEN_SOURCE_WAIT_MS);
    expect((outcome as CreditBalanceErrorEvent).detail).to.include({
      code: 'config',
      message: 'Set the token-url attribute or the tokenProvider property.',
    });
    expect(text(part(el, 'error'))).to.equal('Credits cannot be shown here at the moment.');
  });

  it('loads with a tokenProvider set after it upgrades (hydration, a ref), with no error shown or fired', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { el } = await mount({ 'token-url': null, 'customer-id': id }, {}, { settle: false });
    const seen: string[] = [];
    el.addEventListener('credit-balance-error', () => seen.push('error event'));
    const watch = new MutationObserver(() => {
      if (part(el, 'error')) seen.push('error shown');
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the framework gets round to it
    const loaded = oneEvent(el, 'credit-balance-load');
    el.tokenProvider = async () => {
      const response = await fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({ customer_id: id }) });
      return response.json();
    };
    await loaded;
    watch.disconnect();
    expect(parts(el, 'credit')).to.have.length(7);
    expect(seen).to.deep.equal([]);
  });

  it('names the cause when a framework wrote tokenProvider as an attribute, before the element was defined', async () => {
    const { el, outcome } = await mount({ 'token-url': null, tokenprovider: 'async () => fetchToken()' });
    const { detail } = outcome as CreditBalanceErrorEvent;
    expect(detail.code).to.equal('config');
    expect(detail.message).to.equal('The tokenprovider attribute cannot carry a function: define <credit-balance> before the app mounts.');
    expect(part(el, 'retry-button')).to.equal(null);
  });

  it('follows the host colour scheme', async () => {
    const container = await fixture<HTMLElement>(html`<div>
      <credit-balance token-url=${TOKEN_URL} customer-id=${CUSTOMERS.empty}></credit-balance>
      <credit-balance style="color-scheme: dark" token-url=${TOKEN_URL} customer-id=${CUSTOMERS.empty}></credit-balance>
    </div>`);
    const [light, dark] = [...container.querySelectorAll('credit-balance')].map((w) => getComputedStyle(part(w, 'base')!).backgroundColor);
    expect(light).to.equal('rgb(255, 255, 255)');
    expect(dark).to.equal('rgb(13, 17, 23)');
  });

  it('lets the host theme through custom properties and parts', async () => {
    const el = await fixture<CreditBalance>(html`<credit-balance
      style="--credit-balance-background-color: rgb(1, 2, 3)"
      token-url=${TOKEN_URL}
      customer-id=${CUSTOMERS.empty}
    ></credit-balance>`);
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  describe('the theming API', () => {
    it('names each state in a part beside the general one, so a host styles it without JavaScript', async () => {
      const style = document.createElement('style');
      style.textContent = `
        .themed::part(credit-expired) { outline: 3px solid rgb(200, 0, 0); }
        .themed::part(credit-upcoming) { outline: 3px solid rgb(0, 0, 200); }
        .themed::part(badge-expiring) { color: rgb(0, 120, 0); }
        .themed::part(total-low) { outline: 2px solid rgb(9, 9, 9); }
        .themed::part(segment-expired) { outline: 1px solid rgb(4, 5, 6); }`;
      document.head.append(style);
      try {
        const el = await loaded(CUSTOMERS.acme, { class: 'themed', 'low-balance': '1000000' });
        const beta = creditNamed(el, 'Beta tester credit');
        expect(beta.part.contains('credit-expired')).to.equal(true);
        expect(getComputedStyle(beta).outlineColor).to.equal('rgb(200, 0, 0)');
        expect(getComputedStyle(creditNamed(el, 'Renewal bonus')).outlineColor).to.equal('rgb(0, 0, 200)');
        expect(
          getComputedStyle(creditNamed(el, 'Launch promotion')).outlineColor,
          'an active credit is not styled as expired',
        ).to.not.equal('rgb(200, 0, 0)');
        const expiring = parts(el, 'badge-expiring');
        expect(expiring.length).to.be.greaterThan(0);
        expect([...new Set(expiring.map(text))]).to.deep.equal(['Expiring soon']);
        expect(getComputedStyle(expiring[0]!).color).to.equal('rgb(0, 120, 0)');
        expect(creditNamed(el, 'Launch promotion').part.contains('credit-expiring')).to.equal(true);
        expect(parts(el, 'total-low')).to.have.length(3);
        expect(getComputedStyle(parts(el, 'total-low')[0]!).outlineColor).to.equal('rgb(9, 9, 9)');
        expect(parts(el, 'segment-expired').length).to.be.greaterThan(0);
        expect(
          parts(el, 'badge-active')
            .map(text)
            .every((t) => t === 'Active'),
        ).to.equal(true);
        expect(parts(el, 'badge-next').map(text)).to.include('Used next');
      } finally {
        style.remove();
      }
    });

    it('takes the heading level from the host, and can hide the title from sight only', async () => {
      const el = await loaded(CUSTOMERS.acme, { 'heading-level': '3', 'hide-title': '' });
      const title = el.shadowRoot!.querySelector('.title')!;
      expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
      expect(parts(el, 'credit-name').every((name) => name.getAttribute('aria-level') === '4')).to.equal(true);
      // Hidden from sight, still the section's name for assistive technology.
      expect(title.getBoundingClientRect().width).to.be.at.most(1);
      expect(part(el, 'base')!.getAttribute('aria-labelledby')).to.equal('title');
      await expect(el).to.be.accessible();

      el.removeAttribute('hide-title');
      el.setAttribute('heading-level', '2');
      await el.updateComplete;
      expect(title.getBoundingClientRect().width).to.be.greaterThan(10);
      expect(title.getAttribute('aria-level')).to.equal('2');
      expect(part(el, 'credit-name')!.getAttribute('aria-level')).to.equal('3');
    });
  });

  it('refresh() resolves once the new data is rendered', async () => {
    const el = await loaded(CUSTOMERS.acme);
    let fired = false;
    el.addEventListener('credit-balance-load', () => (fired = true));
    await el.refresh();
    expect(fired).to.equal(true);
    expect(parts(el, 'credit')).to.have.length(7);
  });

  it('speaks the language of its nearest lang, and follows a change of it without a reload', async () => {
    const parent = document.createElement('div');
    parent.lang = 'de';
    document.body.append(parent);
    try {
      const id = await scenario({ base: CUSTOMERS.empty });
      const { el } = await mount({ 'customer-id': id }, {}, { parent });
      // No title while the new language's words are on their way (the skeleton): undefined until they are.
      const title = () => part(el, 'base')!.querySelector('.title')?.textContent?.trim();
      expect(title()).to.equal('Guthaben');
      expect(part(el, 'empty')!.textContent).to.equal('Für dieses Konto gibt es kein Guthaben.');
      const before = (await requestLog(id)).length;
      parent.lang = 'fr';
      await waitUntil(() => title() === 'Crédits', 'the widget follows the new lang');
      expect(part(el, 'empty')!.textContent).to.equal('Ce compte n’a aucun crédit.');
      el.locale = 'de';
      await el.updateComplete;
      expect(title(), 'locale wins over lang').to.equal('Guthaben');
      expect((await requestLog(id)).length, 'the language is no reason to load again').to.equal(before);
    } finally {
      parent.remove();
    }
  });

  it('can be defined twice without throwing', async () => {
    const { CreditBalance } = await import('../src/credit-balance.js');
    expect(() => CreditBalance.define()).to.not.throw();
    expect(customElements.get('credit-balance')).to.equal(CreditBalance);
  });
});

describe('<credit-balance> mounted again with the same configuration', () => {
  /** A widget for `id`, mounted again after a first one was removed, its next list call held at a gate. */
  async function remount(id: string) {
    const { el: first } = await mount({ 'customer-id': id });
    expect(parts(first, 'credit')).to.have.length(7);
    first.remove();
    await injectFaults(id, [{ route: 'credits', gate: 'again' }]);
    return mount({ 'customer-id': id }, {}, { settle: false });
  }

  it('shows what the page last showed at once, before any request is answered, and loads again behind it', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { el, events } = await remount(id);
    await el.updateComplete;
    expect(parts(el, 'credit')).to.have.length(7, 'on screen before the list call is answered');
    await received(id, 'credits', 2);
    expect(events).to.have.length(0);
    const loadEvent = oneEvent(el, 'credit-balance-load');
    await openGate(id, 'again');
    expect((await loadEvent).detail.credits).to.have.length(7);
    expect(parts(el, 'credit')).to.have.length(7);
    await el.updateComplete;
    // The page has just been opened: the data loaded behind is no news for a screen reader.
    expect(text(el.shadowRoot!.querySelector('[aria-live="polite"]'))).to.equal('');
  });

  it(`loads from the start when the page showed it more than ${REMOUNT_WINDOW_MS / 60_000} minutes ago`, async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const clock = globalThis.CREDIT_BALANCE_TEST_CLOCK!;
    const { el: first } = await mount({ 'customer-id': id });
    first.remove();
    await injectFaults(id, [{ route: 'credits', gate: 'again' }]);
    clock.at += REMOUNT_WINDOW_MS;
    try {
      const { el } = await mount({ 'customer-id': id }, {}, { settle: false });
      await received(id, 'credits', 2);
      await el.updateComplete;
      expect(parts(el, 'credit')).to.have.length(0, 'nothing until the first page arrives');
      const loadEvent = oneEvent(el, 'credit-balance-load');
      await openGate(id, 'again');
      await loadEvent;
      expect(parts(el, 'credit')).to.have.length(7);
    } finally {
      clock.at -= REMOUNT_WINDOW_MS;
    }
  });
});

describe('<credit-balance> through the server companion', () => {
  it('loads through the companion: a signed token in the browser, the Metronome key only upstream', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const tokens: string[] = [];
    const tokenProvider = async () => {
      const response = await fetch('/api/credit-balance/token', { method: 'POST', body: JSON.stringify({ customer_id: id }) });
      const body = await response.json();
      tokens.push(body.token);
      return body;
    };
    const { el } = await mount({ 'token-url': null }, { tokenProvider });
    expect(parts(el, 'credit')).to.have.length(7);
    expect(tokens[0]).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const [list] = routes(await requestLog(id), 'credits');
    expect(list!.authorization).to.equal('Bearer mock-metronome-key');
    expect(list!.body).to.include({ customer_id: id, include_contract_credits: true });
  });

  it('with token-url, the token’s customer wins, and grants go through the companion too', async () => {
    const id = await scenario({ base: CUSTOMERS.plans });
    const el = await loaded(id, { 'token-url': '/api/credit-balance/token', source: 'grants' });
    expect(parts(el, 'credit')).to.have.length(4);
    const [list] = routes(await requestLog(id), 'grants');
    expect(list!.body).to.deep.equal({ customer_ids: [id] });
    expect(list!.query).to.deep.equal({ limit: '100' });
  });

  it('a second page view within the cache’s lifetime costs Metronome no call; refresh() asks it again', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const first = await loaded(id, { 'token-url': '/api/credit-balance/token' });
    expect(routes(await requestLog(id), 'credits')).to.have.length(1);
    first.remove();
    const second = await loaded(id, { 'token-url': '/api/credit-balance/token' });
    expect(parts(second, 'credit')).to.have.length(7);
    expect(routes(await requestLog(id), 'credits')).to.have.length(1, 'the companion answered from its cache');
    // The browser sends Cache-Control: no-cache for a refresh, and the companion asks Metronome.
    await second.refresh();
    expect(routes(await requestLog(id), 'credits')).to.have.length(2);
    expect(parts(second, 'credit')).to.have.length(7);
  });

  it('gets the first page with the token: no list request before the credits are painted; the next pages, and a refresh, as usual', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const listRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/customerCredits/list'));
    performance.clearResourceTimings();
    const el = await loaded(id, { 'token-url': '/api/credit-balance/token' });
    expect(parts(el, 'credit')).to.have.length(60);
    expect(listRequests(), 'pages 2 and 3: the first came with the token').to.have.length(2);
    expect(routes(await requestLog(id), 'credits')).to.have.length(3, 'Metronome asked once a page');
    // A refresh wants the data of now: every page asked again, past the companion's cache, none taken from a token.
    await el.refresh();
    expect(listRequests()).to.have.length(5);
    expect(routes(await requestLog(id), 'credits')).to.have.length(6);
    expect(parts(el, 'credit')).to.have.length(60);
  });

  it('shows a token error when the companion refuses the session', async () => {
    const el = await loaded('not-a-customer-of-this-user', { 'token-url': '/api/credit-balance/token' });
    expect(hasState(el, 'error')).to.equal(true);
    expect(text(part(el, 'error'))).to.include('Your session could not be verified');
  });
});
