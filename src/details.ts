/**
 * What only some pages show: an item's history (`include-ledgers`), a commit's invoice schedule (`source="commits"`
 * or `"balances"`), and under the totals the forecast (`forecast`), the balance charts (`chart`), the automatic
 * top-up (`top-up`) and the grants' balance date (`source="grants"`), with their styles and English words. A chunk
 * of its own, fetched alongside the token request only by widgets that show one of them.
 */
import { type TemplateResult, html, nothing } from 'lit';
import { renderCharts } from './chart.js';
import type { TopUp } from './lib/api/top-up.js';
import type { CreditType, LedgerEntry, NormalizedCredit, Total } from './lib/credit.js';
import { memo } from './lib/tuple-map.js';
import { type Forecast, forecastsOf } from './lib/view/forecast.js';
import { invoiceHref } from './lib/view/invoice.js';
import { periodText } from './lib/view/dates.js';
import { ledgerRows } from './lib/view/ledger.js';
import { toDisplayAmount } from './lib/view/money.js';
import type { UnderTotalsTemplate, ViewContext } from './view-context.js';

export { detailsStyles } from './details.styles.js';
export { enDetails } from './lib/view/messages/en-details.js';

/**
 * The history, collapsed, newest first. Per entry, a line of its readable label and signed amount, and one of its
 * date and the item's balance after it, the figures at the line's end (a column, wrapping under the words where
 * both do not fit); then the period it belongs to, the reason and the invoice.
 */
export function renderLedger(credit: NormalizedCredit, amount: (value: number) => TemplateResult | string, context: ViewContext) {
  const { i18n, money, dates, invoiceUrl } = context;
  const segments = new Map(credit.segments.map((segment) => [segment.id, segment]));
  // A commit's entry reads as its own where the catalogue words it, else as a credit's entry of the same kind
  // (PREPAID_COMMIT_EXPIRATION and GRANT_EXPIRATION as CREDIT_EXPIRATION: "Expired unused"); a type Metronome
  // adds later, generically. A pending entry reads in its own words where it has them (an expiry still to come:
  // "Expires unused"), else as the entry, marked pending.
  const label = ({ type, pending }: LedgerEntry) => {
    const types = [type, type.replace(/^((PRE|POST)PAID_COMMIT|GRANT)_/, 'CREDIT_')];
    const own = pending ? types.map((t) => `ledger.${t}.pending`).find((k) => i18n.has(k)) : undefined;
    if (own) return i18n.t(own);
    const words = i18n.t(types.map((t) => `ledger.${t}`).find((k) => i18n.has(k)) ?? 'ledger.other');
    return pending ? i18n.t('pending', { label: words }) : words;
  };
  return html`<details part="ledger" class="ledger">
    <summary>${i18n.t('history', { count: credit.ledger.length })}</summary>
    <ol class="ledger__entries">
      ${ledgerRows(credit).map(({ entry, balanceAfter }) => {
        const segment = entry.segmentId === undefined ? undefined : segments.get(entry.segmentId);
        const invoice = entry.invoiceId === undefined ? undefined : invoiceHref(invoiceUrl, entry.invoiceId, document.baseURI);
        return html`<li class="ledger__entry">
          <span class="ledger__line">
            <span class="ledger__label">${label(entry)}</span>
            <span class="ledger__amount ledger__amount--${entry.amount < 0 ? 'out' : 'in'}"
              >${entry.amount < 0 ? '−' : '+'}${amount(Math.abs(entry.amount))}</span
            >
          </span>
          <span class="ledger__line">
            <time class="ledger__date" datetime=${entry.at.toISOString()}>${dates.day(entry.at)}</time>
            <span class="ledger__balance">${i18n.t('balanceAfter', { amount: money.amount(balanceAfter, credit.creditType) })}</span>
          </span>
          ${
            segment && credit.segments.length > 1
              ? html`<span class="ledger__period">${i18n.t('period', {
                  range: periodText(segment.startsAt, segment.endsBefore, context),
                })}</span>`
              : nothing
          }
          ${entry.reason ? html`<span class="ledger__reason">${entry.reason}</span>` : nothing}
          ${invoice ? html`<a class="ledger__invoice" href=${invoice}>${i18n.t('invoice')}</a>` : nothing}
        </li>`;
      })}
    </ol>
  </details>`;
}

