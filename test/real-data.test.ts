// Right money on real Metronome data: records shaped exactly as the official SDK types them, including what
// it marks optional, through the rendered widget. Each case is something a paying customer would see.
import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import type { CreditBalanceLoadEvent } from '../src/events.js';
import { plansGrants } from '../demo/mock/fixtures.js';
import { TEST_NOW } from './clock.js';
import { CUSTOMERS, creditNamed, mount, part, parts, scenario, text } from './helpers.js';

const USD = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };
const DAY = 86_400_000;
const hasState = (el: CreditBalance, state: string) => el.matches(`:state(${state})`);
const badges = (card: HTMLElement) => parts(card, 'badge').map(text);

/** A widget for `customerId`, loaded: with it, its load event and every event it fired. */
async function mountLoaded(customerId: string, attributes: Record<string, string> = {}) {
  const mounted = await mount({ 'customer-id': customerId, ...attributes });
  expect(mounted.outcome.type, 'the load succeeds').to.equal('credit-balance-load');
  return { ...mounted, load: mounted.outcome as CreditBalanceLoadEvent };
}

/** A credit with only the fields the SDK requires, and `fields` over them. */
const sdkCredit = (id: string, fields: Partial<Metronome.Credit> = {}): Metronome.Credit => ({
  id,
  type: 'CREDIT',
  product: { id: `product-${id}`, name: `Product ${id}` },
  ...fields,
});

const schedule = (amount: number, start: number, end: number): Metronome.Credit['access_schedule'] => ({
  credit_type: USD,
  schedule_items: [{ id: 'segment', amount, starting_at: new Date(start).toISOString(), ending_before: new Date(end).toISOString() }],
});

