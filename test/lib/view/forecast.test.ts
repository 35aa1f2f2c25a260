import { expect } from '@open-wc/testing';
import type { NormalizedCredit } from '../../../src/lib/credit.js';
import { type Forecast, forecastsOf } from '../../../src/lib/view/forecast.js';
import { EUR, NOW, day, item, segment, steady, use } from './items.js';

// Every case reads the same explicit instant: the rule never looks at the clock.
/** The date and amounts a forecast says, rounded to the hour and the cent. */
function said(forecast: Forecast) {
  if (forecast.basis === 'too-little-history') return { basis: forecast.basis };
  const hour = (date: Date) => new Date(Math.round(date.getTime() / 3_600_000) * 3_600_000).toISOString();
  return {
    perDay: Math.round(forecast.perDay * 100) / 100,
    runsOutAt: forecast.runsOutAt && hour(forecast.runsOutAt),
    expiresUnused: forecast.expiresUnused.map((e) => [hour(e.at), Math.round(e.amount * 100) / 100]),
  };
}

describe('forecastsOf: the run-out forecast, at an explicit now', () => {
  const cases: { name: string; credits: NormalizedCredit[]; expected: ReturnType<typeof said>[] }[] = [
    {
      name: 'steady use: $30.00 of use over 90 days lasts the $70.00 left 210 days',
      credits: [steady()],
      expected: [{ perDay: 33.33, runsOutAt: day(210).toISOString(), expiresUnused: [] }],
    },
    {
      name: 'bursty use: the same $30.00 in two bursts is the same rate',
      credits: [item({ balance: 7_000, segments: [segment(-151, 214, 10_000)], ledger: [use(-80, 500), use(-12, 2_500)] })],
      expected: [{ perDay: 33.33, runsOutAt: day(210).toISOString(), expiresUnused: [] }],
    },
    {
      name: 'a top-up, money credited back and a manual credit in the window are not negative use',
      credits: [
        steady([
          { type: 'CREDIT_MANUAL', amount: 5_000, at: day(-20) },
          { type: 'CREDIT_CREDITED', amount: 500, at: day(-10) },
          { type: 'CREDIT_SEGMENT_START', amount: 10_000, at: day(-151) },
        ]),
      ],
      expected: [{ perDay: 33.33, runsOutAt: day(210).toISOString(), expiresUnused: [] }],
    },
    {
      name: 'too little history: one deduction',
      credits: [item({ balance: 7_000, segments: [segment(-151, 214, 10_000)], ledger: [use(-30, 3_000)] })],
      expected: [{ basis: 'too-little-history' }],
    },
    {
      name: 'too little history: deductions only in the last two weeks',
      credits: [item({ balance: 7_000, segments: [segment(-151, 214, 10_000)], ledger: [use(-10, 1_000), use(-3, 2_000)] })],
      expected: [{ basis: 'too-little-history' }],
    },
    {
      name: 'money arriving later is spent when it comes: $50.00 now and $30.00 next month last 80 days',
      credits: [
        item({
          balance: 5_000,
          segments: [segment(-151, 200, 10_000), segment(30, 300, 3_000)],
          ledger: [use(-80, 3_000), use(-50, 3_000), use(-20, 3_000)],
        }),
      ],
      expected: [{ perDay: 100, runsOutAt: day(80).toISOString(), expiresUnused: [] }],
    },
    {
      name: 'the schedule ends first: what is left then expires unused, and nothing runs out',
      credits: [steady([], 7_000)].map((c) => ({ ...c, segments: [segment(-151, 30, 10_000)] })),
      expected: [{ perDay: 33.33, runsOutAt: undefined, expiresUnused: [[day(30).toISOString(), 6_000]] }],
    },
    {
      name: 'money that expires sooner is used first, and later money can still run out',
      credits: [
        item({ balance: 1_000, segments: [segment(-151, 10, 5_000)], ledger: [use(-61, 1_000), use(-31, 1_000), use(0, 1_000)] }),
        item({ balance: 2_000, segments: [segment(-151, 365, 5_000)], ledger: [] }),
      ],
      // 10 days × $0.3333 = $3.33 of the first $10.00; $6.67 expires; the $20.00 then lasts 60 more days.
      expected: [{ perDay: 33.33, runsOutAt: day(70).toISOString(), expiresUnused: [[day(10).toISOString(), 666.67]] }],
    },
    {
      name: 'several credit types: each its own rate, never added together',
      credits: [
        steady(),
        item({ balance: 100, creditType: EUR, segments: [segment(-100, 100, 300)], ledger: [use(-40, 50), use(-20, 50)] }),
      ],
      expected: [
        { perDay: 33.33, runsOutAt: day(210).toISOString(), expiresUnused: [] },
        { perDay: 1.11, runsOutAt: day(90).toISOString(), expiresUnused: [] },
      ],
    },
    {
      name: 'zero use over a long history: nothing runs out, and all of it expires unused',
      credits: [item({ balance: 7_000, segments: [segment(-151, 30, 10_000)], ledger: [] })],
      expected: [{ perDay: 0, runsOutAt: undefined, expiresUnused: [[day(30).toISOString(), 7_000]] }],
    },
    {
      name: 'fractional cents: half a cent a month is a rate, never rounded to zero',
      credits: [item({ balance: 1, segments: [segment(-151, 400, 10)], ledger: [use(-61, 0.5), use(-31, 0.5), use(0, 0.5)] })],
      expected: [{ perDay: 0.02, runsOutAt: day(60).toISOString(), expiresUnused: [] }],
    },
    {
      name: 'a postpaid commitment is no money held: it has no forecast',
      credits: [{ ...steady(), kind: 'postpaid' }],
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(forecastsOf(c.credits, NOW).map(said)).to.deep.equal(c.expected);
    });
  }
});
