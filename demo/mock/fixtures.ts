import type Metronome from '@metronome/sdk';

/**
 * Seeded, Metronome-shaped data for the mock, typed by the official SDK (`@metronome/sdk`) so that data drifting
 * from the real schema fails the type check, laid out around "now" so that every run has expired,
 * active and upcoming segments. Amounts follow Metronome's units: USD in cents, EUR in whole euros,
 * custom units as plain numbers.
 */

export const USD_CENTS = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };
export const EUR = { id: '3ab3b2a5-8a23-4a6b-9a8f-6e2d8f0b1c11', name: 'EUR' };
export const API_CALLS = { id: '9d1f4e2b-7c3a-4f5e-8b6d-2a1c0e9f8d7b', name: 'API calls' };
export const GPU_HOURS = { id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', name: 'GPU hours' };

/** Customer ids of the seeded customers. */
export const CUSTOMERS = {
  /** A contract customer with promotional, recurring, EUR, custom-unit, upcoming and expired credits. */
  acme: '7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c',
  /** 60 credits: three pages of 25. */
  many: '4a8b2c6d-3e5f-4a7b-8c9d-1e2f3a4b5c6d',
  /** No credits and no grants. */
  empty: 'e0e0e0e0-0000-4000-8000-000000000000',
  /** A Plans customer with credit grants. */
  plans: '2b4d6f8a-1c3e-4a5b-9d7f-8e6c4a2b0d1f',
  /** Real accounts' edge cases: no schedule, no balance, a record the widget cannot read, a far-off start. */
  edge: 'd8e9f0a1-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
  /**
   * A contract customer with commits: a prepaid commit partly used and invoiced in two instalments, one created by an
   * automatic top-up, a postpaid commitment with a true-up date, recurring monthly credits and a promotional credit.
   */
  contract: 'c0a1b2c3-d4e5-4f6a-8b7c-9d0e1f2a3b4c',
} as const;

const DAY = 86_400_000;

/** Midnight UTC on the first of the month `offset` months from `now`'s month. */
export const monthStart = (now: Date, offset: number): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));

/** Midnight UTC `days` days from `now`'s day. */
export const dayStart = (now: Date, days: number): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY);

const iso = (date: Date) => date.toISOString();

/** A stable, UUID-shaped id from a readable seed, so fixtures keep their ids across runs. */
export function fixtureId(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ seed.charCodeAt(i), 0x85ebca6b) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A credit as "List credits" returns it. */
export interface MockCredit extends Metronome.Credit {
  /** Mock only, never sent: archived credits appear with `include_archived`. */
  archived?: boolean;
}

type LedgerEntry = NonNullable<Metronome.Credit['ledger']>[number];

interface CreditSpec {
  now: Date;
  seed: string;
  name?: string;
  product: string;
  creditType: { id: string; name: string };
  /** None: a credit without an access schedule. */
  segments?: { amount: number; start: Date; end: Date }[];
  /** None: the API sent no balance. */
  balance?: number;
  priority?: number;
  contract?: boolean;
  archived?: boolean;
  ledger?: (segmentIds: string[]) => LedgerEntry[];
}

export function credit(spec: CreditSpec): MockCredit {
  const id = fixtureId(spec.seed);
  const segments = spec.segments ?? [];
  const segmentIds = segments.map((_, i) => fixtureId(`${spec.seed}/segment/${i}`));
  return {
    id,
    type: 'CREDIT',
    ...(spec.name !== undefined && { name: spec.name }),
    product: { id: fixtureId(`${spec.seed}/product`), name: spec.product },
    ...(spec.segments && {
      access_schedule: {
        credit_type: spec.creditType,
        schedule_items: segments.map((s, i) => ({
          id: segmentIds[i]!,
          amount: s.amount,
          starting_at: iso(s.start),
          ending_before: iso(s.end),
        })),
      },
    }),
    ...(spec.balance !== undefined && { balance: spec.balance }),
    ...(spec.priority !== undefined && { priority: spec.priority }),
    ...(spec.contract && { contract: { id: fixtureId(`${spec.seed}/contract`) } }),
    ...(spec.archived && { archived: true }),
    ledger: spec.ledger?.(segmentIds) ?? defaultLedger(spec, segmentIds),
  };
}