/** Each instalment (its amount and date, invoiced with a link to the invoice, or still to be), and what is left to invoice. */
export function renderInvoiceSchedule(credit: NormalizedCredit, context: ViewContext) {
  const { i18n, money, dates, invoiceUrl } = context;
  const instalments = credit.invoices ?? [];
  const creditType = credit.invoiceCreditType ?? credit.creditType;
  const amount = (value: number) => money.amount(value, creditType);
  return html`<details part="invoices" class="invoices">
    <summary>${i18n.t('invoiceSchedule')}</summary>
    <ol class="invoices__items">
      ${instalments.map((item) => {
        const href = item.invoiceId ? invoiceHref(invoiceUrl, item.invoiceId, document.baseURI) : undefined;
        return html`<li part="instalment ${item.invoiceId ? 'instalment-invoiced' : ''}" class="invoices__item">
          <span class="invoices__amount">${amount(item.amount)}</span>
          <time class="invoices__date" datetime=${item.at.toISOString()}>${dates.day(item.at)}</time>
          ${
            href
              ? html`<a class="invoices__status" href=${href}>${i18n.t('invoiced')}</a>`
              : html`<span class="invoices__status">${i18n.t(item.invoiceId ? 'invoiced' : 'toBeInvoiced')}</span>`
          }
        </li>`;
      })}
    </ol>
    ${credit.uninvoiced ? html`<p class="invoices__left">${i18n.t('stillToInvoice', { amount: amount(credit.uninvoiced) })}</p>` : nothing}
  </details>`;
}

/**
 * Under the totals: the forecast's words (`forecast`), the automatic top-up (`top-up`) and the balance charts
 * (`chart`), those the widget shows, the forecast's and the charts' once the whole list has loaded; and the
 * billing-period end every grant's balance is measured at, when they share it.
 */
export const renderUnderTotals: UnderTotalsTemplate = ({ forecast, chart, topUp }, shown, forecasts, view, context) => {
  const { totals, sharedAsOf } = view;
  return [
    forecast && forecasts ? renderForecasts(forecasts, totals, context) : nothing,
    topUp && shown?.topUps ? renderTopUps(shown.topUps, totals, context) : nothing,
    chart && shown && forecasts ? renderCharts(shown.credits, forecasts, context) : nothing,
    sharedAsOf
      ? html`<p class="header__note">${context.i18n.t('balanceAsOf', { date: context.dates.lastDayBefore(sharedAsOf) })}</p>`
      : nothing,
  ];
};

/**
 * Each contract's automatic top-up: "When your balance falls to $20.00, it is topped up to $100.00 automatically.",
 * in the credit type of a total where one has it (a custom credit type's name comes from the items listed).
 */
function renderTopUps(topUps: readonly TopUp[], totals: readonly Total[], { i18n, money }: ViewContext) {
  return topUps.map((topUp) => {
    const creditType = totals.find((t) => t.creditType.id === topUp.creditType.id)?.creditType ?? topUp.creditType;
    return html`<p part="top-up" class="top-up">
      ${i18n.t('topUp', { threshold: money.amount(topUp.threshold, creditType), amount: money.amount(topUp.rechargeTo, creditType) })}
    </p>`;
  });
}

/** The forecasts of one list at one minute (the minute the widget words), worked out once. */
export const forecastsAt = memo((credits: readonly NormalizedCredit[], minute: number) => forecastsOf(credits, new Date(minute * 60_000)));

/** An estimate's amount: two significant digits of what people read ("About $120"), in API units. */
function roughly(amount: number, creditType: CreditType): number {
  const shown = toDisplayAmount(amount, creditType);
  return (Number(shown.toPrecision(2)) / shown) * amount || 0;
}

/** "March 12", or past two months "June 2027": an estimated day only as precise as the data supports. */
const estimatedDay = memo(
  (locale: string, timeZone: string, near: boolean) =>
    new Intl.DateTimeFormat(locale, near ? { timeZone, month: 'long', day: 'numeric' } : { timeZone, month: 'long', year: 'numeric' }),
);

/**
 * What each credit type's recent use says comes next (`forecast`), worded as the estimate it is: the day the money
 * runs out at that rate (to the day within two months, else the month), and the money that expires unused first.
 * A credit type with too little history, or that lasts past the forecast's horizon, says nothing of running out.
 */
function renderForecasts(forecasts: readonly Forecast[], totals: readonly Total[], { i18n, money, dates, now }: ViewContext) {
  const runsOut = (at: Date, amount: string) => {
    const near = at.getTime() - now.getTime() < 60 * 86_400_000;
    const date = estimatedDay(dates.locale, dates.timeZone, near).format(at);
    return i18n.t(near ? 'forecast.runsOut' : 'forecast.runsOutMonth', { amount, date });
  };
  const lines = forecasts.flatMap((forecast) => {
    if (forecast.basis !== 'recent-use') return [];
    const total = totals.find((t) => t.creditType.id === forecast.creditType.id);
    const { runsOutAt } = forecast;
    const [unused] = forecast.expiresUnused;
    return [
      runsOutAt && total && runsOut(runsOutAt, money.amount(total.available, total.creditType)),
      unused &&
        i18n.t('forecast.expiresUnused', {
          amount: money.amount(roughly(unused.amount, forecast.creditType), forecast.creditType),
          date: dates.lastDayBefore(unused.at),
        }),
    ].filter((line): line is string => !!line);
  });
  return lines.length ? html`<ul part="forecast" class="forecast">${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing;
}
