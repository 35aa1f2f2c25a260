/**
 * The widget's templates, as pure functions of the view (`viewOf`) and a context (`view-context.ts`): the view
 * says what to show, these say how (the history's are in `ledger.ts`). Every value from the API goes into text or
 * attribute bindings, never into markup.
 */
import { html, nothing } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { memo } from './lib/tuple-map.js';
import type { CreditType, Total } from './lib/credit.js';
import type { ErrorDetail } from './lib/errors.js';
import { periodText } from './lib/view/dates.js';
import type { Translator } from './lib/view/messages.js';
import { isolate, toDisplayAmount } from './lib/view/money.js';
import type { CreditNote, ShownCredit } from './lib/view/view.js';
import {
  type CreditStatus,
  type LowTotal,
  type SegmentStatus,
  type TimelineGeometry,
  remainingShare,
  timelineGeometry,
} from './lib/view/view-model.js';
import type { ViewContext } from './view-context.js';

/** A schedule longer than this starts collapsed; the timeline above it still shows every period. */
const OPEN_SCHEDULE_MAX = 4;

/**
 * Sets custom properties through CSSOM on every render. Lit's `styleMap` writes a `style` attribute on first
 * render, which a Content Security Policy without 'unsafe-inline' blocks.
 */
export const cssProperties = directive(
  class extends Directive {
    constructor(part: PartInfo) {
      super(part);
      if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes on an element.');
    }
    render(_properties: Record<string, string | number>) {
      return nothing;
    }
    #last: Record<string, string> = {};

    override update(part: ElementPart, [properties]: [Record<string, string | number>]) {
      const { style } = part.element as HTMLElement;
      for (const [name, value] of Object.entries(properties)) {
        const text = String(value);
        if (this.#last[name] === text) continue;
        this.#last[name] = text;
        style.setProperty(name, text);
      }
      return nothing;
    }
  },
);

/**
 * An amount as shown (see `MoneyFormat`). Where that cut digits, screen readers hear the exact amount, and hovering
 * or focusing it shows it in its place.
 */
export function renderAmount(value: number, creditType: CreditType, { money }: ViewContext) {
  const shown = money.amount(value, creditType);
  const exact = money.exactAmount(value, creditType);
  return shown === exact
    ? shown
    : html`<span class="amount" tabindex="0"><span aria-hidden="true">${shown}</span><span class="amount__exact">${exact}</span></span>`;
}

/** One total per credit type, with a low-balance badge where it applies. */
export function renderTotals(totals: Total[], low: LowTotal[], context: ViewContext) {
  const { i18n, money } = context;
  const amount = (value: number, total: Total) => money.amount(value, total.creditType);
  const isLow = (total: Total) => low.some((l) => l.total === total);
  return html`<ul class="totals">
    ${totals.map(
      (total) => html`<li part="total ${isLow(total) ? 'total-low' : ''}" class="total" data-credit-type-id=${total.creditType.id}>
        <span class="total__amount">${renderAmount(total.available, total.creditType, context)}</span>
        <span class="total__label">${i18n.t('available', { count: toDisplayAmount(total.available, total.creditType) })}</span>
        ${isLow(total) ? renderBadge('low', i18n.t('lowBalance')) : nothing}
        ${
          total.shares
            ? html`<span part="total-shares" class="total__shares"
                >${i18n.t('shares', { purchased: amount(total.shares.purchased, total), free: amount(total.shares.free, total) })}</span
              >`
            : nothing
        }
      </li>`,
    )}
  </ul>`;
}

/**
 * The error a person can act on, the time of the data still shown (when stale), and the retry button (none for a
 * configuration mistake).
 */
export function renderError(error: ErrorDetail, staleSince: Date | undefined, onRetry: () => void, { i18n, dates }: ViewContext) {
  return html`<div part="error" class="error" role="alert">
    ${staleSince ? html`<p class="error__stale">${i18n.t('stale', { time: dates.dateTime(staleSince) })}</p>` : nothing}
    <p class="error__message">${i18n.t(`error.${error.code}`, { status: error.status ?? '' })}</p>
    ${
      error.code === 'config' // trying again cannot mend the page's markup
        ? nothing
        : html`<button part="retry-button" class="retry" type="button" @click=${onRetry}>${i18n.t('retry')}</button>`
    }
  </div>`;
}

/**
 * One credit, commit or grant: name, kind, badges, balance, meter, what comes next, its timeline, schedule,
 * invoice schedule and history.
 */
export function renderCredit(view: ShownCredit, context: ViewContext) {
  const { i18n, money, dates, now } = context;
  const { credit } = view;
  const name = credit.name || i18n.t('unnamed');
  const amount = (value: number) => money.amount(value, credit.creditType);
  const { balance } = credit;
  const balanceText = balance === undefined ? i18n.t('balanceUnavailable') : renderAmount(balance, credit.creditType, context);
  /** The segment an upcoming credit starts with: shown as the amount to come. */
  const toCome = view.status === 'upcoming' ? view.next : undefined;
  const metered = !toCome && !!view.meterMax && balance !== undefined;
  const when = [
    view.active
      ? i18n.t('expires', { relative: dates.relative(view.active.endsBefore, now) })
      : view.next && i18n.t('starts', { relative: dates.relative(view.next.startsAt, now) }),
    view.scheduledLater && i18n.t('scheduledLater', { amount: amount(view.scheduledLater) }),
  ].filter(Boolean);
  const dated = cardContext(view, context);
  const notes = (list: CreditNote[]) => list.map((n) => html`<p class="credit__note">${noteText(n, credit.creditType, dated.context)}</p>`);
  return html`<article
    part="credit credit-${view.status} kind-${credit.kind} ${view.expiring ? 'credit-expiring' : ''}"
    class="credit credit--${view.status}"
    data-credit-id=${credit.id}
  >
    <div class="credit__head">
      <div part="credit-name" class="credit__name" role="heading" aria-level=${Math.min(6, context.headingLevel + 1)}>${name}</div>
      ${context.showKinds ? html`<span part="kind" class="credit__kind">${i18n.t(`kind.${credit.kind}`)}</span>` : nothing}
      <span class="credit__badges">
        ${view.drawPosition === 1 ? renderBadge('next', i18n.t('usedNext')) : nothing}
        ${view.expiring ? renderBadge('expiring', i18n.t('expiringSoon')) : nothing}
        ${renderStatus(view.status, i18n)}
      </span>
    </div>
    <p class="credit__figures">
      ${
        toCome
          ? // Nothing of it is usable yet: what arrives (and, below, when), not "$0.00 left" as if it were used up.
            html`<span part="balance" class="credit__balance">${renderAmount(toCome.amount, credit.creditType, context)}</span>
              <span class="credit__granted">${i18n.t('toCome')}</span>`
          : html`<span part="balance" class="credit__balance">${balanceText}</span>
              ${
                metered
                  ? html`<span class="credit__granted"
                      >${i18n.t(credit.kind === 'postpaid' ? 'ofCommitted' : 'ofGranted', { amount: amount(view.meterMax) })}</span
                    >`
                  : nothing
              }`
      }
    </p>
    ${notes(view.figureNotes)}
    ${
      // An expired credit has nothing left to measure: its empty bar would only stand there like a divider.
      metered && view.status !== 'expired'
        ? renderMeter(name, amount(balance), amount(view.meterMax), remainingShare(balance, view.meterMax), i18n)
        : nothing
    }
    ${when.length ? html`<p class="credit__when">${when.join(' · ')}</p>` : nothing}
    ${notes(view.notes)}
    ${guard([credit, context], () => renderPeriods(view, dated))}
  </article>`;
}

/** A note in the customer's words; amounts in the credit's own credit type unless the note names another. */
function noteText(note: CreditNote, creditType: CreditType, { i18n, money, dates }: ViewContext): string {
  switch (note.kind) {
    case 'grantedInTotal':
    case 'pendingBalance':
      return i18n.t(note.kind, { amount: money.amount(note.amount, creditType) });
    case 'balanceAsOf':
      return i18n.t('balanceAsOf', { date: dates.lastDayBefore(note.date) });
    case 'expiresInPeriod':
    case 'usedNextHint':
      return i18n.t(note.kind);
    case 'drawOrder':
      return i18n.t('drawOrder', { name: isolate(note.after.name || i18n.t('unnamed')) });
    case 'paid':
      return i18n.t('paid', { amount: money.amount(note.amount, note.creditType) });
    case 'appliesTo':
      return i18n.t('appliesTo', { products: i18n.list(note.products.map(isolate)) });
    case 'commitment':
      return i18n.t('commitment', { amount: money.amount(note.amount, creditType), date: dates.lastDayBefore(note.endsBefore) });
    case 'origin':
      return i18n.t(`origin.${note.origin}`);
    case 'rollover':
      return i18n.t('rollover', { share: money.percent(note.fraction) });
  }
}

/** The bar of what is left of what the active period granted, with its spoken value. */
function renderMeter(name: string, balance: string, max: string, share: number, i18n: Translator) {
  return html`<div
    part="meter"
    class="meter"
    role="meter"
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${Math.round(share * 100)}
    aria-valuetext=${i18n.t('meterLabel', { name: isolate(name), balance, max })}
    aria-label=${name}
  >
    <div class="meter__fill" ${cssProperties({ '--_share': share })}></div>
  </div>`;
}

/** The context a card's dates are worded in, and the note that says they are UTC days, when they are. */
interface CardContext {
  context: ViewContext;
  utcNote?: string;
}

/** The context of a card worded in UTC days: the page's, its dates in UTC. */
const inUtcDays = memo((context: ViewContext): ViewContext => ({ ...context, dates: context.dates.utc }));

/**
 * The context a card's dates are worded in. Metronome's boundaries are midnights in UTC, its billing zone, which
 * in most other zones fall at another hour ("01.10.2026, 02:00 – vor dem 24.12.2026, 01:00"): a card whose
 * boundaries are whole days only in UTC reads as UTC days, and says so once, with the hour its last period ends at
 * in the page's zone. Boundaries that are days in no zone stay instants, with their times.
 */
function cardContext({ credit }: ShownCredit, context: ViewContext): CardContext {
  const { dates, i18n } = context;
  const boundaries = credit.segments.flatMap((s) => [s.startsAt, s.endsBefore]);
  const end = boundaries.at(-1);
  if (!end || dates.midnights(boundaries) || !dates.utc.midnights(boundaries)) return { context };
  return { context: inUtcDays(context), utcNote: i18n.t('utcDays', { end: dates.dateTime(end), zone: dates.timeZone }) };
}

/**
 * A credit's timeline, schedule and history: the bulk of its DOM. They depend only on the credit, the minute
 * and the formats (the card's context is worked out from them), so a change elsewhere in the card (its place in
 * the draw-down order) skips them. Their dates are worded in one zone and one format ({@link cardContext}).
 */
function renderPeriods(view: ShownCredit, { context, utcNote }: CardContext) {
  const { i18n, renderLedger, renderInvoices } = context;
  const { credit } = view;
  const amount = (value: number) => renderAmount(value, credit.creditType, context);
  return html`${utcNote ? html`<p class="credit__note">${utcNote}</p>` : nothing} ${renderTimeline(view, context)}
    ${
      view.segments.length
        ? html`<details class="schedule-toggle" ?open=${view.segments.length <= OPEN_SCHEDULE_MAX}>
          <summary>${i18n.t('schedule')} · ${i18n.t('periods', { count: view.segments.length })}</summary>
          <ol part="schedule" class="schedule" aria-label=${i18n.t('schedule')}>
            ${view.segments.map(
              ({
                segment,
                status,
              }) => html`<li part="segment segment-${status}" class="segment segment--${status}" data-segment-id=${segment.id}>
                <span class="segment__amount">${amount(segment.amount)}</span>
                <span class="segment__dates">${periodText(segment.startsAt, segment.endsBefore, context)}</span>
                ${renderStatus(status, i18n)}
              </li>`,
            )}
          </ol>
        </details>`
        : nothing
    }
    ${renderInvoices && credit.invoices ? renderInvoices(credit, context) : nothing}
    ${renderLedger && credit.ledger.length ? renderLedger(credit, amount, context) : nothing}`;
}

/**
 * The segments on the credit's own time axis, with a "now" marker. Decorative: the schedule list below says
 * the same in text, so the timeline is hidden from assistive technology.
 */
function renderTimeline(view: ShownCredit, context: ViewContext) {
  const geometry = timelineGeometry(view.segments, context.now);
  if (!geometry) return nothing;
  return html`<div class="timeline" aria-hidden="true">
    ${
      geometry.now === undefined
        ? nothing
        : html`<div class="timeline__labels">
          <span
            class="timeline__now-label ${geometry.now < 0.5 ? '' : 'timeline__now-label--before'}"
            ${cssProperties({ '--_at': geometry.now })}
            >${context.i18n.t('now')}</span
          >
        </div>`
    }
    <div class="timeline__track" ${cssProperties({ '--_bars': barStops(geometry.bars) })}>
      ${geometry.now === undefined ? nothing : html`<span class="timeline__now" ${cssProperties({ '--_at': geometry.now })}></span>`}
    </div>
    <div class="timeline__axis">
      ${
        context.dates.midnights([geometry.from, geometry.to])
          ? html`<span>${context.dates.day(geometry.from)}</span> <span>${context.dates.lastDayBefore(geometry.to)}</span>`
          : html`<span>${context.dates.dateTime(geometry.from)}</span> <span>${context.dates.dateTime(geometry.to)}</span>`
      }
    </div>
  </div>`;
}

/**
 * The timeline's bars as the colour stops of one gradient the track draws (2,000 cards of twelve periods would
 * otherwise build and lay out 24,000 bars): each bar in its status's colour, from its period's start to 2px short
 * of its end, at least 2px wide, but the active one, which runs to its end (the next bar's colour sets it apart)
 * so that the "now" marker stands on it from its period's first instant to its last. Between bars the track
 * shows through: a stop at `0` starts where the stop before it ends.
 */
function barStops(bars: TimelineGeometry['bars']): string {
  const stops = bars.map(({ status, start, size }) => {
    const from = `${start * 100}%`;
    const end = `${(start + size) * 100}%`;
    return `transparent 0 ${from}, var(--_bar-${status}) 0 ${status === 'active' ? end : `max(${from} + 2px, ${end} - 2px)`}`;
  });
  return [...stops, 'transparent 0'].join(', ');
}

/** The badge of a status: active, upcoming or expired; a credit without a schedule has none. */
function renderStatus(status: CreditStatus, i18n: Translator) {
  return status === 'unscheduled' ? nothing : renderBadge(status, i18n.t(`status.${status}`));
}

/** A status label: the `badge` part, and beside it one for its kind (`badge-expiring`, `badge-low`, …). */
function renderBadge(kind: 'next' | 'expiring' | 'low' | SegmentStatus, label: string) {
  return html`<span part="badge badge-${kind}" class="badge badge--${kind}">${label}</span>`;
}

/** Placeholder cards while loading; without a translator (the page's catalogue still on its way) they say nothing. */
export function renderSkeleton(i18n: Translator | undefined) {
  return html`<div class="skeleton" role="status">
    <span class="visually-hidden">${i18n?.t('loading')}</span>
    ${[0, 1, 2].map(() => html`<div class="skeleton__card" aria-hidden="true"></div>`)}
  </div>`;
}
