import { expect } from '@open-wc/testing';
import type { CreditBalanceLoadEvent } from '../src/events.js';
import { billingPeriodEnd, plansGrants } from '../demo/mock/fixtures.js';
import { TEST_NOW } from './clock.js';
import { CUSTOMERS, creditNamed, mount, parts, requestLog, routes, scenario, text } from './helpers.js';

/** A grants widget for `customerId`, loaded. */
async function grantsWidget(customerId: string, attributes: Record<string, string> = {}) {
  const { el, outcome } = await mount({ 'customer-id': customerId, source: 'grants', ...attributes });
  expect(outcome.type).to.equal('credit-balance-load');
  return { el, event: outcome as CreditBalanceLoadEvent };
}

describe('<credit-balance source="grants">', () => {
  it('shows each grant with its balance after pending charges and the posted balance beside it', async () => {
    const { el, event } = await grantsWidget(CUSTOMERS.plans, { 'include-ledgers': '' });
    expect(event.detail.source).to.equal('grants');
    expect(parts(el, 'credit')).to.have.length(4);
    const welcome = creditNamed(el, 'Welcome credit');
    expect(text(welcome.querySelector('[part~="balance"]'))).to.equal('$115.00');
    expect(text(welcome)).to.include('$150.00 before pending charges');
    // Every grant shares the billing period: said once, naming its last day (effective_at is exclusive).
    const lastDay = new Date(billingPeriodEnd(TEST_NOW).getTime() - 1).toLocaleDateString('en-US', {
      timeZone: 'UTC',
      dateStyle: 'medium',
    });
    expect(text(el.shadowRoot!.querySelector('[part~="header"]'))).to.include(
      `Balances as of the end of the billing period (${lastDay}), with pending charges deducted.`,
    );
    expect(text(welcome)).to.not.include('billing period');
    expect(text(welcome)).to.include('left of $200.00 granted');
    // Equal balances: no second figure.
    expect(text(creditNamed(el, 'Compute pack'))).to.not.include('before pending charges');
  });

  it('shows what was paid, in its own credit type, and the products it applies to', async () => {
    const { el } = await grantsWidget(CUSTOMERS.plans);
    const pack = creditNamed(el, 'Compute pack');
    expect(text(pack.querySelector('[part~="balance"]'))).to.equal('64 GPU hours');
    expect(text(pack)).to.include('Paid $49.00');
    expect(text(pack)).to.include('Applies to GPU compute');
    // A free grant says nothing about payment.
    expect(text(creditNamed(el, 'Welcome credit'))).to.not.include('Paid');
  });

  it('shows each grant’s validity as its one segment, with its status', async () => {
    const { el } = await grantsWidget(CUSTOMERS.plans);
    const trial = creditNamed(el, 'Trial credit');
    const segments = parts(trial, 'segment');
    expect(segments).to.have.length(1);
    expect(text(segments[0]!.querySelector('[part~="badge"]'))).to.equal('Expired');
    expect(segments[0]!.dataset.segmentId).to.equal(trial.dataset.creditId);
    expect(text(parts(creditNamed(el, 'Welcome credit'), 'segment')[0]!.querySelector('[part~="badge"]'))).to.equal('Active');
  });

  it('shows deductions as history with include-ledgers, pending ones marked', async () => {
    const { el } = await grantsWidget(CUSTOMERS.plans, { 'include-ledgers': '' });
    const history = parts(creditNamed(el, 'Welcome credit'), 'ledger')[0]!;
    const entries = [...history.querySelectorAll('.ledger__entry')].map(text);
    // Newest first, each with the grant's balance after it: $200.00 granted, less $50.00, less $35.00 pending.
    expect(entries).to.have.length(2);
    expect(entries[0]).to.match(/^Deduction \(pending\) −\$35\.00 \w{3} \d+, \d{4} Balance \$115\.00 /);
    expect(entries[1]).to.match(/^Deduction −\$50\.00 \w{3} \d+, \d{4} Balance \$150\.00 /);
  });

  it('totals the balances after pending charges, per credit type', async () => {
    const { el, event } = await grantsWidget(CUSTOMERS.plans);
    // $115.00 (welcome) + $65.00 (launch week, usable until it expires before the period ends) + $0 (expired).
    expect(parts(el, 'total').map(text)).to.deep.equal(['$180.00 available', '64 GPU hours available']);
    expect(event.detail.totals.map((t) => t.available)).to.deep.equal([18_000, 64]);
  });

  it('follows query-string pages and sends the filters in the body', async () => {
    const grants = Array.from({ length: 3 }, () => plansGrants(TEST_NOW, 'x'))
      .flat()
      .map((g, i) => ({ ...g, id: `grant-${i}` }));
    const id = await scenario({ grants });
    const { el } = await grantsWidget(id, {
      'page-size': '4',
      'effective-before': '2100-01-01T00:00:00Z',
      'not-expiring-before': '2000-01-01T00:00:00Z',
      scope: 'customer',
      'include-archived': '',
    });
    expect(parts(el, 'credit')).to.have.length(12);
    const lists = routes(await requestLog(id), 'grants');
    expect(lists).to.have.length(3);
    expect(lists.map((r) => r.query.limit)).to.deep.equal(['4', '4', '4']);
    expect(lists.slice(1).every((r) => typeof r.query.next_page === 'string')).to.equal(true);
    expect(lists[0]!.body).to.deep.equal({
      customer_ids: [id],
      effective_before: '2100-01-01T00:00:00Z',
      not_expiring_before: '2000-01-01T00:00:00Z',
    });
  });

  it('is accessible', async () => {
    const { el } = await grantsWidget(CUSTOMERS.plans, { 'include-ledgers': '' });
    await expect(el).to.be.accessible();
  });
});