describe('real Metronome data', () => {
  describe('one bad credit never blanks the rest', () => {
    it('shows the others, says how many could not be shown, and reports each in the load event', async () => {
      const { el, load } = await mountLoaded(CUSTOMERS.edge, { 'low-balance': '1' });
      // Four readable credits render; the unreadable one (an amount sent as a string) is set aside.
      expect(parts(el, 'credit')).to.have.length(4);
      expect(parts(el, 'credit-name').map(text)).to.not.include('Partner credit');
      expect(text(part(el, 'notice'))).to.equal('1 credit could not be shown.');
      expect(part(el, 'error')).to.equal(null);
      expect(hasState(el, 'ready')).to.equal(true);
      expect(hasState(el, 'error')).to.equal(false);
      expect(load.detail.skipped).to.have.length(1);
      const [skipped] = load.detail.skipped;
      expect(skipped!.id).to.be.a('string').and.not.equal('');
      expect(skipped!.message).to.match(/data\[\d\]\.access_schedule\.schedule_items\[0\]\.amount is not a finite number/);
      expect(load.detail.credits.map((c) => c.id)).to.not.include(skipped!.id);
    });

    it('sets aside a credit or a commit whose product has no id, which the SDK requires, and says so', async () => {
      const noProductId = { ...sdkCredit('no-product-id', { name: 'Unreadable', balance: 100 }), product: { name: 'P' } };
      const noCommitProductId = {
        id: 'commit-without-product-id',
        type: 'PREPAID',
        created_at: '2026-01-01T00:00:00Z',
        product: { name: 'P' },
      };
      const id = await scenario({ credits: [noProductId, sdkCredit('ok', { name: 'Fine', balance: 100 })], commits: [noCommitProductId] });
      const { el, load } = await mountLoaded(id, { source: 'balances' });
      expect(parts(el, 'credit-name').map(text)).to.deep.equal(['Fine']);
      expect(text(part(el, 'notice'))).to.equal('2 credits could not be shown.');
      expect(load.detail.skipped.map((s) => s.id)).to.deep.equal(['commit-without-product-id', 'no-product-id']);
      for (const skipped of load.detail.skipped) expect(skipped.message).to.match(/data\[\d\]\.product\.id is not a string/);
    });

    it('counts several, in the widget’s language', async () => {
      const broken = (id: string) => ({ ...sdkCredit(id), balance: '12' });
      const id = await scenario({ credits: [broken('x'), sdkCredit('ok', { name: 'Fine', balance: 100 }), broken('y'), { no: 'id' }] });
      const { el, load } = await mountLoaded(id, { locale: 'de-DE' });
      expect(parts(el, 'credit-name').map(text)).to.deep.equal(['Fine']);
      expect(text(part(el, 'notice'))).to.equal('3 Guthaben konnten nicht angezeigt werden.');
      expect(load.detail.skipped.map((s) => s.id)).to.deep.equal(['x', 'y', undefined]);
      expect(load.detail.skipped[2]!.message).to.include('data[3].id is not a string');
    });

    it('shows no notice when every credit could be read', async () => {
      const { el, load } = await mountLoaded(CUSTOMERS.acme);
      expect(part(el, 'notice')).to.equal(null);
      expect(load.detail.skipped).to.deep.equal([]);
    });

    it('shows a credit without a balance as unavailable, left out of the totals and the low-balance check', async () => {
      const { el, load, find } = await mountLoaded(CUSTOMERS.edge, { 'low-balance': '1' });
      const annual = creditNamed(el, 'Annual commitment bonus');
      expect(text(part(annual, 'balance'))).to.equal('Balance unavailable');
      expect(part(annual, 'meter')).to.equal(null);
      // Its schedule is still shown.
      expect(parts(annual, 'segment')).to.have.length(1);
      expect(badges(annual)).to.include('Active');
      // $130.00 (starter) + $0 (renewal) + $25.00 (goodwill): the $1,000.00 without a balance counts for nothing.
      // The goodwill credit has no schedule, so no credit type: USD (cents), Metronome's documented default.
      expect(parts(el, 'total').map(text)).to.deep.equal(['$155.00 available']);
      expect(load.detail.totals[0]!.count).to.equal(3);
      expect(text(annual)).to.not.match(/NaN|undefined|\$0\.00/);
      expect(find('credit-balance-low')).to.equal(undefined);
    });

    it('a customer whose only credit has no balance has no total, and no false low-balance warning', async () => {
      const now = TEST_NOW.getTime();
      const id = await scenario({
        credits: [sdkCredit('a', { name: 'Pending setup', access_schedule: schedule(10_000, now - DAY, now + 90 * DAY) })],
      });
      const { el, find } = await mountLoaded(id, { 'low-balance': '50' });
      expect(parts(el, 'total')).to.have.length(0);
      expect(hasState(el, 'low')).to.equal(false);
      expect(find('credit-balance-low')).to.equal(undefined);
    });
  });

  describe('grants as the SDK defines them', () => {
    it('a grant that expires before the billing period ends shows what is left to use, flagged expiring', async () => {
      const { el, load, find } = await mountLoaded(CUSTOMERS.plans, { source: 'grants', 'low-balance': '150' });
      const launch = creditNamed(el, 'Launch week bonus');
      // Metronome's including_pending is 0; $80.00 posted less the $15.00 pending charge before it expires.
      expect(text(part(launch, 'balance'))).to.equal('$65.00');
      expect(text(launch)).to.include('$80.00 before pending charges');
      expect(text(launch)).to.include('Expires before the end of the billing period');
      expect(badges(launch)).to.include('Expiring soon');
      expect(hasState(el, 'expiring')).to.equal(true);
      const expiring = find('credit-balance-expiring');
      expect(expiring!.detail.credits.map((c) => c.name)).to.include('Launch week bonus');
      // It counts in the total: $115.00 + $65.00 + $0 (expired), so dollars are not low against $150 (at $115 they
      // would be); the 64 GPU hours are.
      expect(parts(el, 'total').map(text)[0]).to.equal('$180.00 available');
      expect(load.detail.totals[0]!.available).to.equal(18_000);
      const low = find('credit-balance-low');
      expect(low!.detail.totals.map((t) => t.creditType.name)).to.deep.equal(['GPU hours']);
      // A grant lasting past the period end says nothing of the kind, and neither does one that has expired.
      expect(text(creditNamed(el, 'Welcome credit'))).to.not.include('Expires before the end');
      const trial = creditNamed(el, 'Trial credit');
      expect(badges(trial)).to.include('Expired');
      expect(text(trial)).to.not.include('Expires before the end');
    });

    it('a deduction always reads as money out of its grant, whatever the credit type’s running balance does', async () => {
      // Two grants of one credit type: the running balance (the type's, across grants) rises between them.
      const [welcome, , launch] = plansGrants(TEST_NOW, 'x');
      const deduction = (grant: string, amount: number, running: number, day: number): Metronome.V1.CreditLedgerEntry => ({
        amount,
        created_by: 'system',
        credit_grant_id: grant,
        effective_at: new Date(TEST_NOW.getTime() - day * DAY).toISOString(),
        reason: 'Usage invoice',
        running_balance: running,
      });
      const id = await scenario({
        grants: [
          { ...welcome!, deductions: [deduction(welcome!.id, 5_000, 25_000, 20)], pending_deductions: [] },
          { ...launch!, deductions: [deduction(launch!.id, 5_000, 30_000, 10)], pending_deductions: [] },
        ],
      });
      const { el } = await mountLoaded(id, { source: 'grants', 'include-ledgers': '' });
      for (const name of ['Welcome credit', 'Launch week bonus']) {
        const entries = [...part(creditNamed(el, name), 'ledger')!.querySelectorAll('.ledger__entry')].map(text);
        expect(entries, name).to.have.length(1);
        expect(entries[0], name).to.match(/^Deduction −\$50\.00 /);
      }
    });
  });

  it('a credit without an access schedule shows its balance, with no period and no status badge', async () => {
    const { el } = await mountLoaded(CUSTOMERS.edge);
    const goodwill = creditNamed(el, 'Support goodwill credit');
    // Without a schedule there is no credit type either: USD (cents), the default Metronome documents.
    expect(text(part(goodwill, 'balance'))).to.equal('$25.00');
    expect(badges(goodwill)).to.deep.equal([]);
    expect(text(goodwill)).to.not.match(/Expired|granted|Expires|Starts/);
    expect(parts(goodwill, 'schedule')).to.have.length(0);
    expect(goodwill.querySelector('.timeline')).to.equal(null);
    // It is usable: listed before the upcoming credit.
    const names = parts(el, 'credit-name').map(text);
    expect(names.indexOf('Support goodwill credit')).to.be.lessThan(names.indexOf('Renewal credit'));
  });

  it('an upcoming credit says what is to come and when, with no meter, not what is left of it', async () => {
    for (const [locale, toCome, starts] of [
      ['en-US', '$500.00 to come', /^Starts in 3 years$/],
      ['de-DE', '500,00 $ kommen noch', /^Beginnt in 3 Jahren$/],
      ['ja-JP', '$500.00 付与予定', /^3 年後に開始$/],
    ] as const) {
      const { el } = await mountLoaded(CUSTOMERS.edge, { locale });
      const renewal = creditNamed(el, 'Renewal credit');
      expect(text(renewal.querySelector('.credit__figures'))).to.equal(toCome);
      expect(text(renewal.querySelector('.credit__when'))).to.match(starts);
      expect(parts(renewal, 'meter')).to.have.length(0);
      el.remove();
    }
  });

  describe('relative times use the largest sensible unit', () => {
    const cases = [
      { locale: 'en-US', starts: 'Starts in 3 years' },
      { locale: 'de-DE', starts: 'Beginnt in 3 Jahren' },
      { locale: 'fr-FR', starts: 'dans 3 ans' },
      { locale: 'es-ES', starts: 'dentro de 3 años' },
      { locale: 'ja-JP', starts: '3 年後' },
    ];
    for (const c of cases) {
      it(`${c.locale}: a start three years away reads in years`, async () => {
        const { el } = await mountLoaded(CUSTOMERS.edge, { locale: c.locale });
        const when = text(creditNamed(el, 'Renewal credit').querySelector('.credit__when'));
        expect(when).to.include(c.starts);
        expect(when).to.not.match(/3[56]|month|Monat|mois|mes|か月/);
      });
    }
  });

  describe('reasons and invoices in the history', () => {
    it('shows a manual adjustment’s reason and a grant deduction’s reason', async () => {
      const { el } = await mountLoaded(CUSTOMERS.edge, { 'include-ledgers': '' });
      const entry = part(creditNamed(el, 'Support goodwill credit'), 'ledger')!.querySelector('.ledger__entry')!;
      expect(text(entry)).to.match(/^Manual adjustment \+\$25\.00 .* Goodwill for the outage on the 3rd$/);

      const grants = await mountLoaded(CUSTOMERS.plans, { source: 'grants', 'include-ledgers': '' });
      const launch = [...part(creditNamed(grants.el, 'Launch week bonus'), 'ledger')!.querySelectorAll('.ledger__entry')].map(text);
      // Newest first. The deduction dated at the grant's expiry is what expires unused: it reads as an expiry.
      expect(launch).to.have.length(3);
      expect(launch[0]).to.match(/^Expires unused −\$65\.00 .* Balance \$0\.00 Expiration$/);
      expect(launch[1]).to.match(/^Deduction \(pending\) −\$15\.00 .* Balance \$65\.00 Draft usage invoice$/);
      expect(launch[2]).to.match(/^Deduction −\$20\.00 .* Balance \$80\.00 Usage invoice$/);
    });

    it('links each entry with an invoice to the host’s invoice page, the id URL-encoded', async () => {
      const id = await scenario({
        credits: [
          sdkCredit('c', {
            name: 'Linked',
            balance: 100,
            ledger: [
              {
                type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION',
                amount: -300,
                segment_id: 's',
                invoice_id: 'inv 1/a?b',
                timestamp: '2026-02-01T00:00:00Z',
              },
              { type: 'CREDIT_MANUAL', amount: 400, reason: 'Goodwill', timestamp: '2026-01-01T00:00:00Z' },
            ],
          }),
        ],
      });
      const { el } = await mountLoaded(id, { 'include-ledgers': '', 'invoice-url': '/billing/invoices/{invoice_id}' });
      const links = [...part(el, 'ledger')!.querySelectorAll('a')];
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal(`${location.origin}/billing/invoices/inv%201%2Fa%3Fb`);
      expect(text(links[0])).to.equal('View invoice');

      // Without invoice-url, no links; a template that leads off to another origin over http, or to script, none.
      // (One without {invoice_id} is a configuration mistake: see resilience.test.ts.)
      for (const template of [undefined, 'javascript:alert("{invoice_id}")', 'http://elsewhere.example/{invoice_id}']) {
        el.toggleAttribute('invoice-url', template !== undefined);
        if (template !== undefined) el.setAttribute('invoice-url', template);
        await el.updateComplete;
        expect(part(el, 'ledger')!.querySelectorAll('a'), String(template)).to.have.length(0);
      }
      el.setAttribute('invoice-url', 'https://billing.example/invoices?id={invoice_id}');
      await el.updateComplete;
      expect(part(el, 'ledger')!.querySelector('a')!.getAttribute('href')).to.equal('https://billing.example/invoices?id=inv%201%2Fa%3Fb');
    });
  });

  it('is accessible with the notice, the unavailable balance and the invoice links', async () => {
    const { el } = await mountLoaded(CUSTOMERS.edge, { 'include-ledgers': '', 'invoice-url': '/invoices/{invoice_id}' });
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await expect(el).to.be.accessible();
  });
});
