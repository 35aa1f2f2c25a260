import { expect } from '@open-wc/testing';
import { type NormalizedCredit, totalsOf } from '../../../src/lib/credit.js';
import { USD_CENTS_ID } from '../../../src/lib/metronome.js';
import {
  compareViews,
  lowTotals,
  remainingShare,
  segmentStatus,
  timelineGeometry,
  viewCredit,
  viewCredits,
} from '../../../src/lib/view/view-model.js';

const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };
const EUR = { id: 'eur', name: 'EUR' };
const now = new Date('2026-06-15T12:00:00Z');
const seg = (id: string, amount: number, start: string, end: string) => ({
  id,
  amount,
  startsAt: new Date(start),
  endsBefore: new Date(end),
});

function credit(fields: Partial<NormalizedCredit> & Pick<NormalizedCredit, 'id' | 'segments'>): NormalizedCredit {
  return {
    kind: 'credit',
    name: fields.id,
    creditType: USD,
    balance: 0,
    granted: fields.segments.reduce((s, x) => s + x.amount, 0),
    products: [],
    ledger: [],
    ...fields,
  };
}

describe('schedule', () => {
  describe('segmentStatus: starting_at inclusive, ending_before exclusive', () => {
    const s = seg('s', 1, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z');
    const cases = [
      { at: '2026-05-31T23:59:59.999Z', status: 'upcoming' },
      { at: '2026-06-01T00:00:00.000Z', status: 'active' },
      { at: '2026-06-30T23:59:59.999Z', status: 'active' },
      { at: '2026-07-01T00:00:00.000Z', status: 'expired' },
    ];
    for (const c of cases) {
      it(`${c.at} is ${c.status}`, () => expect(segmentStatus(s, new Date(c.at))).to.equal(c.status));
    }
  });

  it('shows an upcoming credit’s first period as what is to come, and only the periods after it as later', () => {
    const view = viewCredit(
      credit({
        id: 'recurring-from-july',
        balance: 0,
        segments: [
          seg('aug', 5_000, '2026-08-01T00:00:00Z', '2026-09-01T00:00:00Z'),
          seg('jul', 5_000, '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z'),
          seg('sep', 2_500, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z'),
        ],
      }),
      { now: new Date('2026-06-15T00:00:00Z'), expiringSoonDays: 30 },
    );
    expect(view.status).to.equal('upcoming');
    expect(view.next?.id).to.equal('jul');
    expect(view.scheduledLater).to.equal(7_500);
  });

  it('keeps what is scheduled later apart from what is usable now', () => {
    const view = viewCredit(
      credit({
        id: 'monthly',
        balance: 4200,
        segments: [
          seg('may', 10_000, '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z'),
          seg('jun', 10_000, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z'),
          seg('jul', 10_000, '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z'),
          seg('aug', 10_000, '2026-08-01T00:00:00Z', '2026-09-01T00:00:00Z'),
        ],
      }),
      { now, expiringSoonDays: 30 },
    );
    expect(view.status).to.equal('active');
    expect(view.active?.id).to.equal('jun');
    expect(view.next?.id).to.equal('jul');
    expect(view.scheduledLater).to.equal(20_000);
    expect(view.meterMax).to.equal(10_000);
    expect(view.segments.map((s) => s.status)).to.deep.equal(['expired', 'active', 'upcoming', 'upcoming']);
  });

  describe('expiring soon', () => {
    const ending = (end: string, balance: number) => credit({ id: 'x', balance, segments: [seg('s', 100, '2026-06-01T00:00:00Z', end)] });
    const cases = [
      { name: 'ends inside the window with a balance', end: '2026-07-01T00:00:00Z', balance: 5, days: 30, expiring: true },
      { name: 'ends exactly at the window edge', end: '2026-07-15T12:00:00Z', balance: 5, days: 30, expiring: true },
      { name: 'ends just past the window', end: '2026-07-15T13:00:00Z', balance: 5, days: 30, expiring: false },
      { name: 'nothing left to lose', end: '2026-07-01T00:00:00Z', balance: 0, days: 30, expiring: false },
      { name: 'a window of 0 days', end: '2026-07-01T00:00:00Z', balance: 5, days: 0, expiring: false },
      { name: 'already expired', end: '2026-06-10T00:00:00Z', balance: 5, days: 30, expiring: false },
    ];
    for (const c of cases) {
      it(c.name, () => {
        expect(viewCredit(ending(c.end, c.balance), { now, expiringSoonDays: c.days }).expiring).to.equal(c.expiring);
      });
    }

    it('reads the active segment that ends first when active segments overlap (a top-up inside a yearly grant)', () => {
      const view = viewCredit(
        credit({
          id: 'x',
          balance: 5,
          segments: [
            seg('year', 100, '2026-06-01T00:00:00Z', '2026-12-01T00:00:00Z'),
            seg('top-up', 50, '2026-06-10T00:00:00Z', '2026-06-20T00:00:00Z'),
          ],
        }),
        { now, expiringSoonDays: 30 },
      );
      expect(view.active?.id).to.equal('top-up');
      // June 20 is within 30 days; December 1, the year's end, is not.
      expect(view.expiring).to.equal(true);
    });
  });

  it('orders active (soonest to expire first), then unscheduled, then upcoming, then expired (latest first)', () => {
    const credits = [
      credit({ id: 'expired-old', segments: [seg('a', 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')] }),
      credit({ id: 'upcoming-late', segments: [seg('b', 1, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z')] }),
      credit({ id: 'active-late', segments: [seg('c', 1, '2026-06-01T00:00:00Z', '2026-12-01T00:00:00Z')] }),
      credit({ id: 'expired-recent', segments: [seg('d', 1, '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z')] }),
      credit({ id: 'active-soon', segments: [seg('e', 1, '2026-06-01T00:00:00Z', '2026-06-20T00:00:00Z')] }),
      credit({ id: 'upcoming-soon', segments: [seg('f', 1, '2026-07-01T00:00:00Z', '2026-08-01T00:00:00Z')] }),
      credit({ id: 'no-schedule', segments: [] }),
    ];
    expect(viewCredits(credits, { now, expiringSoonDays: 30 }).map((v) => v.credit.id)).to.deep.equal([
      'active-soon',
      'active-late',
      'no-schedule',
      'upcoming-soon',
      'upcoming-late',
      'expired-recent',
      'expired-old',
    ]);
  });

  it('gives a credit without a schedule no status of its segments: not expired, never expiring or drawn down', () => {
    const view = viewCredits([credit({ id: 'goodwill', balance: 2_500, segments: [] })], { now, expiringSoonDays: 30 })[0]!;
    expect(view).to.deep.include({ status: 'unscheduled', expiring: false, meterMax: 0, scheduledLater: 0 });
    expect(view.drawPosition).to.equal(undefined);
  });

  it('leaves a credit without a balance out of the totals, the expiring check and the draw-down order', () => {
    const segments = [seg('a', 2000, '2026-06-01T00:00:00Z', '2026-06-20T00:00:00Z')];
    const { balance: _b, ...unknown } = credit({ id: 'unknown', segments });
    const known = credit({ id: 'known', balance: 5, segments });
    const [first, second] = viewCredits([unknown, known], { now, expiringSoonDays: 30 });
    expect([first!.credit.id, first!.expiring, first!.drawPosition]).to.deep.equal(['known', true, 1]);
    expect([second!.credit.id, second!.expiring, second!.drawPosition]).to.deep.equal(['unknown', false, undefined]);
    expect(totalsOf([unknown, known])).to.deep.equal([{ creditType: USD, available: 5, granted: 2000, count: 1 }]);
    expect(totalsOf([unknown])).to.deep.equal([]);
  });

  it('breaks ties by priority (drawn down first), then name', () => {
    const same = [seg('s', 1, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z')];
    const a = viewCredit(credit({ id: 'a', name: 'B', priority: 2, segments: same }), { now, expiringSoonDays: 30 });
    const b = viewCredit(credit({ id: 'b', name: 'A', priority: 1, segments: same }), { now, expiringSoonDays: 30 });
    const c = viewCredit(credit({ id: 'c', name: 'A', priority: 2, segments: same }), { now, expiringSoonDays: 30 });
    expect([a, c, b].sort(compareViews).map((v) => v.credit.id)).to.deep.equal(['b', 'c', 'a']);
  });

  it('totals one sum per credit type, never across types', () => {
    const totals = totalsOf([
      credit({ id: '1', balance: 1000.5, segments: [seg('a', 2000, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z')] }),
      credit({ id: '2', balance: 0.25, segments: [seg('b', 100, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z')] }),
      credit({ id: '3', creditType: EUR, balance: 7, segments: [seg('c', 10, '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z')] }),
    ]);
    expect(totals).to.deep.equal([
      { creditType: USD, available: 1000.75, granted: 2100, count: 2 },
      { creditType: EUR, available: 7, granted: 10, count: 1 },
    ]);
  });

  it('keeps two credit types apart that share a name (two custom units both called "Credits")', () => {
    const first = { id: 'pricing-unit-1', name: 'Credits' };
    const second = { id: 'pricing-unit-2', name: 'Credits' };
    const totals = totalsOf([
      credit({ id: '1', creditType: first, balance: 10, segments: [] }),
      credit({ id: '2', creditType: second, balance: 20, segments: [] }),
      credit({ id: '3', creditType: first, balance: 5, segments: [] }),
    ]);
    expect(totals.map((t) => [t.creditType.id, t.available])).to.deep.equal([
      ['pricing-unit-1', 15],
      ['pricing-unit-2', 20],
    ]);
  });

  it('compares low-balance thresholds in display units (dollars for USD cents)', () => {
    const totals = [
      { creditType: USD, available: 4_999, granted: 10_000, count: 1 },
      { creditType: EUR, available: 60, granted: 100, count: 1 },
    ];
    expect(lowTotals(totals, 50).map((l) => [l.total.creditType.name, l.threshold, l.key])).to.deep.equal([['USD (cents)', 50, undefined]]);
    expect(lowTotals(totals, 49.99)).to.deep.equal([]);
    expect(lowTotals(totals, undefined)).to.deep.equal([]);
    expect(lowTotals(totals, Number.NaN)).to.deep.equal([]);
  });

  it('finds a credit type’s own threshold by its id, its name or its currency code, in that order', () => {
    const GPU = { id: 'gpu-id', name: 'GPU hours' };
    const totals = [
      { creditType: USD, available: 18_000, granted: 50_000, count: 1 },
      { creditType: EUR, available: 187.5, granted: 500, count: 1 },
      { creditType: GPU, available: 900, granted: 4000, count: 1 },
    ];
    const low = (lowBalance: Record<string, number>) =>
      lowTotals(totals, lowBalance).map((l) => [l.total.creditType.id, l.threshold, l.key]);
    // $180.00 is below 200 dollars; €187.50 is not below 150 euros; GPU hours have no threshold.
    expect(low({ USD: 200, EUR: 150 })).to.deep.equal([[USD.id, 200, 'USD']]);
    expect(low({ EUR: 200, 'GPU hours': 1000 })).to.deep.equal([
      ['eur', 200, 'EUR'],
      ['gpu-id', 1000, 'GPU hours'],
    ]);
    // The id wins over the name, the name over the currency code.
    expect(low({ 'gpu-id': 500, 'GPU hours': 1000 })).to.deep.equal([]);
    expect(low({ 'USD (cents)': 100, USD: 500 })).to.deep.equal([]);
    // An unrelated key, or one that only looks like a property of every object, matches nothing.
    expect(low({ toString: 1e9, constructor: 1e9 })).to.deep.equal([]);
  });

  it('keeps the meter share within [0, 1]', () => {
    expect(remainingShare(50, 100)).to.equal(0.5);
    expect(remainingShare(150, 100)).to.equal(1);
    expect(remainingShare(-5, 100)).to.equal(0);
    expect(remainingShare(5, 0)).to.equal(0);
  });

  describe('what is used next', () => {
    const active = (id: string, end: string, fields: Partial<NormalizedCredit> = {}) =>
      credit({ id, name: id, balance: 10, segments: [seg(`${id}-s`, 100, '2026-06-01T00:00:00Z', end)], ...fields });
    const order = (credits: NormalizedCredit[]) =>
      viewCredits(credits, { now, expiringSoonDays: 30 })
        .filter((v) => v.drawPosition)
        .sort((a, b) => a.drawPosition! - b.drawPosition!)
        .map((v) => `${v.credit.id}:${v.drawsAfter?.id ?? '-'}`);
    const cases = [
      {
        name: 'lower priority first, whatever the expiry',
        credits: [active('b', '2026-06-20T00:00:00Z', { priority: 2 }), active('a', '2026-12-01T00:00:00Z', { priority: 1 })],
        order: ['a:-', 'b:a'],
      },
      {
        name: 'the same priority: the one that expires sooner',
        credits: [active('late', '2026-12-01T00:00:00Z', { priority: 1 }), active('soon', '2026-07-01T00:00:00Z', { priority: 1 })],
        order: ['soon:-', 'late:soon'],
      },
      {
        name: 'credits without a priority come after those with one',
        credits: [active('none', '2026-06-20T00:00:00Z'), active('some', '2026-12-01T00:00:00Z', { priority: 9 })],
        order: ['some:-', 'none:some'],
      },
      {
        name: 'nothing left, or not usable now: not in the order',
        credits: [
          active('empty', '2026-07-01T00:00:00Z', { balance: 0, priority: 0 }),
          credit({ id: 'later', balance: 10, priority: 0, segments: [seg('l', 1, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z')] }),
          active('only', '2026-07-01T00:00:00Z', { priority: 5 }),
        ],
        order: ['only:-'],
      },
      {
        name: 'each credit type has its own order',
        credits: [
          active('usd', '2026-07-01T00:00:00Z', { priority: 2 }),
          active('eur', '2026-07-01T00:00:00Z', { priority: 3, creditType: EUR }),
        ],
        order: ['usd:-', 'eur:-'],
      },
    ];
    for (const c of cases) it(c.name, () => expect(order(c.credits)).to.deep.equal(c.order));

    it('ranks a credit by its active segment that ends first, when active segments overlap (a top-up, a recurring grant)', () => {
      const overlapping = credit({
        id: 'overlapping',
        balance: 10,
        priority: 1,
        segments: [
          seg('year', 100, '2026-06-01T00:00:00Z', '2026-12-01T00:00:00Z'),
          seg('top-up', 50, '2026-06-10T00:00:00Z', '2026-06-20T00:00:00Z'),
        ],
      });
      // Ends on July 1: after the top-up (June 20), before the year (December 1).
      expect(order([active('july', '2026-07-01T00:00:00Z', { priority: 1 }), overlapping])).to.deep.equal([
        'overlapping:-',
        'july:overlapping',
      ]);
    });

    it('is not worked out over a partial list (a later page may hold the credit used next)', () => {
      const views = viewCredits([active('a', '2026-07-01T00:00:00Z', { priority: 1 })], { now, expiringSoonDays: 30, drawOrder: false });
      expect(views[0]!.drawPosition).to.equal(undefined);
    });
  });

  describe('timeline geometry', () => {
    it('places each segment on an axis from the first start to the last end', () => {
      const view = viewCredit(
        credit({
          id: 'x',
          segments: [
            seg('a', 1, '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z'),
            seg('b', 1, '2026-05-01T00:00:00Z', '2026-09-01T00:00:00Z'),
            seg('c', 1, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'),
          ],
        }),
        { now, expiringSoonDays: 30 },
      );
      const geometry = timelineGeometry(view.segments, now)!;
      const year = Date.parse('2027-01-01T00:00:00Z') - Date.parse('2026-01-01T00:00:00Z');
      const at = (iso: string) => (Date.parse(iso) - Date.parse('2026-01-01T00:00:00Z')) / year;
      expect(geometry.from.toISOString()).to.equal('2026-01-01T00:00:00.000Z');
      expect(geometry.to.toISOString()).to.equal('2027-01-01T00:00:00.000Z');
      expect(geometry.bars.map((b) => [b.segment.id, b.status])).to.deep.equal([
        ['a', 'expired'],
        ['b', 'active'],
        ['c', 'upcoming'],
      ]);
      expect(geometry.bars[1]!.start).to.be.closeTo(at('2026-05-01T00:00:00Z'), 1e-12);
      expect(geometry.bars[2]!.size).to.be.closeTo(at('2027-01-01T00:00:00Z') - at('2026-11-01T00:00:00Z'), 1e-12);
      expect(geometry.now).to.be.closeTo(at(now.toISOString()), 1e-12);
    });

    it('has no "now" marker when now is outside the axis', () => {
      const view = viewCredit(credit({ id: 'x', segments: [seg('a', 1, '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')] }), {
        now,
        expiringSoonDays: 30,
      });
      expect(timelineGeometry(view.segments, now)!.now).to.equal(undefined);
    });

    it('copes with an empty schedule and with zero-length segments', () => {
      expect(timelineGeometry([], now)).to.equal(undefined);
      const point = seg('p', 1, '2026-06-15T12:00:00Z', '2026-06-15T12:00:00Z');
      const geometry = timelineGeometry([{ segment: point, status: 'expired' }], now)!;
      expect([geometry.bars[0]!.start, geometry.bars[0]!.size, geometry.now]).to.deep.equal([0, 0, 0]);
    });
  });
});
