// Property-based: thousands of generated and mutated API responses through parsing, the view model and the
// real templates. Each either ends in the typed error or renders text with no NaN, undefined or invalid date.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { render } from 'lit';
import { creditsSource } from '../../src/lib/api/credits.js';
import { CreditBalanceError } from '../../src/lib/api/errors.js';
import { grantsSource } from '../../src/lib/api/grants.js';
import { retryAfterMs } from '../../src/lib/api/http.js';
import type { Source } from '../../src/lib/api/source.js';
import { page } from '../../src/lib/api/validate.js';
import { type NormalizedCredit, totalsOf } from '../../src/lib/credit.js';
import { DateFormat } from '../../src/lib/dates.js';
import { Translator } from '../../src/lib/messages.js';
import { MoneyFormat, USD_CENTS_ID } from '../../src/lib/money.js';
import { lowTotals, viewCredits } from '../../src/lib/schedule.js';
import { parseTokenResponse } from '../../src/lib/token.js';
import { type ViewContext, renderCredit, renderTotals } from '../../src/templates.js';

/** How many cases each property runs; the README's Reliability section quotes these. */
export const RUNS = { credits: 2000, grants: 2000, tokens: 2000, money: 3000, dates: 2000, retryAfter: 1000 };

const BAD_TEXT = /NaN|undefined|Invalid Date|Infinity|\[object|null/;
const locales = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'ar-EG', 'hi-IN'];
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'];

// Wire values: mostly well-formed, sometimes anything at all.
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constant('2026-13-45T00:00:00Z'),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
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
  fc.constantFrom(0, -0, 0.8, 1e-9, 5e-324, Number.MAX_SAFE_INTEGER),
);
const creditType = fc.record({
  id: fc.oneof(fc.constant(USD_CENTS_ID), fc.uuid()),
  name: fc.oneof(fc.constantFrom('USD (cents)', 'EUR', 'JPY', 'BHD', 'API calls', 'GPU', 'usd', ''), fc.string({ maxLength: 20 })),
});
const id = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }));
const ledgerEntry = fc.record(
  {
    type: maybe(fc.constantFrom('CREDIT_SEGMENT_START', 'CREDIT_AUTOMATED_INVOICE_DEDUCTION', 'CREDIT_EXPIRATION', 'CREDIT_MANUAL', 'CREDIT_ROLLOVER', 'SOMETHING_NEW')),
    amount: maybe(amount),
    timestamp: maybe(timestamp),
    segment_id: maybe(id),
    reason: maybe(fc.string()),
  },
  { requiredKeys: ['type', 'amount', 'timestamp'] },
);
const wireCredit = fc.record(
  {
    id: maybe(id),
    type: fc.constant('CREDIT'),
    name: maybe(fc.string({ maxLength: 30 })),
    product: maybe(fc.record({ id, name: maybe(fc.string({ maxLength: 30 })) })),
    access_schedule: maybe(
      fc.record(
        {
          credit_type: maybe(creditType),
          schedule_items: maybe(fc.array(fc.record({ id: maybe(id), amount: maybe(amount), starting_at: maybe(timestamp), ending_before: maybe(timestamp) }), { maxLength: 4 })),
        },
        { requiredKeys: ['schedule_items'] },
      ),
    ),
    balance: maybe(amount),
    priority: maybe(amount),
    ledger: maybe(fc.array(ledgerEntry, { maxLength: 3 })),
    surprise_field: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: ['id', 'type', 'balance'] },
);
const deduction = fc.record(
  { amount: maybe(amount), effective_at: maybe(timestamp), running_balance: maybe(amount), reason: fc.string(), created_by: fc.string() },
  { requiredKeys: ['amount', 'effective_at'] },
);
const wireGrant = fc.record(
  {
    id: maybe(id),
    name: maybe(fc.string({ maxLength: 30 })),
    customer_id: fc.uuid(),
    effective_at: maybe(timestamp),
    expires_at: maybe(timestamp),
    priority: maybe(amount),
    grant_amount: maybe(fc.record({ amount: maybe(amount), credit_type: maybe(creditType) })),
    paid_amount: maybe(fc.record({ amount: maybe(amount), credit_type: maybe(creditType) })),
    balance: maybe(fc.record({ effective_at: maybe(timestamp), excluding_pending: maybe(amount), including_pending: maybe(amount) })),
    deductions: maybe(fc.array(deduction, { maxLength: 3 })),
    pending_deductions: maybe(fc.array(deduction, { maxLength: 2 })),
    products: maybe(fc.array(fc.record({ id, name: maybe(fc.string()) }), { maxLength: 2 })),
    custom_fields: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  },
  { requiredKeys: ['id', 'grant_amount', 'balance', 'effective_at', 'expires_at'] },
);
const envelope = (item: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ data: fc.array(item, { maxLength: 5 }), next_page: fc.oneof(fc.constant(null), fc.string()) }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );

