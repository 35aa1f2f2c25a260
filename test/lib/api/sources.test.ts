import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import { creditsSource } from '../../../src/lib/api/credits.js';
import { CreditBalanceError } from '../../../src/lib/errors.js';
import { GRANT_DEDUCTION, grantLedger, grantsSource } from '../../../src/lib/api/grants.js';
import { readLedger } from '../../../src/lib/api/ledgers.js';
import type { ListPlan } from '../../../src/lib/api/source.js';

const plan: ListPlan = {
  source: 'credits',
  customerId: 'cust',
  apiBase: 'https://billing.example/api/',
  limit: 25,
  scope: 'all',
  includeArchived: false,
  includeLedgers: false,
  excludeZeroBalances: false,
};

const USD = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };

/** A credit as the SDK types it, with `fields` over it (possibly breaking it, on purpose). */
function wireCredit(fields: Record<string, unknown> = {}) {
  const credit = {
    id: 'c1',
    type: 'CREDIT',
    product: { id: 'p', name: 'Product name' },
    access_schedule: {
      credit_type: USD,
      schedule_items: [
        { id: 's2', amount: 500, starting_at: '2026-02-01T00:00:00Z', ending_before: '2026-03-01T00:00:00Z' },
        { id: 's1', amount: 500, starting_at: '2026-01-01T00:00:00.000Z', ending_before: '2026-02-01T00:00:00+00:00' },
      ],
    },
    balance: 120.5,
  } satisfies Metronome.Credit;
  return { ...credit, ...fields };
}

