import { expect } from '@open-wc/testing';
import type { NormalizedCredit } from '../../../src/lib/credit.js';
import { type BalanceChart, balanceCharts } from '../../../src/lib/view/chart.js';
import { forecastsOf } from '../../../src/lib/view/forecast.js';
import { EUR, NOW, day, item, segment, steady, use } from './items.js';

/** A chart in days from NOW and amounts rounded to the cent: what a reader of the chart would see. */
function drawn(chart: BalanceChart) {
  const days = (date: Date) => Math.round(((date.getTime() - NOW.getTime()) / 86_400_000) * 10) / 10;
  const line = (points: BalanceChart['history']) => points.map((p) => [days(p.at), Math.round(p.amount * 100) / 100]);
  return {
    from: days(chart.from),
    to: days(chart.to),
    max: chart.max,
    history: line(chart.history),
    projection: line(chart.projection),
    starts: chart.starts.map(days),
    ends: chart.ends.map(days),
  };
}

const chartsOf = (credits: NormalizedCredit[]) => balanceCharts(credits, forecastsOf(credits, NOW), NOW).map(drawn);

describe('balanceCharts: the balance over time, at an explicit now', () => {
  it('steps at each deduction of the last 90 days, ends at the balance now, and projects the recent rate to zero', () => {
    // $100.00 from five months ago, $10.00 used two months ago, a month ago and today: $70.00 left, 210 days more.
    expect(chartsOf([steady()])).to.deep.equal([
      {
        from: -90,
        to: 210,
        max: 10_000,
        history: [
          [-90, 10_000],
          [-61, 10_000],
          [-61, 9_000],
          [-31, 9_000],
          [-31, 8_000],
          [0, 8_000],
          [0, 7_000],
          [0, 7_000],
        ],
        projection: [
          [0, 7_000],
          [210, 0],
        ],
        starts: [],
        ends: [],
      },
    ]);
  });

  it('counts back from the balance shown, even where the ledger does not add up to it', () => {
    const [chart] = chartsOf([item({ balance: 2_500, segments: [segment(-40, 200, 10_000)], ledger: [use(-20, 1_000)] })]);
    // The segment's start is missing from the ledger: the line still ends at the $25.00 the totals show.
    expect(chart!.history).to.deep.equal([
      [-40, 3_500],
      [-20, 3_500],
      [-20, 2_500],
      [0, 2_500],
    ]);
  });

  it('marks money arriving and periods ending within the span, and starts at the first change when younger than 90 days', () => {
    const [chart] = chartsOf([
      item({
        balance: 4_000,
        segments: [segment(-30, 20, 5_000), segment(20, 120, 5_000)],
        ledger: [{ type: 'CREDIT_SEGMENT_START', amount: 5_000, at: day(-30) }, use(-20, 500), use(-5, 500)],
      }),
    ]);
    expect(chart!.from).to.equal(-30);
    // The money that arrived when the span starts is in its first point.
    expect(chart!.history[0]).to.deep.equal([-30, 5_000]);
    expect(chart!.starts).to.deep.equal([-30, 20]);
    expect(chart!.ends).to.deep.equal([20, 120]);
  });

  it('with too little history, draws no projection and ends with the last period (at least 30 days ahead)', () => {
    const [young] = chartsOf([item({ balance: 7_000, segments: [segment(-151, 200, 10_000)], ledger: [use(-30, 3_000)] })]);
    expect(young!.projection).to.deep.equal([]);
    expect(young!.to).to.equal(200);
    const [short] = chartsOf([item({ balance: 7_000, segments: [segment(-151, 10, 10_000)], ledger: [use(-30, 3_000)] })]);
    expect(short!.to).to.equal(30);
  });

  it('draws at most a year ahead, the projection cut where the span ends', () => {
    // $0.10 a day over 90 days, $70.00 left: 700 days at that rate.
    const slow = item({ balance: 7_000, segments: [segment(-151, 900, 7_900)], ledger: [use(-80, 450), use(-40, 450)] });
    const [chart] = chartsOf([slow]);
    expect(chart!.to).to.equal(365);
    expect(chart!.projection.at(-1)).to.deep.equal([365, 3_350]);
  });

  it('draws a grant from its granted amount, one chart per credit type, and none for a commitment to spend', () => {
    const grant = {
      ...item({ balance: 600, segments: [segment(-10, 50, 1_000)], ledger: [use(-5, 400, 'GRANT_DEDUCTION')] }),
      kind: 'grant' as const,
    };
    const euros = item({ balance: 100, creditType: EUR, segments: [segment(-100, 100, 300)], ledger: [use(-40, 50), use(-20, 50)] });
    const postpaid = { ...steady(), kind: 'postpaid' as const };
    const charts = chartsOf([grant, euros, postpaid]);
    expect(charts).to.have.length(2);
    expect(charts[0]!.history).to.deep.equal([
      [-10, 1_000],
      [-5, 1_000],
      [-5, 600],
      [0, 600],
    ]);
    expect(charts[1]!.max).to.equal(200);
  });
});
