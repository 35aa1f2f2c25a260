// A customer whose ledger says what comes next: for the forecast's and the chart's rendered tests.
import { credit, dayStart } from '../demo/mock/fixtures.js';
import { TEST_NOW } from './clock.js';
import { scenario } from './helpers.js';

export const USD = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };

/** A customer using $10.00 a month for the last three months (of a $100.00 credit), with $70.00 left until `endDay`. */
export function usingTenDollarsAMonth(endDay: number) {
  const use = (segmentId: string, day: number) => ({
    type: 'CREDIT_AUTOMATED_INVOICE_DEDUCTION' as const,
    amount: -1_000,
    segment_id: segmentId,
    invoice_id: `invoice-${day}`,
    timestamp: dayStart(TEST_NOW, day).toISOString(),
  });
  return scenario({
    credits: [
      credit({
        now: TEST_NOW,
        seed: 'forecast',
        name: 'Usage credit',
        product: 'Platform',
        creditType: USD,
        segments: [{ amount: 10_000, start: dayStart(TEST_NOW, -151), end: dayStart(TEST_NOW, endDay) }],
        balance: 7_000,
        ledger: ([segmentId]) => [
          { type: 'CREDIT_SEGMENT_START', amount: 10_000, segment_id: segmentId!, timestamp: dayStart(TEST_NOW, -151).toISOString() },
          use(segmentId!, -61),
          use(segmentId!, -31),
          use(segmentId!, 0),
        ],
      }),
    ],
  });
}

/** A customer whose $100.00 credit started five days ago, $10.00 of it used: too little history for a rate. */
export function startedFiveDaysAgo() {
  return scenario({
    credits: [
      credit({
        now: TEST_NOW,
        seed: 'started-five-days-ago',
        name: 'New credit',
        product: 'Platform',
        creditType: USD,
        segments: [{ amount: 10_000, start: dayStart(TEST_NOW, -5), end: dayStart(TEST_NOW, 300) }],
        balance: 9_000,
      }),
    ],
  });
}