/**
 * A ledger that adds up to the credit's balance, as Metronome's does: each period's start so far, and what the
 * current period has used, taken on the 1st of each month since it started (today when no 1st has passed since).
 */
function defaultLedger({ now, segments = [], balance }: CreditSpec, segmentIds: string[]): LedgerEntry[] {
  const started = segments.flatMap((segment, i): LedgerEntry[] =>
    segment.start <= now
      ? [{ type: 'CREDIT_SEGMENT_START', amount: segment.amount, segment_id: segmentIds[i]!, timestamp: iso(segment.start) }]
      : [],
  );
  const current = segments.findIndex((s) => s.start <= now && now < s.end);
  const used = current >= 0 && balance !== undefined ? segments[current]!.amount - balance : 0;
  if (used <= 0) return started;
  const { start } = segments[current]!;
  const firsts = Array.from({ length: 24 }, (_, i) => monthStart(now, -i)).filter((first) => first > start && first <= now);
  // With no 1st since it started, today (or, for a period that started today, now): after its start, whatever the date.
  const today = dayStart(now, 0);
  const days = firsts.length ? firsts : [today > start ? today : now];
  const deductions = days.reverse().map((day): LedgerEntry => ({
    type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION',
    amount: -used / days.length,
    segment_id: segmentIds[current]!,
    invoice_id: fixtureId(`${segmentIds[current]}/invoice/${iso(day)}`),
    timestamp: iso(day),
  }));
  return [...started, ...deductions];
}

/** The main demo customer: every kind of credit the widget must explain. */
export function acmeCredits(now: Date): MockCredit[] {
  const monthly = Array.from({ length: 12 }, (_, i) => ({
    amount: 10_000,
    start: monthStart(now, i - 5),
    end: monthStart(now, i - 4),
  }));
  return [
    credit({
      now,
      seed: 'acme/launch-promo',
      name: 'Launch promotion',
      product: 'Promotional credit',
      creditType: USD_CENTS,
      segments: [{ amount: 50_000, start: monthStart(now, -2), end: dayStart(now, 20) }],
      balance: 12_345.8,
      priority: 1,
    }),
    credit({
      now,
      seed: 'acme/monthly-platform',
      name: 'Monthly platform credit',
      product: 'Platform subscription',
      creditType: USD_CENTS,
      segments: monthly,
      balance: 4_200,
      priority: 2,
      contract: true,
      ledger: (ids) =>
        ids.slice(0, 6).flatMap((segmentId, i) => {
          const start = monthly[i]!.start;
          const entries: LedgerEntry[] = [{ type: 'CREDIT_SEGMENT_START', amount: 10_000, segment_id: segmentId, timestamp: iso(start) }];
          if (i < 5) {
            entries.push(
              {
                type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION',
                amount: -7_250 - i * 300,
                segment_id: segmentId,
                invoice_id: fixtureId(`acme/invoice/${i}`),
                timestamp: iso(monthly[i]!.end),
              },
              { type: 'CREDIT_EXPIRATION', amount: -(2_750 - i * 300), segment_id: segmentId, timestamp: iso(monthly[i]!.end) },
            );
          } else {
            entries.push({
              type: 'CREDIT_MANUAL',
              amount: -5_800,
              reason: 'Usage so far this month',
              timestamp: iso(dayStart(now, 0)),
            });
          }
          return entries;
        }),
    }),
    credit({
      now,
      seed: 'acme/eu-usage',
      name: 'EU usage credit',
      product: 'EU region',
      creditType: EUR,
      segments: [{ amount: 250, start: monthStart(now, -1), end: monthStart(now, 5) }],
      balance: 187.5,
      priority: 3,
      contract: true,
    }),
    credit({
      now,
      seed: 'acme/api-calls',
      product: 'API calls',
      creditType: API_CALLS,
      segments: [{ amount: 50_000, start: monthStart(now, -3), end: monthStart(now, 9) }],
      balance: 12_500,
      priority: 5,
    }),
    credit({
      now,
      seed: 'acme/referral',
      name: 'Referral credit',
      product: 'Referral programme',
      creditType: USD_CENTS,
      segments: [{ amount: 1_000, start: monthStart(now, -4), end: monthStart(now, 2) }],
      balance: 0.8,
      priority: 4,
    }),
    credit({
      now,
      seed: 'acme/renewal-bonus',
      name: 'Renewal bonus',
      product: 'Promotional credit',
      creditType: USD_CENTS,
      segments: [{ amount: 25_000, start: monthStart(now, 2), end: monthStart(now, 14) }],
      balance: 0,
      contract: true,
    }),
    credit({
      now,
      seed: 'acme/beta',
      name: 'Beta tester credit',
      product: 'Promotional credit',
      creditType: USD_CENTS,
      segments: [{ amount: 10_000, start: monthStart(now, -8), end: monthStart(now, -1) }],
      balance: 0,
    }),
    credit({
      now,
      seed: 'acme/archived',
      name: 'Old pilot credit',
      product: 'Pilot',
      creditType: USD_CENTS,
      segments: [{ amount: 5_000, start: monthStart(now, -14), end: monthStart(now, -10) }],
      balance: 0,
      archived: true,
    }),
  ];
}

