import { expect } from '@open-wc/testing';
import type { LedgerEntry, NormalizedCredit } from '../../../src/lib/credit.js';
import { USD_CENTS_ID } from '../../../src/lib/metronome.js';
import { ledgerRows } from '../../../src/lib/view/ledger.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const entry = (type: string, amount: number, at: Date, pending?: boolean): LedgerEntry => ({
  type,
  amount,
  at,
  ...(pending && { pending }),
});

function item(kind: NormalizedCredit['kind'], granted: number, ledger: LedgerEntry[]): NormalizedCredit {
  return {
    id: 'c',
    kind,
    name: 'C',
    creditType: { id: USD_CENTS_ID, name: 'USD (cents)' },
    balance: 0,
    granted,
    products: [],
    segments: [],
    ledger,
  };
}

describe('ledgerRows: the history, newest first, with the balance after each entry', () => {
  it('counts a credit’s entries in date order from nothing, whatever order they came in', () => {
    const rows = ledgerRows(
      item('credit', 10_000, [
        entry('CREDIT_AUTOMATED_INVOICE_DEDUCTION', -7_250, day(31)),
        entry('CREDIT_SEGMENT_START', 10_000, day(1)),
        entry('CREDIT_EXPIRATION', -2_750, day(32)),
      ]),
    );
    expect(rows.map((r) => [r.entry.type, r.balanceAfter])).to.deep.equal([
      ['CREDIT_EXPIRATION', 0],
      ['CREDIT_AUTOMATED_INVOICE_DEDUCTION', 2_750],
      ['CREDIT_SEGMENT_START', 10_000],
    ]);
  });

  it('counts a grant’s deductions from what it granted, pending ones too', () => {
    const rows = ledgerRows(
      item('grant', 20_000, [entry('GRANT_DEDUCTION', -5_000, day(2)), entry('GRANT_DEDUCTION', -3_500, day(9), true)]),
    );
    expect(rows.map((r) => r.balanceAfter)).to.deep.equal([11_500, 15_000]);
  });

  it('keeps entries of the same instant in the order Metronome sent them, newest first', () => {
    const rows = ledgerRows(item('prepaid', 0, [entry('A', 100, day(1)), entry('B', -40, day(1))]));
    expect(rows.map((r) => [r.entry.type, r.balanceAfter])).to.deep.equal([
      ['B', 60],
      ['A', 100],
    ]);
  });

  it('has nothing to show for an empty history', () => {
    expect(ledgerRows(item('credit', 100, []))).to.deep.equal([]);
  });
});
