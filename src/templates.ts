import { html, nothing } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';
import type { ErrorDetail } from './events.js';
import type { Total } from './lib/credit.js';
import type { DateFormat } from './lib/dates.js';
import { type MessageKey, type Messages, fill } from './lib/messages.js';
import type { MoneyFormat } from './lib/money.js';
import { type CreditView, type SegmentStatus, remainingShare } from './lib/schedule.js';

/**
 * The widget's templates, as pure functions of the data and a context: the element decides what to show,
 * these say how. Every value from the API goes into text or attribute bindings, never into markup.
 */
export interface ViewContext {
  m: Messages;
  money: MoneyFormat;
  dates: DateFormat;
  /** The instant statuses and relative times are computed for. */
  now: Date;
  includeLedgers: boolean;
  /** Grants: the billing-period end every balance is measured at, when they all share it (said once, in the header). */
  sharedAsOf?: Date | undefined;
}

/**
 * Sets custom properties through CSSOM on every render. Lit's `styleMap` writes a `style` attribute on first
 * render, which a Content Security Policy without 'unsafe-inline' blocks.
 */
const cssProperties = directive(
  class extends Directive {
    constructor(part: PartInfo) {
      super(part);
      if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes on an element.');
    }
    render(_properties: Record<string, string>) {
      return nothing;
    }
    override update(part: ElementPart, [properties]: [Record<string, string>]) {
      const { style } = part.element as HTMLElement;
      for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
      return nothing;
    }
  },
);

