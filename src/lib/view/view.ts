/**
 * What one update of the widget shows, as data: one pure function of the loading state, the display options
 * and the instant. The element renders what it returns, its templates word it, and their guards key on it.
 */
import { type CreditType, type NormalizedCredit, type Total, totalsOf } from '../credit.js';
import type { CreditsState } from '../load-state.js';
import { keyedMemo } from '../tuple-map.js';
import { type CreditView, type LowBalance, type LowTotal, lowTotals, viewCredits } from './view-model.js';

/** A line under a credit's figures, as data: the templates word it. */
export type CreditNote =
  | { kind: 'grantedInTotal'; amount: number }
  | { kind: 'pendingBalance'; amount: number }
  | { kind: 'balanceAsOf'; date: Date }
  | { kind: 'expiresInPeriod' }
  | { kind: 'usedNextHint' }
  | { kind: 'drawOrder'; after: NormalizedCredit }
  | { kind: 'paid'; amount: number; creditType: CreditType }
  | { kind: 'appliesTo'; products: string[] }
  | { kind: 'commitment'; amount: number; endsBefore: Date }
  | { kind: 'origin'; origin: NonNullable<NormalizedCredit['origin']> }
  | { kind: 'rollover'; fraction: number };

/** A credit as one update shows it: its view, and the notes above its meter and below its dates. */
export interface ShownCredit extends CreditView {
  /** About its figures, shown above the meter. */
  figureNotes: CreditNote[];
  /** About how it is used, shown below its dates. */
  notes: CreditNote[];
}

/** The host's custom states (`:state(…)`), each on or off. */
export interface ViewStates {
  loading: boolean;
  ready: boolean;
  empty: boolean;
  error: boolean;
  stale: boolean;
  expiring: boolean;
  low: boolean;
  /** A prepaid commit is shown. */
  prepaid: boolean;
  /** A postpaid commit (a commitment to spend) is shown. */
  postpaid: boolean;
}

export interface View {
  /** What goes under the header: the loading skeleton, the credits, the empty message, or nothing more. */
  body: 'loading' | 'credits' | 'empty' | 'none';
  credits: ShownCredit[];
  totals: Total[];
  /** The totals below their threshold, each with it. */
  low: LowTotal[];
  expiring: NormalizedCredit[];
  /** Grants: the billing-period end every balance is measured at, when they all share it (said once, in the header). */
  sharedAsOf: Date | undefined;
  /** The totals screen readers hear, when a reload has replaced data on screen. */
  announced: Total[] | undefined;
  states: ViewStates;
}

/** What the view depends on besides the state. */
export interface DisplayOptions {
  expiringSoonDays: number;
  /** Absent: no total is low. */
  lowBalance: LowBalance | undefined;
  /** The language's words and the history's template have arrived: until then nothing is worded, nor "ready". */
  worded: boolean;
}

/** Grants measure balances at the end of the billing period: the date when every grant shares it. */
export function commonBalanceDate(credits: readonly NormalizedCredit[]): Date | undefined {
  const first = credits[0]?.balanceAsOf;
  return first && credits.every((c) => c.balanceAsOf?.getTime() === first.getTime()) ? first : undefined;
}

/** A credit's notes about its figures and its use, from its view. */
function withNotes(view: CreditView, sharedAsOf: Date | undefined): ShownCredit {
  const { credit } = view;
  const figureNotes: CreditNote[] = [];
  if (view.meterMax !== credit.granted) figureNotes.push({ kind: 'grantedInTotal', amount: credit.granted });
  if (credit.postedBalance !== undefined && credit.postedBalance !== credit.balance) {
    figureNotes.push({ kind: 'pendingBalance', amount: credit.postedBalance });
  }
  if (credit.balanceAsOf && credit.balanceAsOf.getTime() !== sharedAsOf?.getTime()) {
    figureNotes.push({ kind: 'balanceAsOf', date: credit.balanceAsOf });
  }
  // Only while it has not expired yet: after, there is nothing left to use until then.
  if (credit.expiresInPeriod && view.status !== 'expired') figureNotes.push({ kind: 'expiresInPeriod' });
  const end = credit.segments.at(-1)?.endsBefore;
  if (credit.kind === 'postpaid' && end) figureNotes.push({ kind: 'commitment', amount: credit.granted, endsBefore: end });
  const notes: CreditNote[] = [];
  if (credit.origin) notes.push({ kind: 'origin', origin: credit.origin });
  if (credit.rolloverFraction) notes.push({ kind: 'rollover', fraction: credit.rolloverFraction });
  if (view.drawPosition === 1) notes.push({ kind: 'usedNextHint' });
  if (view.drawsAfter) notes.push({ kind: 'drawOrder', after: view.drawsAfter });
  if (credit.paid?.amount) notes.push({ kind: 'paid', amount: credit.paid.amount, creditType: credit.paid.creditType });
  if (credit.products.length) notes.push({ kind: 'appliesTo', products: credit.products });
  return { ...view, figureNotes, notes };
}

/**
 * Shown credits by what they are shown from: a credit unchanged since the last update (the same object, within
 * the same minute, in the same place in the draw-down order) comes back as the same {@link ShownCredit}, so the
 * template's guard skips it. Its statuses are those of the minute's first update, as the minute's wording is.
 */
const shownCredits = keyedMemo<unknown[], ShownCredit>();

/** What the widget shows for `state` at `now`. */
export function viewOf(state: CreditsState, options: DisplayOptions, now: Date): View {
  const { shown, error, status } = state;
  const { expiringSoonDays } = options;
  const minute = Math.floor(now.getTime() / 60_000);
  const views = shown ? viewCredits(shown.credits, { now, expiringSoonDays, drawOrder: shown.complete }) : [];
  const sharedAsOf = commonBalanceDate(views.map((v) => v.credit));
  const credits = views.map((v) =>
    shownCredits([v.credit, minute, expiringSoonDays, v.expiring, v.drawPosition, v.drawsAfter, sharedAsOf?.getTime()], () =>
      withNotes(v, sharedAsOf),
    ),
  );
  const totals = shown ? totalsOf(shown.credits) : [];
  const low = lowTotals(totals, options.lowBalance);
  const expiring = credits.filter((v) => v.expiring).map((v) => v.credit);
  const complete = status === 'complete' || status === 'error';
  // The records on screen, the unreadable ones included (their notice is shown).
  const records = shown && shown.credits.length + shown.skipped.length;
  return {
    body: credits.length
      ? 'credits'
      : !shown && status === 'loading'
        ? 'loading'
        : shown && complete && !shown.skipped.length && !error
          ? 'empty'
          : 'none',
    credits,
    totals,
    low,
    expiring,
    sharedAsOf,
    announced: state.refreshed ? totals : undefined,
    states: {
      loading: status === 'loading',
      ready: options.worded && !!records,
      empty: status === 'complete' && records === 0,
      error: !!error,
      stale: !!error && !!shown,
      expiring: expiring.length > 0,
      low: low.length > 0,
      prepaid: credits.some((c) => c.credit.kind === 'prepaid'),
      postpaid: credits.some((c) => c.credit.kind === 'postpaid'),
    },
  };
}
