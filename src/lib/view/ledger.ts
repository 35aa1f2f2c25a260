/** An item's history as it is shown: newest first, with the running balance. Only the details' chunk uses it. */
import { type LedgerEntry, type NormalizedCredit, sumAmounts } from '../credit.js';

/** A history entry, and the item's balance once it is counted. */
export interface LedgerRow {
  entry: LedgerEntry;
  balanceAfter: number;
}

/**
 * An item's history, newest first, each entry with the item's running balance after it. Entries count in date
 * order, from nothing for a credit or a commit (whose history starts with what each period granted) and from the
 * granted amount for a grant (whose history holds only its deductions). Pending entries count too.
 */
export function ledgerRows(credit: NormalizedCredit): LedgerRow[] {
  const chronological = credit.ledger.toSorted((a, b) => a.at.getTime() - b.at.getTime());
  let balance = credit.kind === 'grant' ? credit.granted : 0;
  const rows: LedgerRow[] = [];
  for (const entry of chronological) {
    balance = sumAmounts([balance, entry.amount]);
    rows.push({ entry, balanceAfter: balance });
  }
  return rows.reverse();
}
