// Items with ledgers at one explicit instant, for the tests of what the ledgers say comes next (the forecast, the
// balance chart): every case reads NOW, never the clock.
import type { CreditKind, LedgerEntry, NormalizedCredit, Segment } from '../../../src/lib/credit.js';
import { USD_CENTS_ID } from '../../../src/lib/metronome.js';

export const NOW = new Date('2026-06-01T00:00:00Z');
export const DAY = 86_400_000;
export const day = (offset: number) => new Date(NOW.getTime() + offset * DAY);
export const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };
export const EUR = { id: 'eur', name: 'EUR' };

export const use = (offset: number, amount: number, type = 'CREDIT_AUTOMATED_INVOICE_DEDUCTION'): LedgerEntry => ({
  type,
  amount: -amount,
  at: day(offset),
});
export const segment = (from: number, until: number, amount: number): Segment => ({
  id: `${from}`,
  amount,
  startsAt: day(from),
  endsBefore: day(until),
});

export function item(fields: {
  balance: number;
  segments: Segment[];
  ledger: LedgerEntry[];
  kind?: CreditKind;
  creditType?: typeof USD;
}): NormalizedCredit {
  return {
    id: 'c',
    kind: fields.kind ?? 'credit',
    name: 'C',
    creditType: fields.creditType ?? USD,
    balance: fields.balance,
    granted: fields.segments.reduce((sum, s) => sum + s.amount, 0),
    products: [],
    segments: fields.segments,
    ledger: fields.ledger,
  };
}

/** A year-long credit from five months ago, with $100.00 used each of the last three months. */
export const steady = (extra: LedgerEntry[] = [], balance = 7_000) =>
  item({ balance, segments: [segment(-151, 214, 10_000)], ledger: [use(-61, 1_000), use(-31, 1_000), use(0, 1_000), ...extra] });
