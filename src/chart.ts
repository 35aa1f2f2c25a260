/**
 * The balance chart's template (`chart`), in the details' chunk: per credit type, an SVG of the money held over
 * time, the projection at the recent rate dashed, today's line, ticks where money arrived and dotted lines where
 * periods end; under it, the same in words. Colours are custom properties; nothing in it moves.
 */
import { html, nothing, svg } from 'lit';
import { memo } from './lib/tuple-map.js';
import { type BalanceChart, balanceCharts } from './lib/view/chart.js';
import type { Forecast } from './lib/view/forecast.js';
import type { NormalizedCredit } from './lib/credit.js';
import { cssProperties } from './templates.js';
import type { ViewContext } from './view-context.js';

/** The drawing's own units: it is stretched to the widget's width and the chart's height. */
const WIDTH = 1000;
const HEIGHT = 100;
/** Room above the highest point, in the drawing's units. */
const HEADROOM = 8;
/** A tick where money arrived, from the bottom up. */
const TICK = 16;

/** The charts of one list and its forecasts at one minute, worked out once. */
const chartsAt = memo((credits: readonly NormalizedCredit[], forecasts: readonly Forecast[], minute: number) =>
  balanceCharts(credits, forecasts, new Date(minute * 60_000)),
);

/** One chart per credit type held, under the totals. */
export function renderCharts(credits: readonly NormalizedCredit[], forecasts: readonly Forecast[], context: ViewContext) {
  return chartsAt(credits, forecasts, context.minute).map((chart) => renderChart(chart, context));
}

function renderChart(chart: BalanceChart, { i18n, money, dates, now }: ViewContext) {
  const span = chart.to.getTime() - chart.from.getTime();
  const x = (at: Date) => ((at.getTime() - chart.from.getTime()) / span) * WIDTH;
  // A ledger that does not add up can put a past balance below zero: it is drawn at zero.
  const y = (amount: number) => HEIGHT - (chart.max > 0 ? (Math.max(0, amount) / chart.max) * (HEIGHT - HEADROOM) : 0);
  const line = (points: BalanceChart['history']) => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at)},${y(p.amount)}`).join('');
  const history = line(chart.history);
  const today = x(now);
  const amount = (value: number) => money.amount(value, chart.creditType);
  const first = chart.history[0]!;
  const last = chart.history.at(-1)!;
  const projected = chart.projection.at(-1);
  const caption = [
    i18n.t('chart.history', { from: amount(first.amount), date: dates.day(first.at), now: amount(last.amount) }),
    // A projection that stops where a period ends stops at its exclusive end: the day before it is the last.
    projected &&
      i18n.t('chart.projection', {
        amount: amount(projected.amount),
        date: dates.midnights([projected.at]) ? dates.lastDayBefore(projected.at) : dates.day(projected.at),
      }),
    (chart.starts.length || chart.ends.length) && i18n.t('chart.marks'),
  ].filter(Boolean);
  return html`<figure part="chart" class="chart" data-credit-type-id=${chart.creditType.id}>
    <div class="timeline__labels" aria-hidden="true">
      <span class="timeline__now-label ${today < WIDTH / 2 ? '' : 'timeline__now-label--before'}" ${cssProperties({ '--_at': today / WIDTH })}
        >${i18n.t('now')}</span
      >
    </div>
    <svg class="chart__plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      ${svg`
        <path class="chart__area" d="${history}L${today},${HEIGHT}L${x(first.at)},${HEIGHT}Z"></path>
        <path class="chart__line" d="${history}"></path>
        ${chart.projection.length > 1 ? svg`<path class="chart__projection" d="${line(chart.projection)}"></path>` : nothing}
        ${chart.ends.map((at) => svg`<path class="chart__end" d="M${x(at)},0V${HEIGHT}"></path>`)}
        ${chart.starts.map((at) => svg`<path class="chart__start" d="M${x(at)},${HEIGHT}V${HEIGHT - TICK}"></path>`)}
        <path class="chart__today" d="M${today},0V${HEIGHT}"></path>
      `}
    </svg>
    <div class="timeline__axis" aria-hidden="true"><span>${dates.day(chart.from)}</span> <span>${dates.day(chart.to)}</span></div>
    <figcaption class="chart__caption">${caption.join(' ')}</figcaption>
  </figure>`;
}
