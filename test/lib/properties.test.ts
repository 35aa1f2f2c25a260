// Property-based: thousands of generated and mutated API responses through parsing, the view model and the
// real templates. Each either ends in the typed error or renders text with no NaN, undefined or invalid date.
import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { render } from 'lit';
import { readRecord } from '../../src/lib/api/client.js';
import { balancesSource } from '../../src/lib/api/commits.js';
import { creditsSource } from '../../src/lib/api/credits.js';
import { CreditBalanceError } from '../../src/lib/errors.js';
import { grantsSource } from '../../src/lib/api/grants.js';
import { retryAfterMs } from '../../src/lib/api/http.js';
import type { Source } from '../../src/lib/api/source.js';
import { page } from '../../src/lib/api/validate.js';
import type { NormalizedCredit } from '../../src/lib/credit.js';
import { DateFormat } from '../../src/lib/view/dates.js';
import { enDetails, renderInvoiceSchedule, renderLedger } from '../../src/details.js';
import { LANGUAGES, Translator, loadCatalogue } from '../../src/lib/view/messages.js';
import { MoneyFormat } from '../../src/lib/view/money.js';
import { USD_CENTS_ID } from '../../src/lib/metronome.js';
import { viewOf } from '../../src/lib/view/view.js';
import { parseTokenResponse } from '../../src/lib/api/token.js';
import { renderCredit, renderTotals } from '../../src/templates.js';
import type { ViewContext } from '../../src/view-context.js';
import { TEST_NOW } from '../clock.js';

/** How many cases each property runs; the README's Reliability section quotes these. */
export const RUNS = { credits: 2000, balances: 2000, grants: 2000, tokens: 2000, money: 3000, dates: 2000, retryAfter: 1000 };

const BAD_TEXT = /NaN|undefined|Invalid Date|Infinity|\[object|null/;
const locales = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'ar-EG', 'hi-IN'];
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'];

/**
 * Text as the API may send it: any string but one holding a word of BAD_TEXT. The widget shows API text as it
 * is, so a name such as "NaN" would be the API's word on screen, not the widget's fault the check looks for.
 */
const apiString = (constraints: fc.StringConstraints = {}) => fc.string(constraints).filter((s) => !BAD_TEXT.test(s));

