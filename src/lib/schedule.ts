import { addDays } from 'date-fns/addDays';
import type { NormalizedCredit, Segment, Total } from './credit.js';
import { toDisplayAmount } from './money.js';

export type SegmentStatus = 'active' | 'upcoming' | 'expired';

/** `[startsAt, endsBefore)`: usable from the start instant, no longer at the end instant. */
export function segmentStatus(segment: Segment, now: Date): SegmentStatus {
  if (now < segment.startsAt) return 'upcoming';
  if (now >= segment.endsBefore) return 'expired';
  return 'active';
}

/** A credit as the widget shows it at one instant. */
export interface CreditView {
  credit: NormalizedCredit;
  /** Active when a segment is; else upcoming when one is still to come; else expired. */
  status: SegmentStatus;
  segments: { segment: Segment; status: SegmentStatus }[];
  /** The active segment that ends first. */
  active?: Segment;
  /** The first segment still to start. */
  next?: Segment;
  /** What later segments will add (Metronome counts them as 0 in `balance`). */
  scheduledLater: number;
  /** What the active segments granted: the meter's maximum (the whole grant when none is active). */
  meterMax: number;
  /** A balance above zero whose active segment ends within the expiring-soon window. */
  expiring: boolean;
}

export interface ViewOptions {
  now: Date;
  expiringSoonDays: number;
}

export function viewCredit(credit: NormalizedCredit, { now, expiringSoonDays }: ViewOptions): CreditView {
  const segments = credit.segments.map((segment) => ({ segment, status: segmentStatus(segment, now) }));
  let active: Segment | undefined;
  let next: Segment | undefined;
  let scheduledLater = 0;
  let activeGranted = 0;
  for (const { segment, status } of segments) {
    if (status === 'active') {
      activeGranted += segment.amount;
      if (!active || segment.endsBefore < active.endsBefore) active = segment;
    }
    if (status === 'upcoming') {
      scheduledLater += segment.amount;
      if (!next || segment.startsAt < next.startsAt) next = segment;
    }
  }
  const status: SegmentStatus = active ? 'active' : next ? 'upcoming' : 'expired';
  const expiring = !!active && credit.balance > 0 && active.endsBefore <= addDays(now, expiringSoonDays);
  const meterMax = active ? activeGranted : credit.granted;
  return { credit, status, segments, ...(active && { active }), ...(next && { next }), scheduledLater, meterMax, expiring };
}

const statusRank: Record<SegmentStatus, number> = { active: 0, upcoming: 1, expired: 2 };

/**
 * Active credits first, the soonest to expire first; then upcoming ones, the soonest to start first;
 * then expired ones, the most recently ended first. Ties: lower priority (drawn down first), then name.
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

export const viewCredits = (credits: readonly NormalizedCredit[], options: ViewOptions): CreditView[] =>
  credits.map((credit) => viewCredit(credit, options)).sort(compareViews);

/** The totals whose available amount, in display units (dollars for `USD (cents)`), is below `threshold`. */
export const lowTotals = (totals: readonly Total[], threshold: number | undefined): Total[] =>
  threshold === undefined || !Number.isFinite(threshold)
    ? []
    : totals.filter((total) => toDisplayAmount(total.available, total.creditType) < threshold);

/** The share of `granted` still available, in [0, 1]. */
export const remainingShare = (balance: number, granted: number): number =>
  granted > 0 ? Math.min(1, Math.max(0, balance / granted)) : 0;
