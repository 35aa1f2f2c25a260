/**
 * The balance chart, as data (`chart`): per credit type, the money held over time from the ledgers, the forecast's
 * projection after today, and the instants money arrived or expires, on one time span. A pure function of the
 * items, their forecast and the instant; the details' chunk draws it.
 */
import { type CreditType, type NormalizedCredit, groupByCreditType, isHeld, sumAmounts } from '../credit.js';
import { type BalancePoint, type Forecast, windowStartOf } from './forecast.js';

const DAY = 86_400_000;

/** The chart shows at least this many days after today… */
export const CHART_MIN_DAYS_AHEAD = 30;
/** …and at most this many: until the projection reaches zero or the last money scheduled ends. */
export const CHART_MAX_DAYS_AHEAD = 365;

/** One credit type's chart. Amounts are in the credit type's API units. */
export interface BalanceChart {
  creditType: CreditType;
  from: Date;
  to: Date;
  /** The top of the scale: the most money held at any point shown. */
  max: number;
  /**
   * The balance from `from` to now: a step at each ledger entry, counted back from the balance now (what the totals
   * show). Its last point is now.
   */
  history: BalancePoint[];
  /** From now on at the recent rate (the forecast's), cut at `to`; empty without a forecast. */
  projection: BalancePoint[];
  /** When a period of money started (arrived), within the span. */
  starts: Date[];
  /** When a period of money ends (its unused rest expires), within the span. */
  ends: Date[];
}

/**
 * A credit's balance changes: its ledger, and for a grant (whose ledger holds its deductions only) the amount
 * granted at its start.
 */
function changesOf(item: NormalizedCredit): BalancePoint[] {
  const entries = item.ledger.map(({ at, amount }) => ({ at, amount }));
  const start = item.segments[0]?.startsAt;
  return item.kind === 'grant' && start ? [{ at: start, amount: item.granted }, ...entries] : entries;
}

/**
 * The balance over time of each credit type held (postpaid commits are a commitment to spend, not money held).
 * The span starts when the first item did, at most the forecast's 90 days before now, and ends when the projection
 * reaches zero or the last period ends, from 30 days to a year after now. A credit type with no change yet
 * starts now.
 */
export function balanceCharts(credits: readonly NormalizedCredit[], forecasts: readonly Forecast[], at: Date): BalanceChart[] {
  const now = at.getTime();
  return groupByCreditType(credits.filter(isHeld), (c) => c.creditType).map((items): BalanceChart => {
    const { creditType } = items[0]!;
    const changes = items
      .flatMap(changesOf)
      .filter((change) => change.at.getTime() <= now)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const segments = items.flatMap((item) => item.segments);
    // The window the forecast's rate is measured over.
    const from = windowStartOf(items, now);
    // Back from what is held now (the totals' figure), a step at each change in the span: the line ends where
    // the widget's total is, even where a ledger does not add up to the balance.
    let balance = sumAmounts(items.map((item) => item.balance ?? 0));
    const history: BalancePoint[] = [{ at, amount: balance }];
    for (const change of changes.filter((c) => c.at.getTime() > from).reverse()) {
      history.push({ at: change.at, amount: balance });
      balance = sumAmounts([balance, -change.amount]);
      history.push({ at: change.at, amount: balance });
    }
    history.push({ at: new Date(from), amount: balance });
    history.reverse();

    const forecast = forecasts.find((f) => f.creditType.id === creditType.id);
    const projected = forecast?.basis === 'recent-use' ? forecast.projection : [];
    const lastEnd = Math.max(...segments.map((s) => s.endsBefore.getTime()));
    const until = forecast?.basis === 'recent-use' && forecast.runsOutAt ? forecast.runsOutAt.getTime() : lastEnd;
    const to = Math.min(Math.max(until, now + CHART_MIN_DAYS_AHEAD * DAY), now + CHART_MAX_DAYS_AHEAD * DAY);
    const projection = cut(projected, to);
    const within = (date: Date) => date.getTime() >= from && date.getTime() <= to;
    const distinct = (dates: Date[]) => [...new Set(dates.map((d) => d.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
    return {
      creditType,
      from: new Date(from),
      to: new Date(to),
      max: Math.max(0, ...history.map((p) => p.amount), ...projection.map((p) => p.amount)),
      history,
      projection,
      starts: distinct(segments.map((s) => s.startsAt).filter(within)),
      ends: distinct(segments.map((s) => s.endsBefore).filter(within)),
    };
  });
}

/** The points of a line up to `to`, the last one where the line crosses it. */
function cut(points: readonly BalancePoint[], to: number): BalancePoint[] {
  const kept = points.filter((p) => p.at.getTime() <= to);
  const after = points.find((p) => p.at.getTime() > to);
  const last = kept.at(-1);
  if (!after || !last || last.at.getTime() === to) return kept;
  const share = (to - last.at.getTime()) / (after.at.getTime() - last.at.getTime());
  return [...kept, { at: new Date(to), amount: last.amount + (after.amount - last.amount) * share }];
}
