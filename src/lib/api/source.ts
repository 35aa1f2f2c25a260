/** What a list plan holds, and the interface the Metronome lists share. */
import type { NormalizedCredit, SourceName } from '../credit.js';
import type { ReadLedger } from './ledgers.js';

/** What each list request of a load is built from: the load plan once the token has named the customer and the base. */
export interface ListPlan {
  source: SourceName;
  customerId: string;
  /** Absolute base URL the API paths are appended to. */
  apiBase: string;
  /** Page size, within the source's range (the configuration check refuses any other). */
  limit: number;
  scope: 'all' | 'customer';
  includeArchived: boolean;
  includeLedgers: boolean;
  excludeZeroBalances: boolean;
  coveringDate?: string;
  startingAt?: string;
  effectiveBefore?: string;
  notExpiringBefore?: string;
  creditId?: string;
}

/** One of the two Metronome lists, behind one interface. */
export interface Source {
  readonly name: SourceName;

  /** The request for the page after `cursor` (the first page without one). */
  request(plan: ListPlan, cursor: string | undefined): { url: string; body: unknown };
  /**
   * One item of `data`, checked and normalized; `path` names it in errors. Its ledger is read with `readLedger`,
   * on a page that asked for ledgers; without it, the ledger is empty.
   */
  normalize(item: unknown, path: string, readLedger?: ReadLedger): NormalizedCredit;
}

export const endpoint = (apiBase: string, path: string): string => `${apiBase.replace(/\/+$/, '')}${path}`;
