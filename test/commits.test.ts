// Commits through the rendered widget, for source="balances" (commits and credits together) and source="commits":
// what a contract customer reads of each figure, as the SDK defines it. Every record `satisfies` the SDK's types.
import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import type { CreditBalanceLoadEvent, CreditBalanceLowEvent } from '../src/events.js';
import { contractBalances, monthStart } from '../demo/mock/fixtures.js';
import { TEST_NOW } from './clock.js';
import { CUSTOMERS, creditNamed, mount, part, parts, requestLog, routes, scenario, text } from './helpers.js';

const USD = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };
const DAY = 86_400_000;
const hasState = (el: CreditBalance, state: string) => el.matches(`:state(${state})`);
const day = (date: Date) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);

async function mountLoaded(customerId: string, attributes: Record<string, string> = {}) {
  const mounted = await mount({ 'customer-id': customerId, source: 'balances', ...attributes });
  expect(mounted.outcome.type, 'the load succeeds').to.equal('credit-balance-load');
  return { ...mounted, load: mounted.outcome as CreditBalanceLoadEvent };
}

/** A commit with only the fields the SDK requires, and `fields` over them. */
const sdkCommit = (id: string, fields: Partial<Metronome.Commit> = {}): Metronome.Commit => ({
  id,
  type: 'PREPAID',
  created_at: '2026-01-01T00:00:00Z',
  product: { id: `product-${id}`, name: `Product ${id}` },
  created_by: 'someone@example.com',
  ...fields,
});

/** One segment from `start` to `end` (ms), of `amount` cents. */
const access = (amount: number, start: number, end: number): Metronome.Commit['access_schedule'] => ({
  credit_type: USD,
  schedule_items: [{ id: `s-${start}`, amount, starting_at: new Date(start).toISOString(), ending_before: new Date(end).toISOString() }],
});

const now = TEST_NOW.getTime();