/**
 * What real accounts produce beside the tidy cases: a credit without an access schedule (a manual goodwill
 * credit), one without a balance, one the widget cannot read (an amount sent as a string, which the SDK's types
 * refuse, so it is built outside them), a far-off start, and a credit used on invoices.
 */
export function edgeCredits(now: Date): unknown[] {
  const unreadable = credit({
    now,
    seed: 'edge/partner',
    name: 'Partner credit',
    product: 'Partner programme',
    creditType: USD_CENTS,
    segments: [{ amount: 5_000, start: monthStart(now, -1), end: monthStart(now, 3) }],
    balance: 5_000,
  });
  return [
    credit({
      now,
      seed: 'edge/starter',
      name: 'Starter credit',
      product: 'Platform subscription',
      creditType: USD_CENTS,
      segments: [{ amount: 20_000, start: monthStart(now, -2), end: monthStart(now, 4) }],
      balance: 13_000,
      priority: 1,
      ledger: ([segmentId]) => [
        { type: 'CREDIT_SEGMENT_START', amount: 20_000, segment_id: segmentId!, timestamp: iso(monthStart(now, -2)) },
        {
          type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION',
          amount: -7_000,
          segment_id: segmentId!,
          invoice_id: fixtureId('edge/invoice/1'),
          timestamp: iso(monthStart(now, -1)),
        },
      ],
    }),
    credit({
      now,
      seed: 'edge/goodwill',
      name: 'Support goodwill credit',
      product: 'Support',
      creditType: USD_CENTS,
      balance: 2_500,
      ledger: () => [
        { type: 'CREDIT_MANUAL', amount: 2_500, reason: 'Goodwill for the outage on the 3rd', timestamp: iso(dayStart(now, -9)) },
      ],
    }),
    credit({
      now,
      seed: 'edge/annual',
      name: 'Annual commitment bonus',
      product: 'Platform subscription',
      creditType: USD_CENTS,
      segments: [{ amount: 100_000, start: monthStart(now, -1), end: monthStart(now, 11) }],
    }),
    credit({
      now,
      seed: 'edge/renewal',
      name: 'Renewal credit',
      product: 'Platform subscription',
      creditType: USD_CENTS,
      segments: [{ amount: 50_000, start: monthStart(now, 36), end: monthStart(now, 48) }],
      balance: 0,
    }),
    {
      ...unreadable,
      access_schedule: {
        ...unreadable.access_schedule,
        schedule_items: unreadable.access_schedule!.schedule_items.map((item) => ({ ...item, amount: '50.00' })),
      },
    },
  ];
}