function errorOf(run: () => unknown): CreditBalanceError {
  try {
    run();
  } catch (error) {
    if (error instanceof CreditBalanceError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('credits source', () => {
  it('puts limit, cursor and filters in the body, with include_balance', () => {
    const request = creditsSource.request(
      {
        ...plan,
        scope: 'customer',
        includeArchived: true,
        includeLedgers: true,
        coveringDate: '2026-01-01T00:00:00Z',
        startingAt: '2025-01-01T00:00:00Z',
        effectiveBefore: '2027-01-01T00:00:00Z',
        creditId: 'c9',
      },
      'cursor-2',
    );
    expect(request.url).to.equal('https://billing.example/api/v1/contracts/customerCredits/list');
    expect(request.body).to.deep.equal({
      customer_id: 'cust',
      include_balance: true,
      include_contract_credits: false,
      limit: 25,
      include_archived: true,
      include_ledgers: true,
      covering_date: '2026-01-01T00:00:00Z',
      starting_at: '2025-01-01T00:00:00Z',
      effective_before: '2027-01-01T00:00:00Z',
      credit_id: 'c9',
      next_page: 'cursor-2',
    });
  });

  it('asks for contract credits by default and sends no cursor on the first page', () => {
    expect(creditsSource.request(plan, undefined).body).to.deep.equal({
      customer_id: 'cust',
      include_balance: true,
      include_contract_credits: true,
      limit: 25,
    });
  });

  it('normalizes a credit: segments in order, granted summed, both timestamp forms', () => {
    const credit = creditsSource.normalize(wireCredit({ name: 'Promo', priority: 2 }), 'data[0]');
    expect(credit).to.deep.include({ id: 'c1', kind: 'credit', name: 'Promo', balance: 120.5, granted: 1000, priority: 2 });
    expect(credit.creditType).to.deep.equal(USD);
    expect(credit.segments.map((s) => s.id)).to.deep.equal(['s1', 's2']);
    expect(credit.segments[0]!.endsBefore.toISOString()).to.equal('2026-02-01T00:00:00.000Z');
  });

  it('falls back to the product name, which the SDK requires', () => {
    expect(creditsSource.normalize(wireCredit(), 'd').name).to.equal('Product name');
    expect(creditsSource.normalize(wireCredit({ name: '' }), 'd').name).to.equal('Product name');
  });

  it('reads a credit with only the fields the SDK requires: id, product and type', () => {
    const credit = creditsSource.normalize(
      { id: 'c9', type: 'CREDIT', product: { id: 'p', name: 'Bare' } } satisfies Metronome.Credit,
      'd',
    );
    expect(credit).to.deep.include({ id: 'c9', name: 'Bare', granted: 0, segments: [], ledger: [] });
    // No balance is an unknown balance, not zero.
    expect(credit.balance).to.equal(undefined);
    expect('balance' in credit).to.equal(false);
  });

  it('keeps the reason of a manual adjustment and the invoice of a deduction', () => {
    const credit = creditsSource.normalize(
      wireCredit({
        ledger: [
          { type: 'CREDIT_MANUAL', amount: 2_000, reason: 'Goodwill for the March outage', timestamp: '2026-01-05T00:00:00Z' },
          {
            type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION',
            amount: -300,
            segment_id: 's1',
            invoice_id: 'inv-1',
            timestamp: '2026-02-01T00:00:00Z',
          },
        ] satisfies Metronome.Credit['ledger'],
      }),
      'd',
      readLedger,
    );
    expect(credit.ledger.map((e) => [e.reason, e.invoiceId])).to.deep.equal([
      ['Goodwill for the March outage', undefined],
      [undefined, 'inv-1'],
    ]);
  });

  it('keeps unknown ledger types and ignores unknown fields', () => {
    const credit = creditsSource.normalize(
      wireCredit({
        brand_new_field: { nested: true },
        ledger: [
          { type: 'CREDIT_SEGMENT_START', amount: 500, segment_id: 's1', timestamp: '2026-01-01T00:00:00Z' },
          { type: 'CREDIT_MANUAL', amount: -20, reason: 'Goodwill', timestamp: '2026-01-05T00:00:00Z' },
          { type: 'CREDIT_SOMETHING_NEW', amount: -1, segment_id: 's1', timestamp: '2026-01-06T00:00:00Z', extra: 1 },
        ],
      }),
      'd',
      readLedger,
    );
    expect(credit.ledger.map((e) => [e.type, e.amount, e.segmentId])).to.deep.equal([
      ['CREDIT_SEGMENT_START', 500, 's1'],
      ['CREDIT_MANUAL', -20, undefined],
      ['CREDIT_SOMETHING_NEW', -1, 's1'],
    ]);
  });

  it('reads no ledger on a page that did not ask for ledgers (its reader is a chunk such a page never fetches)', () => {
    const ledger = [{ type: 'CREDIT_MANUAL', amount: 2_000, reason: 'Goodwill', timestamp: '2026-01-05T00:00:00Z' }];
    expect(creditsSource.normalize(wireCredit({ ledger }), 'd').ledger).to.deep.equal([]);
    expect(creditsSource.normalize(wireCredit({ ledger }), 'd', readLedger).ledger).to.have.length(1);
  });

  it('reads a ledger type named like a property every object has (toString, constructor) as an unknown type', () => {
    const entry = (type: string) => ({ type, amount: -1, timestamp: '2026-01-06T00:00:00Z' });
    const credit = creditsSource.normalize(
      wireCredit({ ledger: [entry('toString'), entry('constructor'), entry('__proto__')] }),
      'd',
      readLedger,
    );
    expect(credit.ledger.map((e) => e.type)).to.deep.equal(['toString', 'constructor', '__proto__']);
  });

  it('reads a missing credit type as USD (cents), the default Metronome documents', () => {
    const credit = creditsSource.normalize(wireCredit({ access_schedule: { schedule_items: [] } }), 'd');
    expect(credit.creditType).to.deep.equal({ id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' });
    expect(credit.granted).to.equal(0);
  });

  const bad = [
    { name: 'a string balance', fields: { balance: '12' }, path: 'data[3].balance' },
    { name: 'a null balance (optional, not nullable)', fields: { balance: null }, path: 'data[3].balance' },
    { name: 'no product', fields: { product: undefined }, path: 'data[3].product is not an object' },
    { name: 'a product without a name', fields: { product: { id: 'p' } }, path: 'data[3].product.name' },
    { name: 'a product without its id (the SDK requires it)', fields: { product: { name: 'P' } }, path: 'data[3].product.id' },
    { name: 'another type than CREDIT', fields: { type: 'COMMIT' }, path: 'data[3].type is not "CREDIT"' },
    { name: 'a schedule without items', fields: { access_schedule: { credit_type: USD } }, path: 'access_schedule.schedule_items' },
    {
      name: 'a deduction without its invoice',
      fields: { ledger: [{ type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION', amount: -1, segment_id: 's1', timestamp: '2026-01-06T00:00:00Z' }] },
      path: 'data[3].ledger[0].invoice_id',
    },
    {
      name: 'a manual entry without its reason',
      fields: { ledger: [{ type: 'CREDIT_MANUAL', amount: -1, timestamp: '2026-01-06T00:00:00Z' }] },
      path: 'data[3].ledger[0].reason',
    },
    {
      name: 'a NaN-like amount',
      fields: {
        access_schedule: {
          credit_type: USD,
          schedule_items: [{ id: 's', amount: null, starting_at: '2026-01-01T00:00:00Z', ending_before: '2026-02-01T00:00:00Z' }],
        },
      },
      path: 'schedule_items[0].amount',
    },
    {
      name: 'an invalid date',
      fields: {
        access_schedule: {
          credit_type: USD,
          schedule_items: [{ id: 's', amount: 1, starting_at: 'soon', ending_before: '2026-02-01T00:00:00Z' }],
        },
      },
      path: 'starting_at',
    },
    {
      name: 'a segment that ends before it starts',
      fields: {
        access_schedule: {
          credit_type: USD,
          schedule_items: [{ id: 's', amount: 1, starting_at: '2026-03-01T00:00:00Z', ending_before: '2026-02-01T00:00:00Z' }],
        },
      },
      path: 'ends before it starts',
    },
    { name: 'no id', fields: { id: 7 }, path: 'data[3].id' },
  ];
  for (const c of bad) {
    it(`refuses ${c.name} with an invalid-response error naming the field`, () => {
      const error = errorOf(() => creditsSource.normalize(wireCredit(c.fields), 'data[3]', readLedger));
      expect(error.code).to.equal('invalid-response');
      expect(error.message).to.include(c.path);
    });
  }
});

describe('grants source', () => {
  const grantsPlan = { ...plan, source: 'grants' as const, limit: 100 };
  const GPU = { id: 'gpu', name: 'GPU hours' };
  /** A grant as the SDK types it, with `fields` over it. */
  function wireGrant(fields: Record<string, unknown> = {}) {
    const grant = {
      id: 'g1',
      name: 'Compute pack',
      customer_id: 'cust',
      effective_at: '2026-01-01T00:00:00Z',
      expires_at: '2027-01-01T00:00:00Z',
      priority: 0.5,
      grant_amount: { amount: 100, credit_type: GPU },
      paid_amount: { amount: 4900, credit_type: USD },
      balance: { effective_at: '2026-12-01T00:00:00Z', excluding_pending: 64, including_pending: 60 },
      deductions: [],
      pending_deductions: [],
      custom_fields: {},
      products: [{ id: 'p', name: 'GPU compute' }],
    } satisfies Metronome.V1.CreditGrantListResponse;
    return { ...grant, ...fields };
  }

  it('puts limit and cursor in the query string and filters in the body', () => {
    const request = grantsSource.request(
      { ...grantsPlan, effectiveBefore: '2027-01-01T00:00:00Z', notExpiringBefore: '2026-01-01T00:00:00Z' },
      'next/+=',
    );
    expect(request.url).to.equal('https://billing.example/api/v1/credits/listGrants?limit=100&next_page=next%2F%2B%3D');
    expect(request.body).to.deep.equal({
      customer_ids: ['cust'],
      effective_before: '2027-01-01T00:00:00Z',
      not_expiring_before: '2026-01-01T00:00:00Z',
    });
  });

  it('normalizes a grant: balance after pending charges, posted balance beside it, one segment', () => {
    const grant = grantsSource.normalize(wireGrant(), 'data[0]');
    expect(grant).to.deep.include({
      id: 'g1',
      kind: 'grant',
      name: 'Compute pack',
      balance: 60,
      postedBalance: 64,
      granted: 100,
      priority: 0.5,
    });
    expect(grant.creditType).to.deep.equal(GPU);
    expect(grant.paid).to.deep.equal({ amount: 4900, creditType: USD });
    expect(grant.products).to.deep.equal(['GPU compute']);
    expect(grant.balanceAsOf?.toISOString()).to.equal('2026-12-01T00:00:00.000Z');
    expect(grant.segments).to.have.length(1);
    expect(grant.segments[0]).to.deep.include({ id: 'g1', amount: 100 });
  });

  it('tolerates missing optional fields and null nullable ones', () => {
    const { products: _pr, ...minimal } = wireGrant({ invoice_id: null, reason: null, uniqueness_key: null, credit_grant_type: null });
    const grant = grantsSource.normalize(minimal, 'd');
    expect(grant.products).to.deep.equal([]);
    expect(grant.ledger).to.deep.equal([]);
  });

  const badGrants = [
    { name: 'no paid_amount', fields: { paid_amount: undefined }, path: 'd.paid_amount' },
    { name: 'no deductions', fields: { deductions: undefined }, path: 'd.deductions' },
    { name: 'no name', fields: { name: undefined }, path: 'd.name' },
    { name: 'a null priority', fields: { priority: null }, path: 'd.priority' },
    { name: 'custom fields that are not strings', fields: { custom_fields: { tier: 3 } }, path: 'd.custom_fields.tier' },
    { name: 'a product without an id', fields: { products: [{ name: 'GPU' }] }, path: 'd.products[0].id' },
  ];
  for (const c of badGrants) {
    it(`refuses a grant with ${c.name}, naming the field`, () => {
      expect(errorOf(() => grantsSource.normalize(wireGrant(c.fields), 'd')).message).to.include(c.path);
    });
  }

  it('shows a grant that expires before the billing period ends as what is left to use until then', () => {
    // Metronome reports 0 including pending for it; 64 posted, less the 4 charged before it expires.
    const grant = grantsSource.normalize(
      wireGrant({
        expires_at: '2026-11-20T00:00:00Z',
        balance: { effective_at: '2026-12-01T00:00:00Z', excluding_pending: 64, including_pending: 0 },
        pending_deductions: [
          {
            amount: 4,
            created_by: 'system',
            credit_grant_id: 'g1',
            effective_at: '2026-11-10T00:00:00Z',
            reason: 'Draft invoice',
            running_balance: 0,
          },
          {
            amount: 60,
            created_by: 'system',
            credit_grant_id: 'g1',
            effective_at: '2026-11-20T00:00:00Z',
            reason: 'Expiration',
            running_balance: 0,
          },
        ] satisfies Metronome.V1.CreditLedgerEntry[],
      }),
      'd',
    );
    expect(grant).to.deep.include({ balance: 60, postedBalance: 64, expiresInPeriod: true });
    // One that lasts past the period end keeps Metronome's figure.
    expect(grantsSource.normalize(wireGrant(), 'd')).to.deep.include({ balance: 60, postedBalance: 64 });
    expect(grantsSource.normalize(wireGrant(), 'd').expiresInPeriod).to.equal(undefined);
  });

  it('refuses a grant that expires before it takes effect', () => {
    const error = errorOf(() => grantsSource.normalize(wireGrant({ expires_at: '2025-01-01T00:00:00Z' }), 'data[2]'));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.equal('Unexpected API response: data[2] ends before it starts.');
  });

  it('refuses a grant without a balance', () => {
    expect(errorOf(() => grantsSource.normalize(wireGrant({ balance: undefined }), 'data[1]')).message).to.include('data[1].balance');
  });

  describe('a deduction always takes money out of its grant', () => {
    const entry = (amount: number, day: string, running: number, fields: Partial<Metronome.V1.CreditLedgerEntry> = {}) =>
      ({
        amount,
        created_by: 'system',
        credit_grant_id: 'g1',
        effective_at: `2026-01-${day}T00:00:00Z`,
        reason: 'Invoice charge',
        running_balance: running,
        ...fields,
      }) satisfies Metronome.V1.CreditLedgerEntry;
    const cases = [
      { name: 'positive amounts (as in Metronome examples) are deductions', deductions: [entry(20, '05', 80)], expected: [-20] },
      { name: 'negative amounts are deductions too', deductions: [entry(-20, '05', 80)], expected: [-20] },
      {
        // The running balance is the credit type's, across every grant: another grant's top-up raises it.
        name: 'a running balance that rises (another grant of the type) does not turn a deduction into a credit',
        deductions: [entry(20, '05', 80), entry(50, '06', 130)],
        expected: [-20, -50],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        expect(grantLedger(c.deductions, [], 'd').map((e) => e.amount)).to.deep.equal(c.expected);
      });
    }

    it('marks pending deductions, keeps reasons and invoices, and orders everything by date', () => {
      const ledger = grantLedger(
        [entry(20, '05', 80, { invoice_id: 'inv-7' })],
        [entry(30, '02', 70, { reason: 'Refund reversal', invoice_id: null })],
        'd',
      );
      expect(ledger.map((e) => [e.type, e.amount, e.pending ?? false, e.reason, e.invoiceId])).to.deep.equal([
        [GRANT_DEDUCTION, -30, true, 'Refund reversal', undefined],
        [GRANT_DEDUCTION, -20, false, 'Invoice charge', 'inv-7'],
      ]);
    });

    it('refuses a deduction without the fields the SDK requires', () => {
      const { running_balance: _r, ...partial } = entry(20, '05', 80);
      expect(errorOf(() => grantLedger([partial], [], 'd')).message).to.include('d.deductions[0].running_balance');
    });
  });
});

describe('a number past the largest double, which JSON.parse reads as Infinity', () => {
  // Each field holds the 1e999 of the wire text (JSON.stringify would write it as null): the record is refused,
  // naming the field, so the load sets it aside with a notice instead of showing "∞" or summing Infinity.
  const credit = (field: string) => `{
    "id": "c", "type": "CREDIT", "product": { "id": "p", "name": "P" },
    "access_schedule": { "credit_type": { "id": "u", "name": "USD (cents)" }, "schedule_items": [
      { "id": "s", "amount": ${field === 'amount' ? '1e999' : '10'}, "starting_at": "2026-01-01T00:00:00Z", "ending_before": "2027-01-01T00:00:00Z" }
    ] },
    "balance": ${field === 'balance' ? '1e999' : '5'}, "priority": ${field === 'priority' ? '-1e999' : '1'},
    "ledger": [{ "type": "CREDIT_MANUAL", "amount": ${field === 'ledger' ? '1e999' : '1'}, "reason": "r", "timestamp": "2026-02-01T00:00:00Z" }]
  }`;
  const credits = [
    ['amount', 'data[0].access_schedule.schedule_items[0].amount'],
    ['balance', 'data[0].balance'],
    ['priority', 'data[0].priority'],
    ['ledger', 'data[0].ledger[0].amount'],
  ];
  for (const [field, path] of credits) {
    it(`refuses a credit's ${field}`, () => {
      const error = errorOf(() => creditsSource.normalize(JSON.parse(credit(field!)), 'data[0]', readLedger));
      expect(error.message).to.include(`${path} is not a finite number`);
    });
  }

  const grant = (field: string) => {
    const n = (name: string, value: number) => (field === name ? '1e999' : String(value));
    return `{
      "id": "g", "name": "G", "customer_id": "x", "effective_at": "2026-01-01T00:00:00Z", "expires_at": "2027-01-01T00:00:00Z",
      "priority": ${n('priority', 1)},
      "grant_amount": { "amount": ${n('grant', 10)}, "credit_type": { "id": "u", "name": "USD (cents)" } },
      "paid_amount": { "amount": ${n('paid', 0)}, "credit_type": { "id": "u", "name": "USD (cents)" } },
      "balance": { "effective_at": "2026-12-01T00:00:00Z", "excluding_pending": ${n('posted', 10)}, "including_pending": ${n('pending', 10)} },
      "deductions": [{ "amount": ${n('deduction', 1)}, "created_by": "s", "credit_grant_id": "g", "effective_at": "2026-02-01T00:00:00Z",
        "reason": "r", "running_balance": ${n('running', 9)} }],
      "pending_deductions": [], "custom_fields": {}
    }`;
  };
  const grants = [
    ['priority', 'data[0].priority'],
    ['grant', 'data[0].grant_amount.amount'],
    ['paid', 'data[0].paid_amount.amount'],
    ['posted', 'data[0].balance.excluding_pending'],
    ['pending', 'data[0].balance.including_pending'],
    ['deduction', 'data[0].deductions[0].amount'],
    ['running', 'data[0].deductions[0].running_balance'],
  ];
  for (const [field, path] of grants) {
    it(`refuses a grant's ${field} amount`, () => {
      const error = errorOf(() => grantsSource.normalize(JSON.parse(grant(field!)), 'data[0]'));
      expect(error.message).to.include(`${path} is not a finite number`);
    });
  }
});