describe('commits', () => {
  describe('source="balances": the contract customer', () => {
    it('shows every item with its kind, to the customer, in parts and states, and in the load event', async () => {
      const { el, load } = await mountLoaded(CUSTOMERS.contract);
      expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('Balances');
      const kindOf = (name: string) => text(part(creditNamed(el, name)!, 'kind'));
      expect(kindOf('Annual prepaid commitment')).to.equal('Prepaid');
      expect(kindOf('Automatic top-up')).to.equal('Prepaid');
      expect(kindOf('Minimum spend commitment')).to.equal('Spend commitment');
      expect(kindOf('Launch promotion')).to.equal('Credit');
      expect([...creditNamed(el, 'Minimum spend commitment')!.part]).to.include.members(['credit', 'kind-postpaid']);
      expect([...creditNamed(el, 'Annual prepaid commitment')!.part]).to.include.members(['credit', 'kind-prepaid']);
      expect([...creditNamed(el, 'Monthly included usage')!.part]).to.include.members(['credit', 'kind-credit']);
      expect(hasState(el, 'prepaid') && hasState(el, 'postpaid')).to.equal(true);
      expect(load.detail.source).to.equal('balances');
      expect(load.detail.credits.map((c) => c.kind).sort()).to.deep.equal(['credit', 'credit', 'postpaid', 'prepaid', 'prepaid']);
    });

    for (const source of ['balances', 'commits']) {
      it(`${source}: shows a prepaid commit: what is left, what was granted, its timeline, its invoice schedule and its rollover`, async () => {
        const { el } = await mountLoaded(CUSTOMERS.contract, { source, 'invoice-url': '/billing/invoices/{invoice_id}' });
        const card = creditNamed(el, 'Annual prepaid commitment')!;
        expect(text(part(card, 'balance'))).to.equal('$6,125.00');
        expect(text(card.querySelector('.credit__granted'))).to.equal('left of $10,000.00 granted');
        expect(card.querySelector('.timeline'), 'the access schedule as a timeline').to.not.equal(null);
        const instalments = parts(card, 'instalment');
        expect(instalments.map((i) => text(i.querySelector('.invoices__amount')))).to.deep.equal(['$5,000.00', '$5,000.00']);
        expect(text(instalments[0]!.querySelector('.invoices__date'))).to.equal(day(monthStart(TEST_NOW, -3)));
        const link = instalments[0]!.querySelector('a')!;
        expect(text(link)).to.equal('Invoiced');
        expect(link.getAttribute('href')).to.match(/\/billing\/invoices\/[\w-]+$/);
        expect(instalments[0]!.part.contains('instalment-invoiced')).to.equal(true);
        expect(text(instalments[1]!.querySelector('.invoices__status'))).to.equal('To be invoiced');
        expect(instalments[1]!.querySelector('a')).to.equal(null);
        expect(text(card.querySelector('.invoices__left'))).to.equal('$5,000.00 still to be invoiced');
        expect(text(card)).to.include('50% of what is unused carries over when your contract renews.');
        expect(text(creditNamed(el, 'Automatic top-up'))).to.include('Added by an automatic top-up.');
      });

      it(`${source}: reads a postpaid commit as a commitment to spend, with its kind`, async () => {
        const { el, load } = await mountLoaded(CUSTOMERS.contract, { source });
        const card = creditNamed(el, 'Minimum spend commitment')!;
        expect(text(part(card, 'kind'))).to.equal('Spend commitment');
        expect([...card.part]).to.include('kind-postpaid');
        expect(text(card.querySelector('.credit__granted'))).to.equal('still to be used of $24,000.00 committed');
        expect(text(card)).to.include('You committed to spend $24,000.00 by');
        expect(
          load.detail.totals.map((t) => t.available),
          'only the prepaid commits (and credits) are money held',
        ).to.deep.equal([source === 'balances' ? 868_500 : 812_500]);
        expect(hasState(el, 'postpaid')).to.equal(true);
      });
    }

    it('says which commit an automatic top-up made', async () => {
      const { el } = await mountLoaded(CUSTOMERS.contract);
      expect(text(creditNamed(el, 'Automatic top-up'))).to.include('Added by an automatic top-up.');
      expect(text(creditNamed(el, 'Annual prepaid commitment'))).to.not.include('top-up');
    });

    it('reads a postpaid commit as a commitment to spend, never as money held', async () => {
      const { el, load, find } = await mountLoaded(CUSTOMERS.contract, { 'low-balance': '9000' });
      const card = creditNamed(el, 'Minimum spend commitment')!;
      expect(text(part(card, 'balance'))).to.equal('$16,500.00');
      expect(text(card.querySelector('.credit__granted'))).to.equal('still to be used of $24,000.00 committed');
      const end = new Date(monthStart(TEST_NOW, 9).getTime() - 1);
      expect(text(card)).to.include(
        `You committed to spend $24,000.00 by ${day(end)}. Whatever is not used by then is invoiced at the end (true-up).`,
      );
      expect(parts(card, 'badge').map(text)).to.not.include('Used next');
      // The total is what can be used now: prepaid commits and credits, with their shares.
      const [total] = load.detail.totals;
      expect(total!.available).to.equal(612_500 + 200_000 + 31_000 + 25_000);
      expect(text(part(el, 'total'))).to.include('$8,685.00');
      expect(text(part(el, 'total-shares'))).to.equal('$8,125.00 purchased · $560.00 free');
      // $8,685 is below 9,000: low, on what is held; the commitment's $16,500 never lifts it.
      expect(find('credit-balance-low')!.detail.totals.map((t) => t.available)).to.deep.equal([868_500]);
      expect((find('credit-balance-low') as CreditBalanceLowEvent).detail.totals[0]!.shares).to.deep.equal({
        purchased: 812_500,
        free: 56_000,
      });
    });

    it('follows Metronome’s burn-down order across commits and credits: priority, then cost basis, products, end, start', async () => {
      const { el } = await mountLoaded(CUSTOMERS.contract);
      expect(parts(creditNamed(el, 'Monthly included usage')!, 'badge').map(text)).to.include('Used next');
      expect(text(creditNamed(el, 'Launch promotion'))).to.include('Used after Monthly included usage');
      expect(text(creditNamed(el, 'Annual prepaid commitment'))).to.include('Used after Launch promotion');
      expect(text(creditNamed(el, 'Automatic top-up'))).to.include('Used after Annual prepaid commitment');

      // At one priority, a free credit goes before a paid commit ending sooner, and a commit restricted to
      // fewer products before one that applies to all.
      const soon = now + 10 * DAY;
      const later = now + 100 * DAY;
      const id = await scenario({
        commits: [
          sdkCommit('paid', { name: 'Paid', priority: 1, cost_basis: 1, balance: 100, access_schedule: access(100, now - DAY, soon) }),
          sdkCommit('narrow', {
            name: 'Narrow',
            priority: 2,
            balance: 100,
            applicable_product_ids: ['p'],
            access_schedule: access(100, now - DAY, later),
          }),
          sdkCommit('broad', { name: 'Broad', priority: 2, balance: 100, access_schedule: access(100, now - DAY, soon) }),
        ],
        credits: [
          {
            id: 'free',
            type: 'CREDIT',
            name: 'Free',
            product: { id: 'p', name: 'P' },
            priority: 1,
            balance: 100,
            access_schedule: access(100, now - DAY, later),
          } satisfies Metronome.Credit,
        ],
      });
      const order = await mountLoaded(id);
      expect(parts(creditNamed(order.el, 'Free')!, 'badge').map(text)).to.include('Used next');
      expect(text(creditNamed(order.el, 'Paid'))).to.include('Used after Free');
      expect(text(creditNamed(order.el, 'Narrow'))).to.include('Used after Paid');
      expect(text(creditNamed(order.el, 'Broad'))).to.include('Used after Narrow');
    });

    it('raises expiring over a prepaid commit, never over a commitment to spend', async () => {
      const ending = now + 5 * DAY;
      const id = await scenario({
        commits: [
          sdkCommit('spend', { type: 'POSTPAID', name: 'Spend', balance: 5_000, access_schedule: access(10_000, now - DAY, ending) }),
        ],
      });
      const postpaid = await mountLoaded(id);
      expect(hasState(postpaid.el, 'expiring')).to.equal(false);
      expect(postpaid.find('credit-balance-expiring')).to.equal(undefined);
      expect(postpaid.load.detail.totals, 'no money held').to.deep.equal([]);

      const prepaid = await scenario({
        commits: [sdkCommit('prepaid', { name: 'Prepaid', balance: 5_000, access_schedule: access(10_000, now - DAY, ending) })],
      });
      const { el, find } = await mountLoaded(prepaid);
      expect(hasState(el, 'expiring')).to.equal(true);
      expect(find('credit-balance-expiring')!.detail.credits.map((c) => c.id)).to.deep.equal(['prepaid']);
    });

    it('says where a commit came from: a rollover from the previous contract, a recurring commit', async () => {
      const id = await scenario({
        commits: [
          sdkCommit('rolled', {
            name: 'Rolled',
            created_by: undefined,
            rolled_over_from: { commit_id: 'old', contract_id: 'old-contract' },
            balance: 1,
            access_schedule: access(1, now - DAY, now + 90 * DAY),
          }),
          sdkCommit('recurring', {
            name: 'Recurring',
            created_by: undefined,
            recurring_commit_id: 'r',
            balance: 1,
            access_schedule: access(1, now - DAY, now + 90 * DAY),
          }),
        ],
      });
      const { el } = await mountLoaded(id);
      expect(text(creditNamed(el, 'Rolled'))).to.include('Rolled over from your previous contract.');
      expect(text(creditNamed(el, 'Recurring'))).to.include('Part of a recurring commitment.');
      expect(text(creditNamed(el, 'Recurring'))).to.not.include('top-up');
    });

    it('words all 14 commit ledger entry types, links deductions to invoices, gives manual reasons, and keeps unknown types', async () => {
      const entry = (type: string, fields: Record<string, unknown> = {}) => ({
        type,
        amount: -100,
        timestamp: new Date(now - 5 * DAY).toISOString(),
        ...fields,
      });
      const segment = { segment_id: 's' };
      const invoice = { ...segment, invoice_id: 'inv-1' };
      const prepaidLedger = [
        entry('PREPAID_COMMIT_SEGMENT_START', { ...segment, amount: 1000 }),
        entry('PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', invoice),
        entry('PREPAID_COMMIT_ROLLOVER', { ...segment, new_contract_id: 'c2' }),
        entry('PREPAID_COMMIT_EXPIRATION', segment),
        entry('PREPAID_COMMIT_CANCELED', invoice),
        entry('PREPAID_COMMIT_CREDITED', { ...invoice, amount: 100 }),
        entry('PREPAID_COMMIT_SEAT_BASED_ADJUSTMENT', segment),
        entry('PREPAID_COMMIT_MANUAL', { reason: 'Goodwill adjustment' }),
        entry('PREPAID_COMMIT_SOMETHING_NEW'),
      ];
      const postpaidLedger = [
        entry('POSTPAID_COMMIT_INITIAL_BALANCE', { amount: 1000 }),
        entry('POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', invoice),
        entry('POSTPAID_COMMIT_ROLLOVER', { ...segment, new_contract_id: 'c2' }),
        entry('POSTPAID_COMMIT_TRUEUP', { invoice_id: 'inv-2' }),
        entry('POSTPAID_COMMIT_MANUAL', { reason: 'Contract amended' }),
        entry('POSTPAID_COMMIT_EXPIRATION'),
      ];
      const schedule = access(1000, now - 10 * DAY, now + 90 * DAY);
      const id = await scenario({
        commits: [
          { ...sdkCommit('pre', { name: 'Pre', balance: 500, access_schedule: schedule }), ledger: prepaidLedger },
          { ...sdkCommit('post', { type: 'POSTPAID', name: 'Post', balance: 500, access_schedule: schedule }), ledger: postpaidLedger },
        ],
      });
      const { el } = await mountLoaded(id, { 'include-ledgers': '', 'invoice-url': '/billing/invoices/{invoice_id}' });
      // Newest first: the ledgers above, read from their end.
      const labels = (name: string) => [...creditNamed(el, name)!.querySelectorAll('.ledger__label')].map(text).reverse();
      expect(labels('Pre')).to.deep.equal([
        'Prepaid balance available',
        'Used on an invoice',
        'Rolled over to a new contract',
        'Expired unused',
        'Canceled',
        'Credited back',
        'Seat change adjustment',
        'Manual adjustment',
        'Balance change',
      ]);
      expect(labels('Post')).to.deep.equal([
        'Commitment to spend',
        'Usage counted towards the commitment',
        'Rolled over to a new contract',
        'Unused commitment invoiced (true-up)',
        'Manual adjustment',
        'Commitment period ended',
      ]);
      const pre = creditNamed(el, 'Pre')!;
      expect(text(pre.querySelector('.ledger__reason'))).to.equal('Goodwill adjustment');
      expect([...pre.querySelectorAll('.ledger__invoice')].map((a) => a.getAttribute('href'))).to.deep.equal(
        ['/billing/invoices/inv-1', '/billing/invoices/inv-1', '/billing/invoices/inv-1'].map(
          (path) => new URL(path, document.baseURI).href,
        ),
      );
      expect(text(creditNamed(el, 'Post')!.querySelector('.ledger__reason'))).to.equal('Contract amended');
    });

    it('sets one unreadable commit aside and reports it, never blanking the rest', async () => {
      const broken = { ...sdkCommit('broken'), type: 'SOMETIMES' };
      const id = await scenario({
        commits: [broken, sdkCommit('fine', { name: 'Fine', balance: 1, access_schedule: access(1, now - DAY, now + DAY * 40) })],
      });
      const { el, load } = await mountLoaded(id);
      expect(parts(el, 'credit-name').map(text)).to.deep.equal(['Fine']);
      expect(text(part(el, 'notice'))).to.equal('1 credit could not be shown.');
      expect(load.detail.skipped.map((s) => s.id)).to.deep.equal(['broken']);
      expect(load.detail.skipped[0]!.message).to.match(/data\[0\]\.type is not "PREPAID" or "POSTPAID"/);
    });

    it('asks List balances with the scope, the filters on request, exclude-zero-balances and one item’s id', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const [prepaid] = contractBalances(TEST_NOW).commits;
      await mountLoaded(id, {
        scope: 'customer',
        'include-archived': '',
        'exclude-zero-balances': '',
        'covering-date': '2026-01-01T00:00:00Z',
        'credit-id': prepaid!.id,
      });
      const [request] = routes(await requestLog(id), 'balances');
      expect(request!.body).to.deep.equal({
        customer_id: id,
        include_balance: true,
        include_contract_balances: false,
        include_archived: true,
        exclude_zero_balances: true,
        covering_date: '2026-01-01T00:00:00Z',
        id: prepaid!.id,
        limit: 25,
      });
    });

    it('says so when there is nothing, in the words of commitments', async () => {
      const id = await scenario({ commits: [], credits: [] });
      const { el } = await mountLoaded(id);
      expect(text(part(el, 'empty'))).to.equal('There are no commitments or credits on this account.');
    });
  });

  describe('source="commits"', () => {
    it('lists the commits only, through List commits, with the contract-level ones', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const { el, load } = await mountLoaded(id, { source: 'commits', 'page-size': '2' });
      expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('Commitments');
      expect(parts(el, 'credit-name').map(text).sort()).to.deep.equal([
        'Annual prepaid commitment',
        'Automatic top-up',
        'Minimum spend commitment',
      ]);
      expect(load.detail.source).to.equal('commits');
      const lists = routes(await requestLog(id), 'commits');
      expect(lists, 'two pages of two').to.have.length(2);
      expect(lists[0]!.body).to.deep.equal({ customer_id: id, include_balance: true, include_contract_commits: true, limit: 2 });
      expect(routes(await requestLog(id), 'credits')).to.deep.equal([]);
      expect(text(part(creditNamed(el, 'Minimum spend commitment')!, 'kind'))).to.equal('Spend commitment');
    });

    it('picks one commit with credit-id', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const [, topUp] = contractBalances(TEST_NOW).commits;
      const { el } = await mountLoaded(id, { source: 'commits', 'credit-id': topUp!.id });
      expect(parts(el, 'credit-name').map(text)).to.deep.equal(['Automatic top-up']);
      expect(routes(await requestLog(id), 'commits')[0]!.body).to.include({ commit_id: topUp!.id });
    });
  });

  describe('in every language', () => {
    const cases = [
      { locale: 'de-DE', title: 'Salden', kind: 'Ausgabenzusage', words: 'Sie haben zugesagt, bis zum' },
      { locale: 'fr-FR', title: 'Soldes', kind: 'Engagement de dépense', words: 'Vous vous êtes engagé à dépenser' },
      { locale: 'es-ES', title: 'Saldos', kind: 'Compromiso de gasto', words: 'Se comprometió a gastar' },
      { locale: 'ja-JP', title: '残高', kind: '利用コミットメント', words: 'のご利用をお約束いただいています' },
    ];
    for (const c of cases) {
      it(`${c.locale}: commits in the language's own words`, async () => {
        const { el } = await mountLoaded(CUSTOMERS.contract, { locale: c.locale });
        expect(text(el.shadowRoot!.querySelector('.title'))).to.equal(c.title);
        const card = creditNamed(el, 'Minimum spend commitment')!;
        expect(text(part(card, 'kind'))).to.equal(c.kind);
        expect(text(card)).to.include(c.words);
      });
    }
  });

  it('is accessible with every commit detail shown', async () => {
    const { el } = await mountLoaded(CUSTOMERS.contract, { 'include-ledgers': '', 'invoice-url': '/billing/invoices/{invoice_id}' });
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await expect(el).to.be.accessible();
  });
});