// Wire values: mostly well-formed, sometimes anything at all.
const anyValues = { values: [apiString(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)] };
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  apiString({ maxLength: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constant('2026-13-45T00:00:00Z'),
  fc.array(fc.anything({ maxDepth: 1, ...anyValues }), { maxLength: 2 }),
  fc.object({ maxDepth: 1, ...anyValues }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: junk });
const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true });
const timestamp = fc.oneof(
  instant.map((d) => d.toISOString()),
  instant.map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00')),
  instant.map((d) => `${d.toISOString().slice(0, 13)}:00:00Z`),
);
const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ min: -1e12, max: 1e15, noNaN: true }),
  fc.constantFrom(0, -0, 0.8, 1e-9, 5e-324, Number.MAX_SAFE_INTEGER, 1e308, -1e308, Number.MAX_VALUE),
);
const creditType = fc.record({
  id: fc.oneof(fc.constant(USD_CENTS_ID), fc.uuid()),
  name: fc.oneof(fc.constantFrom('USD (cents)', 'EUR', 'JPY', 'BHD', 'API calls', 'GPU', 'usd', ''), apiString({ maxLength: 20 })),
});
const id = fc.oneof(fc.uuid(), apiString({ minLength: 1, maxLength: 40 }));
const text = apiString({ maxLength: 30 });
const finite = fc.oneof(
  { weight: 9, arbitrary: fc.double({ min: -1e12, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.MAX_VALUE) },
);
/** `[start, end)` with the end not before the start, as Metronome sends them. */
const range = fc.tuple(instant, instant).map(([a, b]) => (a <= b ? [a, b] : [b, a]).map((d) => d.toISOString()) as [string, string]);

// Records shaped exactly as @metronome/sdk types them: required keys always there, every optional key sometimes
// missing (`requiredKeys`), every nullable one sometimes null. Each of these must be read, never skipped.
const sdkLedgerEntry: fc.Arbitrary<NonNullable<Metronome.Credit['ledger']>[number]> = fc.oneof(
  ...(['CREDIT_SEGMENT_START', 'CREDIT_EXPIRATION', 'CREDIT_SEAT_BASED_ADJUSTMENT'] as const).map((type) =>
    fc.record({ type: fc.constant(type), amount: finite, segment_id: id, timestamp }),
  ),
  ...(['CREDIT_AUTOMATED_INVOICE_DEDUCTION', 'CREDIT_CANCELED', 'CREDIT_CREDITED'] as const).map((type) =>
    fc.record(
      { type: fc.constant(type), amount: finite, segment_id: id, invoice_id: id, timestamp, contract_id: id },
      { requiredKeys: ['type', 'amount', 'segment_id', 'invoice_id', 'timestamp'] },
    ),
  ),
  fc.record({ type: fc.constant('CREDIT_MANUAL' as const), amount: finite, reason: text, timestamp }),
  fc.record({ type: fc.constant('CREDIT_ROLLOVER' as const), amount: finite, segment_id: id, new_contract_id: id, timestamp }),
);
/** An access schedule (`ScheduleDuration`), as credits and commits share it. */
const accessSchedule = fc.record(
  {
    credit_type: creditType,
    schedule_items: fc.array(
      range.chain(([starting_at, ending_before]) =>
        fc.record({ id, amount: finite, starting_at: fc.constant(starting_at), ending_before: fc.constant(ending_before) }),
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ['schedule_items'] },
);
const sdkCredit: fc.Arbitrary<Metronome.Credit> = fc.record(
  {
    id,
    type: fc.constant('CREDIT' as const),
    product: fc.record({ id, name: text }),
    name: text,
    access_schedule: accessSchedule,
    balance: finite,
    priority: finite,
    description: text,
    custom_fields: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    ledger: fc.array(sdkLedgerEntry, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'type', 'product'] },
);
type CommitLedgerEntry = NonNullable<Metronome.Commit['ledger']>[number];
const sdkCommitLedgerEntry: fc.Arbitrary<CommitLedgerEntry> = fc.oneof(
  ...(['PREPAID_COMMIT_SEGMENT_START', 'PREPAID_COMMIT_EXPIRATION', 'PREPAID_COMMIT_SEAT_BASED_ADJUSTMENT'] as const).map((type) =>
    fc.record({ type: fc.constant(type), amount: finite, segment_id: id, timestamp }),
  ),
  ...(
    [
      'PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
      'PREPAID_COMMIT_CANCELED',
      'PREPAID_COMMIT_CREDITED',
      'POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION',
    ] as const
  ).map((type) =>
    fc.record(
      { type: fc.constant(type), amount: finite, segment_id: id, invoice_id: id, timestamp, contract_id: id },
      { requiredKeys: ['type', 'amount', 'segment_id', 'invoice_id', 'timestamp'] },
    ),
  ),
  ...(['PREPAID_COMMIT_ROLLOVER', 'POSTPAID_COMMIT_ROLLOVER'] as const).map((type) =>
    fc.record({ type: fc.constant(type), amount: finite, segment_id: id, new_contract_id: id, timestamp }),
  ),
  ...(['PREPAID_COMMIT_MANUAL', 'POSTPAID_COMMIT_MANUAL'] as const).map((type) =>
    fc.record({ type: fc.constant(type), amount: finite, reason: text, timestamp }),
  ),
  ...(['POSTPAID_COMMIT_INITIAL_BALANCE', 'POSTPAID_COMMIT_EXPIRATION'] as const).map((type) =>
    fc.record({ type: fc.constant(type), amount: finite, timestamp }),
  ),
  fc.record(
    { type: fc.constant('POSTPAID_COMMIT_TRUEUP' as const), amount: finite, invoice_id: id, timestamp, contract_id: id },
    { requiredKeys: ['type', 'amount', 'invoice_id', 'timestamp'] },
  ),
);
const sdkCommit: fc.Arbitrary<Metronome.Commit> = fc.record(
  {
    id,
    created_at: timestamp,
    type: fc.constantFrom('PREPAID' as const, 'POSTPAID' as const),
    product: fc.record({ id, name: text }),
    name: text,
    access_schedule: accessSchedule,
    invoice_schedule: fc.record(
      {
        credit_type: creditType,
        do_not_invoice: fc.boolean(),
        schedule_items: fc.array(
          fc.record(
            { id, amount: finite, quantity: finite, unit_price: finite, timestamp, invoice_id: fc.option(id) },
            { requiredKeys: ['id', 'amount', 'quantity', 'unit_price', 'timestamp'] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    balance: finite,
    priority: finite,
    cost_basis: finite,
    rollover_fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    rolled_over_from: fc.record({ commit_id: id, contract_id: id }),
    recurring_commit_id: id,
    created_by: text,
    applicable_product_ids: fc.array(id, { maxLength: 2 }),
    applicable_product_tags: fc.array(text, { maxLength: 2 }),
    applicable_contract_ids: fc.array(id, { maxLength: 2 }),
    description: text,
    ledger: fc.array(sdkCommitLedgerEntry, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'created_at', 'type', 'product'] },
);
/** "List balances": commits and credits in one list. */
const sdkBalance = fc.oneof(sdkCommit as fc.Arbitrary<unknown>, sdkCredit as fc.Arbitrary<unknown>);
const sdkDeduction: fc.Arbitrary<Metronome.V1.CreditLedgerEntry> = fc.record(
  {
    amount: finite,
    created_by: text,
    credit_grant_id: id,
    effective_at: timestamp,
    reason: text,
    running_balance: finite,
    invoice_id: fc.option(id),
  },
  { requiredKeys: ['amount', 'created_by', 'credit_grant_id', 'effective_at', 'reason', 'running_balance'] },
);
const sdkGrant: fc.Arbitrary<Metronome.V1.CreditGrantListResponse> = range.chain(([effective_at, expires_at]) =>
  fc.record(
    {
      id,
      name: text,
      customer_id: fc.uuid(),
      effective_at: fc.constant(effective_at),
      expires_at: fc.constant(expires_at),
      priority: finite,
      grant_amount: fc.record({ amount: finite, credit_type: creditType }),
      paid_amount: fc.record({ amount: finite, credit_type: creditType }),
      balance: fc.record({ effective_at: timestamp, excluding_pending: finite, including_pending: finite }),
      deductions: fc.array(sdkDeduction, { maxLength: 3 }),
      pending_deductions: fc.array(sdkDeduction, { maxLength: 2 }),
      custom_fields: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      products: fc.array(fc.record({ id, name: text }), { maxLength: 2 }),
      credit_grant_type: fc.option(text),
      invoice_id: fc.option(id),
      reason: fc.option(text),
      uniqueness_key: fc.option(text),
    },
    {
      requiredKeys: [
        'id',
        'name',
        'customer_id',
        'effective_at',
        'expires_at',
        'priority',
        'grant_amount',
        'paid_amount',
        'balance',
        'deductions',
        'pending_deductions',
        'custom_fields',
      ],
    },
  ),
);

/** Mutates a record: a field (at any depth) turned into anything at all, or dropped. */
const mutated = (record: fc.Arbitrary<object>): fc.Arbitrary<unknown> =>
  fc.tuple(record, fc.nat(), junk).map(([value, pick, replacement]) => {
    const copy = structuredClone(value) as Record<string, unknown>;
    const paths: [Record<string, unknown>, string][] = [];
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries(node)) {
        paths.push([node as Record<string, unknown>, key]);
        walk(child);
      }
    };
    walk(copy);
    if (!paths.length) return replacement;
    const [parent, key] = paths[pick % paths.length]!;
    // Dropped from an array, an item is removed (JSON has no holes); from an object, the key goes.
    if (replacement !== undefined) parent[key] = replacement;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return copy;
  });

const wireCredit = fc.oneof(
  { weight: 2, arbitrary: sdkCredit },
  { weight: 3, arbitrary: mutated(sdkCredit) },
  { weight: 1, arbitrary: junk },
);
const wireBalance = fc.oneof(
  { weight: 2, arbitrary: sdkBalance },
  { weight: 3, arbitrary: mutated(sdkBalance as fc.Arbitrary<object>) },
  { weight: 1, arbitrary: junk },
);
const wireGrant = fc.oneof({ weight: 2, arbitrary: sdkGrant }, { weight: 3, arbitrary: mutated(sdkGrant) }, { weight: 1, arbitrary: junk });
const envelope = (item: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ data: fc.array(item, { maxLength: 5 }), next_page: fc.oneof(fc.constant(null), fc.string()) }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );

const container = document.createElement('div');

/**
 * Parse a page as a load does (a broken envelope fails it, a broken record is set aside) and render it with the
 * real templates; returns what a person would read and what was skipped, or the typed error.
 */
function renderPage(source: Source, json: unknown, locale: string, timeZone: string, now: Date) {
  let records: ReturnType<typeof readRecord>[];
  try {
    records = page(json).data.map((item, i) => readRecord(source, item, `data[${i}]`));
  } catch (error) {
    if (error instanceof CreditBalanceError) return error;
    throw error;
  }
  const credits = records.filter((r): r is NormalizedCredit => !('message' in r));
  const skipped = records.flatMap((r, i) => ('message' in r ? [{ ...r, index: i }] : []));
  for (const { message, index } of skipped) {
    expect(message, 'a skipped record is named by its place and field').to.match(
      new RegExp(`^Unexpected API response: data\\[${index}\\]`),
    );
  }
  for (const credit of credits) {
    for (const value of [
      credit.balance ?? 0,
      credit.granted,
      ...credit.segments.map((s) => s.amount),
      ...credit.ledger.map((e) => e.amount),
    ]) {
      expect(Number.isFinite(value), `a non-finite amount reached the view: ${value}`).to.equal(true);
    }
    for (const date of [...credit.segments.flatMap((s) => [s.startsAt, s.endsBefore]), ...credit.ledger.map((e) => e.at)]) {
      expect(Number.isNaN(date.getTime()), 'an invalid date reached the view').to.equal(false);
    }
  }
  const state = { status: 'complete' as const, shown: { key: [], credits, skipped, at: now, complete: true }, skipped, refreshed: false };
  const view = viewOf(state, { expiringSoonDays: 30, lowBalance: 10, worded: true }, now);
  const context: ViewContext = {
    i18n: new Translator(locale, {}, enDetails),
    money: new MoneyFormat(locale),
    dates: new DateFormat(locale, timeZone),
    now,
    minute: Math.floor(now.getTime() / 60_000),
    renderLedger,
    renderInvoices: renderInvoiceSchedule,
    showKinds: true,
    headingLevel: 2,
    invoiceUrl: '/billing/invoices/{invoice_id}',
  };
  render([renderTotals(view.totals, view.low, context), view.credits.map((v) => renderCredit(v, context))], container);
  const attributes = [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return { text: `${container.textContent} ${attributes.join(' ')}`, credits, skipped };
}

const pageCase = (item: fc.Arbitrary<unknown>) => fc.tuple(envelope(item), fc.constantFrom(...locales), fc.constantFrom(...zones), instant);

describe('properties', () => {
  before(async () => {
    for (const language of LANGUAGES) await loadCatalogue(language);
  });

  const sourceCases = [
    { name: 'credits', source: creditsSource, item: wireCredit, sdk: sdkCredit as fc.Arbitrary<unknown>, runs: RUNS.credits },
    { name: 'balances (commits and credits)', source: balancesSource, item: wireBalance, sdk: sdkBalance, runs: RUNS.balances },
    { name: 'grants', source: grantsSource, item: wireGrant, sdk: sdkGrant as fc.Arbitrary<unknown>, runs: RUNS.grants },
  ];
  for (const { name, source, item, sdk, runs } of sourceCases) {
    it(`${name}: ${runs} generated pages fail only on a broken envelope, and otherwise render clean text`, () => {
      fc.assert(
        fc.property(pageCase(item), ([json, locale, zone, now]) => {
          const result = renderPage(source, json, locale, zone, now);
          if (result instanceof CreditBalanceError) {
            expect(result.code).to.equal('invalid-response');
            expect(result.message).to.match(/the response|data is not|next_page/);
            return;
          }
          expect(result.text).to.not.match(BAD_TEXT);
        }),
        { numRuns: runs },
      );
    });

    it(`${name}: every record shaped as the SDK types it is read, whatever optional field is missing, beside broken ones`, () => {
      fc.assert(
        fc.property(fc.array(sdk, { maxLength: 4 }), fc.array(junk, { maxLength: 2 }), instant, (good, bad, now) => {
          const result = renderPage(source, { data: [...bad, ...good], next_page: null }, 'en-US', 'UTC', now);
          if (result instanceof CreditBalanceError) throw result;
          expect(result.skipped.map((s) => s.index)).to.deep.equal(bad.map((_, i) => i));
          expect(result.credits).to.have.length(good.length);
          expect(result.text).to.not.match(BAD_TEXT);
        }),
        { numRuns: runs / 4 },
      );
    });
  }

  it(`tokens: ${RUNS.tokens} generated token answers give a usable token or a token error`, () => {
    const tokenAnswer = fc.oneof(
      fc.record(
        {
          token: maybe(fc.string()),
          expires_at: maybe(timestamp),
          expires_in: maybe(amount),
          customer_id: maybe(fc.string()),
          api_base: maybe(fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.anything({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(tokenAnswer, instant, (json, now) => {
        try {
          const token = parseTokenResponse(json, now.getTime());
          expect(token.value.trim()).to.not.equal('');
          expect(token.expiresAt).to.be.greaterThan(now.getTime());
          expect(token.refreshAt).to.be.within(now.getTime(), token.expiresAt);
        } catch (error) {
          expect(error).to.be.instanceOf(CreditBalanceError);
          expect((error as CreditBalanceError).code).to.equal('token');
        }
      }),
      { numRuns: RUNS.tokens },
    );
  });

  it(`money: ${RUNS.money} amounts never read as NaN, and a non-zero amount never reads as zero`, () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e15, max: 1e15 }), creditType, fc.constantFrom(...locales), (value, type, locale) => {
        const text = new MoneyFormat(locale).amount(value, type);
        expect(text).to.not.match(BAD_TEXT);
        if (value !== 0) expect(text, `${value} shown as ${text}`).to.match(/[1-9١-٩१-९]/);
      }),
      { numRuns: RUNS.money },
    );
  });

  it(`dates: ${RUNS.dates} ranges and relative times in every zone read as dates`, () => {
    fc.assert(
      fc.property(instant, instant, instant, fc.constantFrom(...locales), fc.constantFrom(...zones), (a, b, now, locale, zone) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const dates = new DateFormat(locale, zone);
        const range = dates.range(start, end);
        const text = range.kind === 'days' ? range.range : `${range.start} ${range.endBefore}`;
        expect(`${text} ${dates.relative(end, now)} ${dates.lastDayBefore(end)}`).to.not.match(BAD_TEXT);
      }),
      { numRuns: RUNS.dates },
    );
  });

  it(`retry-after: ${RUNS.retryAfter} header values give no delay or a finite one`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double().map(String),
          timestamp.map((t) => new Date(t).toUTCString()),
        ),
        fc.boolean(),
        (value, ms) => {
          const delay = retryAfterMs(
            new Headers({ [ms ? 'retry-after-ms' : 'retry-after']: value.replace(/[\r\n\0]/g, '') }),
            TEST_NOW.getTime(),
          );
          if (delay !== undefined) expect(Number.isFinite(delay) && delay >= 0, `${value} → ${delay}`).to.equal(true);
        },
      ),
      { numRuns: RUNS.retryAfter },
    );
  });
});
