/** The normalized shape of a credit or grant (what `credit-balance-load` carries), and the totals per credit type. */
import { TupleMap } from './tuple-map.js';

/** A Metronome credit type (pricing unit). */
export interface CreditType {
  id: string;
  name: string;
}

/** Which Metronome list a widget reads. */
export type SourceName = 'credits' | 'commits' | 'balances' | 'grants';

/**
 * What an item is: a contract `credit` (free or promotional money), a `prepaid` commit (money paid in advance), a
 * `postpaid` commit (a commitment to spend, not money held) or a Plans `grant`.
 */
export type CreditKind = 'credit' | 'prepaid' | 'postpaid' | 'grant';

/** One instalment of a commit's invoice schedule. */
export interface Instalment {
  amount: number;
  at: Date;
  /** The invoice it is on, once invoiced. */
  invoiceId?: string;
}

/** One schedule item: `amount` usable from `startsAt` (inclusive) until `endsBefore` (exclusive). */
export interface Segment {
  id: string;
  amount: number;
  startsAt: Date;
  endsBefore: Date;
}

/** One line of a credit's (or grant's) history. */
export interface LedgerEntry {
  /**
   * Metronome's `type` (`CREDIT_…`), or for a grant's deductions `GRANT_DEDUCTION` (`GRANT_EXPIRATION` at or after
   * its expiry); unknown types are kept.
   */
  type: string;
  /** Signed: positive adds to the balance, negative takes from it. */
  amount: number;
  at: Date;
  segmentId?: string;
  /** Grants: the deduction has not posted yet. */
  pending?: boolean;
  /** Why, where Metronome records it for the customer: manual adjustments (`CREDIT_MANUAL`) and grant deductions. */
  reason?: string;
  /** The invoice that consumed (or gave back) the amount. */
  invoiceId?: string;
}

/** A credit, commit or grant the widget could not read: left out of the list and the totals, and reported. */
export interface SkippedCredit {
  /** Its id, when the record has a readable one. */
  id?: string;
  /** What is wrong, naming the field (`data[3].access_schedule.schedule_items[0].amount is not a finite number`). */
  message: string;
}

/**
 * A credit, a commit or a grant in one shape, amounts as the API sent them in `creditType`'s unit. This is what
 * `credit-balance-load` carries.
 */
export interface NormalizedCredit {
  id: string;
  kind: CreditKind;
  name: string;
  creditType: CreditType;
  /**
   * What the customer can use: now (credits, `balance`); left once pending charges post (grants, see
   * the README's "Grants"). Absent when the API sent no balance: shown as unavailable, left out of the totals.
   */
  balance?: number;
  /** Grants: the balance with posted deductions only (`balance.excluding_pending`). */
  postedBalance?: number;
  /** Grants: the end of the current billing period, as of which the balance is measured. */
  balanceAsOf?: Date;
  /** Grants: it expires before the end of the billing period, so Metronome's `including_pending` reads 0. */
  expiresInPeriod?: boolean;
  /** The sum of the schedule's amounts (credits and commits) or `grant_amount` (grants). */
  granted: number;
  /** Credits and commits: how many products and tags it is restricted to; absent when it applies to every product. */
  applicableProducts?: number;
  /** Commits: what was paid per unit granted (`cost_basis`); credits and grants cost nothing (0). */
  costBasis?: number;
  /** Commits: the invoice schedule, in date order. */
  invoices?: Instalment[];
  /** Commits: what the invoice schedule has still to invoice (the instalments on no invoice yet). */
  uninvoiced?: number;
  /** Commits: the invoice schedule's credit type, when it is not the access schedule's. */
  invoiceCreditType?: CreditType;
  /** Commits: the share of what is unused at renewal that carries over (`rollover_fraction`). */
  rolloverFraction?: number;
  /**
   * Commits, where the SDK tells it: rolled over from the previous contract (`rolled_over_from`), made by a
   * recurring commit (`recurring_commit_id`), or made by the system otherwise (no `created_by`): an automatic top-up.
   */
  origin?: 'rollover' | 'recurring' | 'top-up';
  /** Grants: what was paid for it, possibly in another credit type. */
  paid?: { amount: number; creditType: CreditType };
  /** Lower is drawn down first. */
  priority?: number;
  /** Grants: the products it applies to (empty: all). */
  products: string[];
  segments: Segment[];
  ledger: LedgerEntry[];
}

/** One sum per credit type; amounts of different credit types are never added together. */
export interface Total {
  creditType: CreditType;
  /** The sum of the balances: what the customer can use. */
  available: number;
  granted: number;
  /** How many items it sums. */
  count: number;
  /** When it sums both prepaid commits and credits: the purchased (prepaid) and free (credit) shares of `available`. */
  shares?: { purchased: number; free: number };
}

/** Money the customer holds: a postpaid commit is a commitment to spend, never counted as available. */
export const isHeld = (credit: NormalizedCredit): boolean => credit.kind !== 'postpaid';

/**
 * One total per credit type, over the money held with a balance (an item without one is unknown, not zero;
 * a postpaid commit is no money held).
 */
export function totalsOf(credits: readonly NormalizedCredit[]): Total[] {
  const totals = groupByCreditType(
    credits.filter((credit) => credit.balance !== undefined && isHeld(credit)),
    (credit) => credit.creditType,
  );
  return totals.map((group) => {
    const sum = (items: NormalizedCredit[]) => sumAmounts(items.map((credit) => credit.balance!));
    const purchased = group.filter((credit) => credit.kind === 'prepaid');
    const free = group.filter((credit) => credit.kind !== 'prepaid');
    return {
      creditType: group[0]!.creditType,
      available: sum(group),
      granted: sumAmounts(group.map((credit) => credit.granted)),
      count: group.length,
      ...(purchased.length && free.length && { shares: { purchased: sum(purchased), free: sum(free) } }),
    };
  });
}

/** `items` grouped by their credit type (its id and name), in the order each type first appears. */
export function groupByCreditType<T>(items: readonly T[], creditTypeOf: (item: T) => CreditType): T[][] {
  const groups = new TupleMap<[string, string], T[]>();
  const ordered: T[][] = [];
  for (const item of items) {
    const { id, name } = creditTypeOf(item);
    const key: [string, string] = [id, name];
    let group = groups.get(key);
    if (!group) {
      groups.set(key, (group = []));
      ordered.push(group);
    }
    group.push(item);
  }
  return ordered;
}

/**
 * The sum of amounts, never `NaN` or `Infinity`: exact as floating point allows, and when the true sum lies
 * beyond the largest number (two balances of 1e308), the largest number of its sign, which reads as a bound
 * ("> $1.797…e306").
 */
export function sumAmounts(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  if (Number.isFinite(sum)) return sum;
  // Past the range: add in a scaled space, where no partial sum can overflow, to learn the sum's sign.
  let scaled = 0;
  for (const value of values) scaled += value / 2 ** 32;
  return Math.sign(scaled) * Number.MAX_VALUE;
}