const container = document.createElement('div');

/** Parse a page and render it with the real templates; returns what a person would read, or the typed error. */
function renderPage(source: Source, json: unknown, locale: string, timeZone: string, now: Date): string | CreditBalanceError {
  let credits: NormalizedCredit[];
  try {
    credits = page(json).data.map((item, i) => source.normalize(item, `data[${i}]`));
  } catch (error) {
    if (error instanceof CreditBalanceError) return error;
    throw error;
  }
  for (const credit of credits) {
    for (const value of [credit.balance, credit.granted, ...credit.segments.map((s) => s.amount), ...credit.ledger.map((e) => e.amount)]) {
      expect(Number.isFinite(value), `a non-finite amount reached the view: ${value}`).to.equal(true);
    }
    for (const date of [...credit.segments.flatMap((s) => [s.startsAt, s.endsBefore]), ...credit.ledger.map((e) => e.at)]) {
      expect(Number.isNaN(date.getTime()), 'an invalid date reached the view').to.equal(false);
    }
  }
  const views = viewCredits(credits, { now, expiringSoonDays: 30 });
  const totals = totalsOf(credits);
  const context: ViewContext = {
    i18n: new Translator(locale),
    money: new MoneyFormat(locale),
    dates: new DateFormat(locale, timeZone),
    now,
    minute: Math.floor(now.getTime() / 60_000),
    includeLedgers: true,
  };
  render([renderTotals(totals, lowTotals(totals, 10), context), views.map((v) => renderCredit(v, context))], container);
  const attributes = [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return `${container.textContent} ${attributes.join(' ')}`;
}

const pageCase = (item: fc.Arbitrary<unknown>) =>
  fc.tuple(envelope(item), fc.constantFrom(...locales), fc.constantFrom(...zones), instant);

describe('properties', () => {
  const sourceCases = [
    { name: 'credits', source: creditsSource, item: wireCredit as fc.Arbitrary<unknown>, runs: RUNS.credits },
    { name: 'grants', source: grantsSource, item: wireGrant as fc.Arbitrary<unknown>, runs: RUNS.grants },
  ];
  for (const { name, source, item, runs } of sourceCases) {
    it(`${name}: ${runs} generated pages parse to the typed error or render clean text`, () => {
      fc.assert(
        fc.property(pageCase(item), ([json, locale, zone, now]) => {
          const result = renderPage(source, json, locale, zone, now);
          if (result instanceof CreditBalanceError) {
            expect(result.code).to.equal('invalid-response');
            return;
          }
          expect(result).to.not.match(BAD_TEXT);
        }),
        { numRuns: runs },
      );
    });
  }

  it(`tokens: ${RUNS.tokens} generated token answers give a usable token or a token error`, () => {
    const tokenAnswer = fc.oneof(
      fc.record(
        { token: maybe(fc.string()), expires_at: maybe(timestamp), expires_in: maybe(amount), customer_id: maybe(fc.string()), api_base: maybe(fc.string()) },
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
      fc.property(fc.oneof(fc.string(), fc.double().map(String), timestamp.map((t) => new Date(t).toUTCString())), fc.boolean(), (value, ms) => {
        const delay = retryAfterMs(new Headers({ [ms ? 'retry-after-ms' : 'retry-after']: value.replace(/[\r\n\0]/g, '') }), Date.now());
        if (delay !== undefined) expect(Number.isFinite(delay) && delay >= 0, `${value} → ${delay}`).to.equal(true);
      }),
      { numRuns: RUNS.retryAfter },
    );
  });
});
