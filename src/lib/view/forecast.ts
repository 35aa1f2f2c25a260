/**
 * The run-out forecast, as data: from what the ledgers record as use, a recent rate per credit type, the day what is
 * available reaches zero at that rate, and the money that expires before it can be used. A pure function of the
 * items and the instant; the README's "Forecast" states the rule and its limits.
 */
import { type CreditType, type NormalizedCredit, groupByCreditType, isHeld, sumAmounts } from '../credit.js';

const DAY = 86_400_000;

/** Use is measured over at most this many days before now. */
export const FORECAST_WINDOW_DAYS = 90;
/** Fewer deductions than this in the window is too little history to say anything. */
export const FORECAST_MIN_DEDUCTIONS = 2;
/** So is a first deduction in the window less than this many days ago. */
export const FORECAST_MIN_DAYS = 14;
/** Nothing is forecast further ahead than this. */
export const FORECAST_HORIZON_DAYS = 3 * 365;

/**
 * The ledger entries that are use: money taken by an invoice or by usage. Grants given, top-ups, rollovers,
 * refunds, manual adjustments, expiries and cancellations are not.
 */
const USE = new Set(['CREDIT_AUTOMATED_INVOICE_DEDUCTION', 'PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION', 'GRANT_DEDUCTION']);

/** Money that expires before it is used at the recent rate. */
export interface ExpiringUnused {
  at: Date;
  /** In the credit type's API units (cents for `USD (cents)`). */
  amount: number;
}

/** What one credit type's ledgers say about what comes next. */
export type Forecast =
  | { creditType: CreditType; basis: 'too-little-history' }
  | {
      creditType: CreditType;
      basis: 'recent-use';
      /** Use per day, in API units, over the window. */
      perDay: number;
      /** The days the rate is measured over: 90, or fewer when the items are younger. */
      windowDays: number;
      /** When what is available now, with what arrives before then, reaches zero; absent past the horizon or with no use. */
      runsOutAt?: Date;
      /** Money that expires unused at that rate before it runs out, soonest first. */
      expiresUnused: ExpiringUnused[];
      /**
       * The money left at that rate, from now until it runs out (or the horizon): a point where the slope changes,
       * two at one instant where money arrives or expires. What the chart draws as its projection.
       */
      projection: BalancePoint[];
    };

/** An amount at an instant, in the credit type's API units. */
export interface BalancePoint {
  at: Date;
  amount: number;
}

/** A sum of money that can be used from `from` until `until` (exclusive). */
interface Bucket {
  amount: number;
  from: number;
  until: number;
}

/**
 * The money of a credit type as buckets: each item's balance until its current period ends (no end without a
 * schedule), and each later period's amount from its start.
 */
function bucketsOf(items: readonly NormalizedCredit[], now: number): Bucket[] {
  return items.flatMap((item) => {
    const current = item.segments.find((s) => s.startsAt.getTime() <= now && now < s.endsBefore.getTime());
    const later = item.segments.filter((s) => s.startsAt.getTime() > now);
    return [
      ...(item.balance && item.balance > 0 ? [{ amount: item.balance, from: now, until: current?.endsBefore.getTime() ?? Infinity }] : []),
      ...later.map((s) => ({ amount: s.amount, from: s.startsAt.getTime(), until: s.endsBefore.getTime() })),
    ];
  });
}

/**
 * Spends `perDay` from `now` on: the money that expires soonest first (as Metronome draws down equal priorities),
 * money arriving on its start. The first instant nothing is left is the run-out; a bucket that ends with money in
 * it expires unused.
 */
function simulate(
  buckets: readonly Bucket[],
  perDay: number,
  now: number,
): { runsOutAt?: Date; expiresUnused: ExpiringUnused[]; projection: BalancePoint[] } {
  const horizon = now + FORECAST_HORIZON_DAYS * DAY;
  const expiresUnused: ExpiringUnused[] = [];
  const projection: BalancePoint[] = [];
  const point = (at: number, amount: number) => projection.push({ at: new Date(at), amount });
  const arriving = buckets
    .filter((b) => b.amount > 0)
    .map((b) => ({ ...b }))
    .sort((a, b) => a.from - b.from);
  let usable: Bucket[] = [];
  let t = now;
  while (t < horizon && (usable.length || arriving.length)) {
    while (arriving[0] && arriving[0].from <= t) usable.push(arriving.shift()!);
    usable.sort((a, b) => a.until - b.until);
    const next = Math.min(arriving[0]?.from ?? Infinity, usable[0]?.until ?? Infinity, horizon);
    const left = sumAmounts(usable.map((b) => b.amount));
    point(t, left);
    let toSpend = (perDay * (next - t)) / DAY;
    if (usable.length && perDay > 0 && left <= toSpend) {
      const runsOutAt = t + (left / perDay) * DAY;
      point(runsOutAt, 0);
      return { runsOutAt: new Date(runsOutAt), expiresUnused, projection };
    }
    for (const bucket of usable) {
      const spent = Math.min(bucket.amount, toSpend);
      bucket.amount -= spent;
      toSpend -= spent;
    }
    t = next;
    point(t, sumAmounts(usable.map((b) => b.amount)));
    for (const bucket of usable)
      if (bucket.until <= t && bucket.amount > 0) expiresUnused.push({ at: new Date(bucket.until), amount: bucket.amount });
    usable = usable.filter((b) => b.until > t && b.amount > 0);
  }
  return { expiresUnused, projection };
}

/**
 * Where the recent past of a credit type's items starts, in ms: when they were first there (their first period or
 * ledger entry), at most {@link FORECAST_WINDOW_DAYS} before `now`. A credit a month old has a month of use.
 */
export function windowStartOf(items: readonly NormalizedCredit[], now: number): number {
  const first = Math.min(
    now,
    ...items.flatMap((item) => [...item.segments.map((s) => s.startsAt), ...item.ledger.map((e) => e.at)].map((date) => date.getTime())),
  );
  return Math.max(now - FORECAST_WINDOW_DAYS * DAY, first);
}

/** The forecast of each credit type held (postpaid commits are a commitment to spend, not money held). */
export function forecastsOf(credits: readonly NormalizedCredit[], at: Date): Forecast[] {
  const now = at.getTime();
  const windowStart = now - FORECAST_WINDOW_DAYS * DAY;
  return groupByCreditType(credits.filter(isHeld), (c) => c.creditType).map((items): Forecast => {
    const { creditType } = items[0]!;
    const uses = items.flatMap((item) =>
      item.ledger.filter((e) => USE.has(e.type) && e.amount < 0 && e.at.getTime() <= now && e.at.getTime() > windowStart),
    );
    const windowDays = (now - windowStartOf(items, now)) / DAY;
    // One deduction is no rate; neither are deductions that all fall in the last two weeks. No deduction in two
    // weeks or more is: nothing is being used.
    const firstUse = Math.min(...uses.map((e) => e.at.getTime()));
    const tooLittle = uses.length
      ? uses.length < FORECAST_MIN_DEDUCTIONS || now - firstUse < FORECAST_MIN_DAYS * DAY
      : windowDays < FORECAST_MIN_DAYS;
    if (tooLittle) return { creditType, basis: 'too-little-history' };
    const perDay = sumAmounts(uses.map((e) => -e.amount)) / windowDays;
    return { creditType, basis: 'recent-use', perDay, windowDays, ...simulate(bucketsOf(items, now), perDay, now) };
  });
}