/** One total per credit type, with a low-balance badge where it applies. */
export function renderTotals(totals: Total[], low: Total[], { m, money }: ViewContext) {
  return html`<ul class="totals">
    ${totals.map(
      (total) => html`<li part="total" class="total" data-credit-type-id=${total.creditType.id}>
        <span class="total__amount">${money.amount(total.available, total.creditType)}</span>
        <span class="total__label">${m.available}</span>
        ${low.includes(total) ? html`<span part="badge" class="badge badge--low">${m.lowBalance}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** The error a person can act on, the time of the data still shown (when stale), and the retry button. */
export function renderError(error: ErrorDetail, staleSince: Date | undefined, onRetry: () => void, { m, dates }: ViewContext) {
  const text = fill(m[`error.${error.code}`], { status: error.status ?? '' });
  return html`<div part="error" class="error" role="alert">
    ${staleSince ? html`<p class="error__stale">${fill(m.stale, { time: dates.dateTime(staleSince) })}</p>` : nothing}
    <p class="error__message">${text}</p>
    <button part="retry-button" class="retry" type="button" @click=${onRetry}>${m.retry}</button>
  </div>`;
}

/** One credit or grant: name, badges, balance, meter, what comes next, its schedule and (optionally) its history. */
export function renderCredit(view: CreditView, { m, money, dates, now, sharedAsOf, includeLedgers }: ViewContext) {
  const { credit } = view;
  const name = credit.name || m.unnamed;
  const amount = (value: number) => money.amount(value, credit.creditType);
  const share = remainingShare(credit.balance, view.meterMax);
  const headline = view.active
    ? fill(m.expires, { relative: dates.relative(view.active.endsBefore, now) })
    : view.next
      ? fill(m.starts, { relative: dates.relative(view.next.startsAt, now) })
      : '';
  return html`<article part="credit" class="credit credit--${view.status}" data-credit-id=${credit.id}>
    <div class="credit__head">
      <h3 part="credit-name" class="credit__name">${name}</h3>
      <span class="credit__badges">
        ${view.expiring ? html`<span part="badge" class="badge badge--expiring">${m.expiringSoon}</span>` : nothing}
        ${renderStatus(view.status, m)}
      </span>
    </div>
    <p class="credit__figures">
      <span part="balance" class="credit__balance">${amount(credit.balance)}</span>
      <span class="credit__granted">${fill(m.ofGranted, { amount: amount(view.meterMax) })}</span>
    </p>
    ${view.meterMax !== credit.granted
      ? html`<p class="credit__note">${fill(m.grantedInTotal, { amount: amount(credit.granted) })}</p>`
      : nothing}
    ${credit.postedBalance !== undefined && credit.postedBalance !== credit.balance
      ? html`<p class="credit__note">${fill(m.pendingBalance, { amount: amount(credit.postedBalance) })}</p>`
      : nothing}
    ${credit.balanceAsOf && credit.balanceAsOf.getTime() !== sharedAsOf?.getTime()
      ? html`<p class="credit__note">${fill(m.balanceAsOf, { date: dates.lastDayBefore(credit.balanceAsOf) })}</p>`
      : nothing}
    <div
      part="meter"
      class="meter"
      role="meter"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(share * 100)}
      aria-valuetext=${fill(m.meterLabel, { name, balance: amount(credit.balance), max: amount(view.meterMax) })}
      aria-label=${name}
    >
      <div class="meter__fill" ${cssProperties({ '--_share': String(share) })}></div>
    </div>
    ${headline || view.scheduledLater
      ? html`<p class="credit__when">
          ${headline}${headline && view.scheduledLater ? ' · ' : ''}${view.scheduledLater
            ? fill(m.scheduledLater, { amount: amount(view.scheduledLater) })
            : ''}
        </p>`
      : nothing}
    ${credit.paid?.amount
      ? html`<p class="credit__note">${fill(m.paid, { amount: money.amount(credit.paid.amount, credit.paid.creditType) })}</p>`
      : nothing}
    ${credit.products.length
      ? html`<p class="credit__note">${fill(m.appliesTo, { products: credit.products.join(', ') })}</p>`
      : nothing}
    <ol part="schedule" class="schedule" aria-label=${m.schedule}>
      ${view.segments.map(({ segment, status }) => {
        const range = dates.range(segment.startsAt, segment.endsBefore);
        return html`<li part="segment" class="segment segment--${status}" data-segment-id=${segment.id}>
          <span class="segment__amount">${amount(segment.amount)}</span>
          <span class="segment__dates"
            >${range.kind === 'days'
              ? fill(m.rangeDays, { range: range.range })
              : fill(m.rangeInstants, { start: range.start, end: range.endBefore })}</span
          >
          ${renderStatus(status, m)}
        </li>`;
      })}
    </ol>
    ${includeLedgers && credit.ledger.length
      ? html`<details part="ledger" class="ledger">
          <summary>${m.history}</summary>
          <ol class="ledger__entries">
            ${credit.ledger.map(
              (entry) => html`<li class="ledger__entry">
                <span class="ledger__label"
                  >${m[`ledger.${entry.type}` as MessageKey] ?? m['ledger.other']}${entry.pending ? ` (${m.pending})` : ''}</span
                >
                <span class="ledger__amount ledger__amount--${entry.amount < 0 ? 'out' : 'in'}"
                  >${entry.amount < 0 ? '−' : '+'}${amount(Math.abs(entry.amount))}</span
                >
                <time class="ledger__date" datetime=${entry.at.toISOString()}>${dates.day(entry.at)}</time>
              </li>`,
            )}
          </ol>
        </details>`
      : nothing}
  </article>`;
}

/** Grants measure balances at the end of the billing period: the date when every grant shares it. */
export function commonBalanceDate(views: CreditView[]): Date | undefined {
  const first = views[0]?.credit.balanceAsOf;
  return first && views.every((v) => v.credit.balanceAsOf?.getTime() === first.getTime()) ? first : undefined;
}

/** The badge of a status: active, upcoming or expired. */
function renderStatus(status: SegmentStatus, m: Messages) {
  return html`<span part="badge" class="badge badge--${status}">${m[`status.${status}`]}</span>`;
}

export function renderSkeleton(m: Messages) {
  return html`<div class="skeleton" role="status">
    <span class="visually-hidden">${m.loading}</span>
    ${[0, 1, 2].map(() => html`<div class="skeleton__card" aria-hidden="true"></div>`)}
  </div>`;
}
