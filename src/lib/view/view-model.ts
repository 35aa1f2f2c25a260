/**
 * The view model: each credit as the widget shows it at one instant (status, active and next periods, what is
 * expiring, the draw-down order), the order on screen, the timeline's geometry and the low totals.
 */
import { addDays } from 'date-fns/addDays';
import { type CreditType, type NormalizedCredit, type Segment, type Total, groupByCreditType, isHeld, sumAmounts } from '../credit.js';
import { toDisplayAmount, unitOf } from './money.js';

export type SegmentStatus = 'active' | 'upcoming' | 'expired';
/** A credit's status: its segments', or `unscheduled` for a credit with no access schedule (no period, no badge). */
export type CreditStatus = SegmentStatus | 'unscheduled';

/** `[startsAt, endsBefore)`: usable from the start instant, no longer at the end instant. */
export function segmentStatus(segment: Segment, now: Date): SegmentStatus {
  if (now < segment.startsAt) return 'upcoming';
  if (now >= segment.endsBefore) return 'expired';
  return 'active';
}

/** A credit as the widget shows it at one instant. */
export interface CreditView {
  credit: NormalizedCredit;
  /** Active when a segment is; else upcoming when one is still to come; else expired; unscheduled without segments. */
  status: CreditStatus;
  segments: { segment: Segment; status: SegmentStatus }[];
  /** The active segment that ends first. */
  active?: Segment;
  /** The first segment still to start. */
  next?: Segment;
  /**
   * What later segments will add (Metronome counts them as 0 in `balance`); for an upcoming credit, those after
   * the next one, which it shows as the amount to come.
   */
  scheduledLater: number;
  /** What the active segments granted: the meter's maximum (the whole grant when none is active). */
  meterMax: number;
  /** A balance above zero whose active segment ends within the expiring-soon window. */
  expiring: boolean;
  /**
   * Its place in the order usage draws credits of its credit type down (1 = used next); only for credits
   * usable now with a balance. Set by {@link viewCredits}.
   */
  drawPosition?: number;
  /** The credit drawn down just before this one. */
  drawsAfter?: NormalizedCredit;
}

export interface ViewOptions {
  now: Date;
  expiringSoonDays: number;
  /** Work out the draw-down order: only over the complete list (a later page may hold the credit used next). */
  drawOrder?: boolean;
}

export function viewCredit(credit: NormalizedCredit, { now, expiringSoonDays }: ViewOptions): CreditView {
  const segments = credit.segments.map((segment) => ({ segment, status: segmentStatus(segment, now) }));
  let active: Segment | undefined;
  let next: Segment | undefined;
  const later: Segment[] = [];
  const activeAmounts: number[] = [];
  for (const { segment, status } of segments) {
    if (status === 'active') {
      activeAmounts.push(segment.amount);
      if (!active || segment.endsBefore < active.endsBefore) active = segment;
    }
    if (status === 'upcoming') {
      later.push(segment);
      if (!next || segment.startsAt < next.startsAt) next = segment;
    }
  }
  const scheduledLater = sumAmounts(later.filter((segment) => active || segment !== next).map((segment) => segment.amount));
  const activeGranted = sumAmounts(activeAmounts);
  const status: CreditStatus = active ? 'active' : next ? 'upcoming' : segments.length ? 'expired' : 'unscheduled';
  // A postpaid commit's balance is what is still to be spent, not money the customer can lose.
  const expiring = isHeld(credit) && !!active && (credit.balance ?? 0) > 0 && active.endsBefore <= addDays(now, expiringSoonDays);
  const meterMax = active ? activeGranted : credit.granted;
  return { credit, status, segments, ...(active && { active }), ...(next && { next }), scheduledLater, meterMax, expiring };
}

const statusRank: Record<CreditStatus, number> = { active: 0, unscheduled: 1, upcoming: 2, expired: 3 };

/**
 * Active credits first, the soonest to expire first; then credits without a schedule; then upcoming ones,
 * the soonest to start first; then expired ones, the most recently ended first. Ties: lower priority (drawn
 * down first), then name.
 */
export function compareViews(a: CreditView, b: CreditView): number {
  return (
    statusRank[a.status] - statusRank[b.status] ||
    orderInstant(a) - orderInstant(b) ||
    (a.credit.priority ?? Infinity) - (b.credit.priority ?? Infinity) ||
    a.credit.name.localeCompare(b.credit.name) ||
    a.credit.id.localeCompare(b.credit.id)
  );
}

function orderInstant(view: CreditView): number {
  if (view.active) return view.active.endsBefore.getTime();
  if (view.next) return view.next.startsAt.getTime();
  const last = view.credit.segments.at(-1);
  return last ? -last.endsBefore.getTime() : 0;
}

