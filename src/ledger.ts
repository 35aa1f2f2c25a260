/**
 * The history of a credit or grant (with `include-ledgers`): a chunk of its own, fetched alongside the token
 * request only by widgets that show history.
 */
import { html, nothing } from 'lit';
import type { LedgerEntry, NormalizedCredit } from './lib/credit.js';
import { invoiceHref } from './lib/view/invoice.js';
import { periodText } from './lib/view/dates.js';
import type { ViewContext } from './view-context.js';

/** The history, collapsed: a readable label per entry type, the signed amount, the date and the period it belongs to. */
export function renderLedger(credit: NormalizedCredit, amount: (value: number) => string, context: ViewContext) {
  const { i18n, dates, invoiceUrl } = context;
  const segments = new Map(credit.segments.map((segment) => [segment.id, segment]));
  const label = (entry: LedgerEntry) => {
    const key = `ledger.${entry.type}`;
    return i18n.t(i18n.has(key) ? key : 'ledger.other');
  };
  return html`<details part="ledger" class="ledger">
    <summary>${i18n.t('history', { count: credit.ledger.length })}</summary>
    <ol class="ledger__entries">
      ${credit.ledger.map((entry) => {
        const segment = entry.segmentId === undefined ? undefined : segments.get(entry.segmentId);
        const invoice = entry.invoiceId === undefined ? undefined : invoiceHref(invoiceUrl, entry.invoiceId, document.baseURI);
        return html`<li class="ledger__entry">
          <span class="ledger__label">${entry.pending ? i18n.t('pending', { label: label(entry) }) : label(entry)}</span>
          <span class="ledger__amount ledger__amount--${entry.amount < 0 ? 'out' : 'in'}"
            >${entry.amount < 0 ? '−' : '+'}${amount(Math.abs(entry.amount))}</span
          >
          <time class="ledger__date" datetime=${entry.at.toISOString()}>${dates.day(entry.at)}</time>
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