/** Sixty small credits, for pagination. */
export function manyCredits(now: Date): MockCredit[] {
  return Array.from({ length: 60 }, (_, i) =>
    credit({
      now,
      seed: `many/${i}`,
      name: `Credit ${String(i + 1).padStart(2, '0')}`,
      product: 'Compute',
      creditType: i % 2 ? GPU_HOURS : USD_CENTS,
      segments: [{ amount: 1_000, start: monthStart(now, -1), end: monthStart(now, 1 + (i % 6)) }],
      balance: 100 + i,
      priority: i,
    }),
  );
}

/** A grant as "List credit grants" returns it. */
export type MockGrant = Metronome.V1.CreditGrantListResponse;

/**
 * The end of the Plans customer's current billing period: the first of next month, or of the month after when
 * that is under three days away, so a grant can always expire inside the period.
 */
export const billingPeriodEnd = (now: Date): Date =>
  monthStart(now, 1).getTime() - now.getTime() < 3 * DAY ? monthStart(now, 2) : monthStart(now, 1);

/**
 * A Plans customer: an expired grant, a custom-unit grant paid in USD, a grant with pending deductions, and one
 * that expires before the billing period ends (Metronome's `including_pending` reads 0 for it).
 */
export function plansGrants(now: Date, customerId: string): MockGrant[] {
  const periodEnd = iso(billingPeriodEnd(now));
  /** A deduction from the grant `seed`, `day` days from today, its running balance the credit type's. */
  const deduction = (seed: string, amount: number, day: number, reason: string, runningBalance: number, invoice?: string) => ({
    amount,
    created_by: 'system',
    credit_grant_id: fixtureId(seed),
    effective_at: iso(dayStart(now, day)),
    reason,
    running_balance: runningBalance,
    ...(invoice && { invoice_id: fixtureId(invoice) }),
  });
  const grant = (seed: string, fields: Partial<MockGrant> & Pick<MockGrant, 'name' | 'grant_amount'>): MockGrant => ({
    id: fixtureId(seed),
    customer_id: customerId,
    effective_at: iso(monthStart(now, -1)),
    expires_at: iso(monthStart(now, 11)),
    priority: 1,
    paid_amount: { amount: 0, credit_type: USD_CENTS },
    balance: { effective_at: periodEnd, excluding_pending: fields.grant_amount.amount, including_pending: fields.grant_amount.amount },
    deductions: [],
    pending_deductions: [],
    custom_fields: {},
    ...fields,
  });
  return [
    grant('plans/welcome', {
      name: 'Welcome credit',
      priority: 0.5,
      grant_amount: { amount: 20_000, credit_type: USD_CENTS },
      balance: { effective_at: periodEnd, excluding_pending: 15_000, including_pending: 11_500 },
      deductions: [deduction('plans/welcome', 5_000, -20, 'Invoice deduction', 15_000, 'plans/invoice/1')],
      pending_deductions: [deduction('plans/welcome', 3_500, -1, 'Draft invoice', 11_500, 'plans/invoice/2')],
    }),
    grant('plans/compute-pack', {
      name: 'Compute pack',
      priority: 2,
      grant_amount: { amount: 100, credit_type: GPU_HOURS },
      paid_amount: { amount: 4_900, credit_type: USD_CENTS },
      balance: { effective_at: periodEnd, excluding_pending: 64, including_pending: 64 },
      deductions: [deduction('plans/compute-pack', -36, -10, 'Invoice deduction', 64)],
      products: [{ id: fixtureId('plans/product/gpu'), name: 'GPU compute' }],
    }),
    grant('plans/launch-week', {
      name: 'Launch week bonus',
      priority: 0.2,
      effective_at: iso(dayStart(now, -5)),
      expires_at: iso(dayStart(now, 2)),
      grant_amount: { amount: 10_000, credit_type: USD_CENTS },
      balance: { effective_at: periodEnd, excluding_pending: 8_000, including_pending: 0 },
      deductions: [deduction('plans/launch-week', 2_000, -2, 'Usage invoice', 24_000, 'plans/invoice/3')],
      pending_deductions: [
        deduction('plans/launch-week', 1_500, 0, 'Draft usage invoice', 22_500, 'plans/invoice/4'),
        deduction('plans/launch-week', 6_500, 2, 'Expiration', 16_000),
      ],
    }),
    grant('plans/expired', {
      name: 'Trial credit',
      priority: 1,
      effective_at: iso(monthStart(now, -6)),
      expires_at: iso(monthStart(now, -3)),
      grant_amount: { amount: 5_000, credit_type: USD_CENTS },
      balance: { effective_at: periodEnd, excluding_pending: 0, including_pending: 0 },
    }),
  ];
}