/**
 * Metronome's burn-down order of prepaid commits and credits: lower `priority` first (none: last), then the lower
 * cost basis (credits and grants cost nothing; a commit without one counts as paid in full), then the one
 * restricted to fewer products, then the one whose usable period ends sooner, then the one that started earlier.
 */
export function compareDrawDown(a: CreditView, b: CreditView): number {
  const costBasis = ({ credit }: CreditView) => credit.costBasis ?? (credit.kind === 'prepaid' ? 1 : 0);
  return (
    (a.credit.priority ?? Infinity) - (b.credit.priority ?? Infinity) ||
    costBasis(a) - costBasis(b) ||
    (a.credit.applicableProducts ?? Infinity) - (b.credit.applicableProducts ?? Infinity) ||
    a.active!.endsBefore.getTime() - b.active!.endsBefore.getTime() ||
    a.active!.startsAt.getTime() - b.active!.startsAt.getTime() ||
    a.credit.id.localeCompare(b.credit.id)
  );
}

/**
 * Views of every credit in display order, each usable one with its place in its credit type's draw-down
 * order (unless `drawOrder` is false).
 */
export function viewCredits(credits: readonly NormalizedCredit[], options: ViewOptions): CreditView[] {
  const views = credits.map((credit) => viewCredit(credit, options)).sort(compareViews);
  if (options.drawOrder === false) return views;
  const usable = views.filter((view) => isHeld(view.credit) && view.active && (view.credit.balance ?? 0) > 0);
  for (const group of groupByCreditType(usable, (view) => view.credit.creditType)) {
    group.sort(compareDrawDown).forEach((view, i) => {
      view.drawPosition = i + 1;
      if (i > 0) view.drawsAfter = group[i - 1]!.credit;
    });
  }
  return views;
}

/** Where a credit's segments sit on its own time axis, as shares of it in [0, 1]. */
export interface TimelineGeometry {
  from: Date;
  to: Date;
  bars: { segment: Segment; status: SegmentStatus; start: number; size: number }[];
  /** Where now falls; absent when now is outside the axis. */
  now?: number;
}

/** The axis runs from the first segment's start to the last one's end. */
export function timelineGeometry(segments: CreditView['segments'], now: Date): TimelineGeometry | undefined {
  if (!segments.length) return undefined;
  const from = Math.min(...segments.map(({ segment }) => +segment.startsAt));
  const to = Math.max(...segments.map(({ segment }) => +segment.endsBefore));
  const span = to - from || 1;
  const at = (date: Date) => (+date - from) / span;
  const nowAt = at(now);
  return {
    from: new Date(from),
    to: new Date(to),
    bars: segments.map(({ segment, status }) => ({
      segment,
      status,
      start: at(segment.startsAt),
      size: at(segment.endsBefore) - at(segment.startsAt),
    })),
    ...(nowAt >= 0 && nowAt <= 1 && { now: nowAt }),
  };
}

/**
 * `low-balance`, in display units (dollars for `USD (cents)`): one threshold for every credit type, or thresholds
 * by credit type, each keyed by the credit type's id, its name or its currency's code (`{ USD: 200, EUR: 150 }`).
 */
export type LowBalance = number | Readonly<Record<string, number>>;

/** A total below its threshold, with the threshold and the key of `low-balance` it is set under (none for one number). */
export interface LowTotal {
  total: Total;
  threshold: number;
  key?: string;
}

/**
 * A credit type's threshold: the single number, else the one keyed by its id, its name or its currency's code, the
 * first found in that order. A credit type with none is never low.
 */
export function thresholdOf(lowBalance: LowBalance | undefined, creditType: CreditType): Omit<LowTotal, 'total'> | undefined {
  if (typeof lowBalance !== 'object') return lowBalance === undefined ? undefined : { threshold: lowBalance };
  const unit = unitOf(creditType);
  const key = [creditType.id, creditType.name, unit.kind === 'currency' ? unit.currency : ''].find(
    (k) => k && Object.hasOwn(lowBalance, k),
  );
  return key === undefined ? undefined : { threshold: lowBalance[key]!, key };
}

/** The totals whose available amount, in display units, is below their credit type's threshold. */
export const lowTotals = (totals: readonly Total[], lowBalance: LowBalance | undefined): LowTotal[] =>
  totals.flatMap((total) => {
    const threshold = thresholdOf(lowBalance, total.creditType);
    return threshold && toDisplayAmount(total.available, total.creditType) < threshold.threshold ? [{ total, ...threshold }] : [];
  });

/** The share of `granted` still available, in [0, 1]. */
export const remainingShare = (balance: number, granted: number): number => (granted > 0 ? Math.min(1, Math.max(0, balance / granted)) : 0);
