/**
 * The styles of the history, a commit's invoice schedule and kind, and what some pages show under the totals (the
 * forecast, the top-up, the balance chart, the grants' balance date, a total's purchased and free shares): in the
 * details' chunk with their templates, adopted by a widget's shadow root when it first shows one of them
 * (`credit-balance.ts`).
 */
import { css } from 'lit';

export const detailsStyles = css`
  /* The lists with commits: a total's purchased and free shares, on a line of their own, and each card's kind. */
  .total__shares {
    flex-basis: 100%;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .credit__kind {
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* Under the totals, lines of their own: the forecast, the automatic top-up, the grants' balance date. */
  .forecast,
  .top-up,
  .header__note {
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_muted);
  }

  :host {
    --_chart-line: var(--credit-balance-chart-color, var(--_accent));
    --_chart-projection: var(--credit-balance-chart-projection-color, var(--_muted));
    --_chart-start: var(--credit-balance-chart-start-color, var(--_success));
    --_chart-end: var(--credit-balance-chart-end-color, var(--_warning));
    --_chart-height: var(--credit-balance-chart-height, 72px);
  }

  /* The balance chart: as wide as the widget, whatever its width; its "Now" label and axis as the timeline's. */
  .chart {
    flex-basis: 100%;
    min-inline-size: 0;
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .chart__plot {
    display: block;
    inline-size: 100%;
    block-size: var(--_chart-height);
    overflow: visible;
  }

  /* Time runs the way the page reads. */
  :host(:dir(rtl)) .chart__plot {
    transform: scaleX(-1);
  }

  .chart__plot path {
    fill: none;
    stroke-width: 2px;
    vector-effect: non-scaling-stroke;
  }

  .chart__plot .chart__area {
    fill: var(--_chart-line);
    fill-opacity: 0.15;
    stroke: none;
  }

  .chart__line {
    stroke: var(--_chart-line);
  }

  .chart__projection {
    stroke: var(--_chart-projection);
    stroke-dasharray: 6 4;
  }

  .chart__start {
    stroke: var(--_chart-start);
  }

  .chart__plot .chart__end {
    stroke: var(--_chart-end);
    stroke-width: 1px;
    stroke-dasharray: 2 3;
  }

  .chart__plot .chart__today {
    stroke: var(--_text);
    stroke-width: 1px;
  }

  .chart__caption {
    margin-block-start: 0.25em;
    overflow-wrap: break-word;
  }

  .ledger summary,
  .invoices summary {
    cursor: pointer;
    font-size: 0.875em;
    font-weight: 600;
    inline-size: fit-content;
  }

  .ledger[open] summary,
  .invoices[open] summary {
    margin-block-end: 0.25em;
  }

  /* One column, as wide as the card and never wider: what is in it wraps. */
  .ledger__entries,
  .invoices__items {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    margin: 0;
    padding: 0;
    list-style: none;
    gap: 0.25em;
    font-size: 0.875em;
  }

  .ledger__entry,
  .invoices__item {
    display: grid;
    align-items: center;
    gap: 0.5em;
    padding-block: 0.25em;
    border-block-start: 1px solid var(--_border);
  }

  /* Figures line up; an amount in a long unit breaks only what overflows. */
  .ledger__amount,
  .invoices__amount {
    overflow-wrap: break-word;
    font-variant-numeric: tabular-nums;
  }

  .invoices__date,
  .invoices__left,
  .ledger__date,
  .ledger__balance,
  .ledger__period {
    color: var(--_muted);
  }

  /*
   * A history entry's lines: words at the start, figures at the end (their column). Where both do not fit, the
   * figure wraps under the words and stays at the end; only a word longer than the line itself breaks.
   */
  .ledger__entry {
    grid-template-columns: minmax(0, 1fr);
    gap: 0.1em;
  }

  .ledger__line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75em;
  }

  .ledger__line > *,
  .ledger__reason {
    min-inline-size: 0;
    overflow-wrap: break-word;
  }

  .ledger__amount,
  .ledger__balance {
    margin-inline-start: auto;
    text-align: end;
  }

  .ledger__amount--in {
    color: var(--_success);
  }

  .ledger__balance,
  .ledger__period,
  .ledger__reason {
    font-size: 0.9em;
  }

  /* A reason is text from the API: its direction marks cannot turn the widget's own words around. */
  .ledger__reason {
    unicode-bidi: isolate;
  }

  .ledger__invoice,
  a.invoices__status {
    color: var(--_accent);
  }

  .ledger__invoice {
    inline-size: fit-content;
  }

  .ledger__invoice:focus-visible,
  .invoices__status:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .invoices__item {
    grid-template-columns: minmax(6em, auto) minmax(0, 1fr) auto;
  }

  .invoices__left {
    margin: 0.25em 0 0;
    font-size: 0.875em;
  }

  @container (max-width: 22rem) {
    .invoices__item {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .invoices__date {
      grid-column: 1 / -1;
    }
  }
`;