/**
 * The benchmark's `i`th item of a large list: `periods` monthly periods around `now` (recurring credits over years
 * add up), every fourth one in a custom unit, balances and priorities spread.
 */
function scaleItem(now: Date, i: number, periods: number) {
  const first = -Math.floor(periods / 2) - (i % 3);
  return {
    creditType: i % 4 === 3 ? API_CALLS : USD_CENTS,
    segments: Array.from({ length: periods }, (_, p) => ({
      amount: 1_000 + (i % 7) * 250,
      start: monthStart(now, first + p),
      end: monthStart(now, first + p + 1),
    })),
    balance: (i * 37) % 1_000,
    priority: i % 5,
  };
}

/** Many credits of many monthly periods each, for the benchmark ({@link scaleItem}). */
export function scaleCredits(now: Date, count: number, periods: number): MockCredit[] {
  return Array.from({ length: count }, (_, i) => {
    const { creditType, segments, balance, priority } = scaleItem(now, i, periods);
    return {
      id: `scale-${i}`,
      type: 'CREDIT',
      name: `Recurring credit ${i + 1}`,
      product: { id: `scale-product-${i % 10}`, name: 'Platform' },
      access_schedule: {
        credit_type: creditType,
        schedule_items: segments.map((s, p) => ({
          id: `scale-${i}-${p}`,
          amount: s.amount,
          starting_at: iso(s.start),
          ending_before: iso(s.end),
        })),
      },
      balance,
      priority,
    };
  });
}

/** A commit as "List commits" and "List balances" return it. */
export interface MockCommit extends Metronome.Commit {
  /** Mock only, never sent: archived commits appear with `include_archived`. */
  archived?: boolean;
}

type CommitLedgerEntry = NonNullable<Metronome.Commit['ledger']>[number];

interface CommitSpec {
  now: Date;
  seed: string;
  type: 'PREPAID' | 'POSTPAID';
  name?: string;
  product: string;
  creditType: { id: string; name: string };
  segments: { amount: number; start: Date; end: Date }[];
  /** Each instalment, and the invoice it is on once invoiced. */
  invoices?: { amount: number; at: Date; invoiced?: boolean }[];
  balance?: number;
  priority?: number;
  /** Who made it; absent for commits the system made (a recurring commit, a rollover, an automatic top-up). */
  createdBy?: string;
  recurring?: boolean;
  rolledOver?: boolean;
  rolloverFraction?: number;
  contract?: boolean;
  ledger?: (segmentIds: string[], invoiceIds: string[]) => CommitLedgerEntry[];
}

export function commit(spec: CommitSpec): MockCommit {
  const id = fixtureId(spec.seed);
  const segmentIds = spec.segments.map((_, i) => fixtureId(`${spec.seed}/segment/${i}`));
  const invoiceIds = (spec.invoices ?? []).map((_, i) => fixtureId(`${spec.seed}/invoice/${i}`));
  return {
    id,
    type: spec.type,
    created_at: iso(spec.segments[0]?.start ?? spec.now),
    ...(spec.name !== undefined && { name: spec.name }),
    product: { id: fixtureId(`${spec.seed}/product`), name: spec.product },
    access_schedule: {
      credit_type: spec.creditType,
      schedule_items: spec.segments.map((s, i) => ({
        id: segmentIds[i]!,
        amount: s.amount,
        starting_at: iso(s.start),
        ending_before: iso(s.end),
      })),
    },
    ...(spec.invoices && {
      invoice_schedule: {
        credit_type: spec.creditType,
        schedule_items: spec.invoices.map((item, i) => ({
          id: fixtureId(`${spec.seed}/instalment/${i}`),
          amount: item.amount,
          quantity: 1,
          unit_price: item.amount,
          timestamp: iso(item.at),
          ...(item.invoiced && { invoice_id: invoiceIds[i]! }),
        })),
      },
    }),
    ...(spec.balance !== undefined && { balance: spec.balance }),
    ...(spec.priority !== undefined && { priority: spec.priority }),
    ...(spec.createdBy !== undefined && { created_by: spec.createdBy }),
    ...(spec.recurring && { recurring_commit_id: fixtureId(`${spec.seed}/recurring`) }),
    ...(spec.rolledOver && {
      rolled_over_from: { commit_id: fixtureId(`${spec.seed}/previous`), contract_id: fixtureId(`${spec.seed}/previous-contract`) },
    }),
    ...(spec.rolloverFraction !== undefined && { rollover_fraction: spec.rolloverFraction }),
    ...(spec.contract && { contract: { id: fixtureId(`${spec.seed}/contract`) } }),
    ledger: (spec.ledger?.(segmentIds, invoiceIds) ?? []).filter((entry) => entry.timestamp <= iso(spec.now)),
  };
}

/**
 * `count` prepaid commits with `periods` monthly periods each ({@link scaleItem}), each paid in one invoiced
 * instalment when it starts: the benchmark's list with commits (`source="balances"`).
 */
export function scaleCommits(now: Date, count: number, periods: number): MockCommit[] {
  return Array.from({ length: count }, (_, i) => {
    const { creditType, segments, balance, priority } = scaleItem(now, i, periods);
    return commit({
      now,
      seed: `scale-commit-${i}`,
      type: 'PREPAID',
      name: `Prepaid commitment ${i + 1}`,
      product: 'Platform',
      creditType,
      segments,
      invoices: [{ amount: segments.reduce((sum, s) => sum + s.amount, 0), at: segments[0]!.start, invoiced: true }],
      balance,
      priority,
      createdBy: 'benchmark',
    });
  });
}

/** The contract customer's commits and credits, in the order "List balances" returns them. */
export function contractBalances(now: Date): { commits: MockCommit[]; credits: MockCredit[] } {
  const prepaid = commit({
    now,
    seed: 'contract/annual-prepaid',
    type: 'PREPAID',
    name: 'Annual prepaid commitment',
    product: 'Prepaid usage',
    creditType: USD_CENTS,
    segments: [{ amount: 1_000_000, start: monthStart(now, -3), end: monthStart(now, 9) }],
    invoices: [
      { amount: 500_000, at: monthStart(now, -3), invoiced: true },
      { amount: 500_000, at: monthStart(now, 3) },
    ],
    balance: 612_500,
    priority: 2,
    createdBy: 'billing-admin@example.com',
    rolloverFraction: 0.5,
    contract: true,
    ledger: ([segment], [firstInvoice]) => [
      { type: 'PREPAID_COMMIT_SEGMENT_START', amount: 1_000_000, segment_id: segment!, timestamp: iso(monthStart(now, -3)) },
      {
        type: 'PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
        amount: -212_500,
        segment_id: segment!,
        invoice_id: firstInvoice!,
        timestamp: iso(monthStart(now, -2)),
      },
      {
        type: 'PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
        amount: -175_000,
        segment_id: segment!,
        invoice_id: fixtureId('contract/usage-invoice/1'),
        timestamp: iso(monthStart(now, -1)),
      },
    ],
  });
  const topUp = commit({
    now,
    seed: 'contract/top-up',
    type: 'PREPAID',
    name: 'Automatic top-up',
    product: 'Prepaid usage',
    creditType: USD_CENTS,
    segments: [{ amount: 200_000, start: dayStart(now, -10), end: monthStart(now, 12) }],
    invoices: [{ amount: 200_000, at: dayStart(now, -10), invoiced: true }],
    balance: 200_000,
    priority: 2,
    contract: true,
    ledger: ([segment]) => [
      { type: 'PREPAID_COMMIT_SEGMENT_START', amount: 200_000, segment_id: segment!, timestamp: iso(dayStart(now, -10)) },
    ],
  });
  const postpaid = commit({
    now,
    seed: 'contract/minimum-spend',
    type: 'POSTPAID',
    name: 'Minimum spend commitment',
    product: 'Platform minimum',
    creditType: USD_CENTS,
    segments: [{ amount: 2_400_000, start: monthStart(now, -3), end: monthStart(now, 9) }],
    invoices: [{ amount: 2_400_000, at: monthStart(now, 9) }],
    balance: 1_650_000,
    createdBy: 'billing-admin@example.com',
    contract: true,
    ledger: ([segment]) => [
      { type: 'POSTPAID_COMMIT_INITIAL_BALANCE', amount: 2_400_000, timestamp: iso(monthStart(now, -3)) },
      {
        type: 'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
        amount: -400_000,
        segment_id: segment!,
        invoice_id: fixtureId('contract/usage-invoice/0'),
        timestamp: iso(monthStart(now, -2)),
      },
      {
        type: 'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
        amount: -350_000,
        segment_id: segment!,
        invoice_id: fixtureId('contract/usage-invoice/1'),
        timestamp: iso(monthStart(now, -1)),
      },
    ],
  });
  const monthly = Array.from({ length: 12 }, (_, i) => ({ amount: 50_000, start: monthStart(now, i - 3), end: monthStart(now, i - 2) }));
  const credits = [
    credit({
      now,
      seed: 'contract/monthly-credit',
      name: 'Monthly included usage',
      product: 'Included usage',
      creditType: USD_CENTS,
      segments: monthly,
      balance: 31_000,
      priority: 1,
      contract: true,
    }),
    credit({
      now,
      seed: 'contract/promotion',
      name: 'Launch promotion',
      product: 'Promotional credit',
      creditType: USD_CENTS,
      segments: [{ amount: 25_000, start: monthStart(now, -1), end: monthStart(now, 2) }],
      balance: 25_000,
      priority: 1,
    }),
  ];
  return { commits: [prepaid, topUp, postpaid], credits };
}

/**
 * The contract customer's contract, as "List contracts" (v2) returns it: an automatic top-up (below $20.00, back
 * to $100.00, paid through Stripe at a 5% discount), beside what a contract holds that is not the widget's to show
 * (rates, overrides, a spend threshold, ids from other systems): the companion passes back the top-up's fields only.
 */
export function contracts(now: Date): Metronome.ContractV2[] {
  const id = fixtureId('contract/contract');
  return [
    {
      id,
      customer_id: CUSTOMERS.contract,
      name: 'Enterprise agreement',
      created_at: iso(monthStart(now, -3)),
      created_by: 'sales@example.com',
      starting_at: iso(monthStart(now, -3)),
      ending_before: iso(monthStart(now, 9)),
      rate_card_id: fixtureId('contract/rate-card'),
      salesforce_opportunity_id: '006-internal-opportunity',
      netsuite_sales_order_id: 'SO-internal-42',
      commits: [],
      overrides: [
        {
          id: fixtureId('contract/override'),
          created_at: iso(monthStart(now, -3)),
          starting_at: iso(monthStart(now, -3)),
          multiplier: 0.8,
          type: 'MULTIPLIER',
        },
      ],
      scheduled_charges: [],
      transitions: [],
      usage_filter: [],
      usage_statement_schedule: { billing_anchor_date: iso(monthStart(now, -3)), frequency: 'MONTHLY' },
      prepaid_balance_threshold_configuration: {
        is_enabled: true,
        threshold_amount: 2_000,
        recharge_to_amount: 10_000,
        commit: { product_id: fixtureId('contract/top-up-product'), name: 'Automatic top-up', description: 'internal: margin 40%' },
        payment_gate_config: { payment_gate_type: 'STRIPE', stripe_config: { payment_type: 'INVOICE' } },
        discount_configuration: { payment_fraction: 0.95 },
      },
      spend_threshold_configuration: {
        is_enabled: true,
        threshold_amount: 500_000,
        commit: { product_id: fixtureId('contract/spend-product') },
        payment_gate_config: { payment_gate_type: 'NONE' },
      },
    },
  ];
}
