import { expect } from '@open-wc/testing';
import type { NormalizedCredit } from '../../../src/lib/credit.js';
import type { CreditsState } from '../../../src/lib/load-state.js';
import { USD_CENTS_ID } from '../../../src/lib/metronome.js';
import { type DisplayOptions, viewOf } from '../../../src/lib/view/view.js';

const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };
const now = new Date('2026-06-15T12:00:00Z');
const options: DisplayOptions = { expiringSoonDays: 30, lowBalance: undefined, worded: true };

function credit(fields: Partial<NormalizedCredit> & Pick<NormalizedCredit, 'id'>): NormalizedCredit {
  return {
    kind: 'credit',
    name: fields.id,
    creditType: USD,
    balance: 500,
    granted: 1000,
    products: [],
    segments: [
      { id: `${fields.id}-s`, amount: 1000, startsAt: new Date('2026-06-01T00:00:00Z'), endsBefore: new Date('2026-08-01T00:00:00Z') },
    ],
    ledger: [],
    ...fields,
  };
}

/** A state with `credits` on screen (complete unless said otherwise). */
function showing(credits: NormalizedCredit[], fields: Partial<CreditsState> = {}, complete = true): CreditsState {
  const skipped = fields.skipped ?? [];
  return {
    status: 'complete',
    shown: { key: ['k'], credits, skipped, at: now, complete },
    skipped,
    refreshed: false,
    ...fields,
  };
}

const error = { code: 'network' as const, message: 'down' };

describe('viewOf: what one update shows', () => {
  describe('the body and the states', () => {
    const cases: { name: string; state: CreditsState; worded?: boolean; body: string; on: string[] }[] = [
      { name: 'a first load in flight', state: { status: 'loading', skipped: [], refreshed: false }, body: 'loading', on: ['loading'] },
      { name: 'credits on screen', state: showing([credit({ id: 'a' })]), body: 'credits', on: ['ready'] },
      { name: 'credits, before the words arrive', state: showing([credit({ id: 'a' })]), worded: false, body: 'credits', on: [] },
      { name: 'no credits', state: showing([]), body: 'empty', on: ['empty'] },
      {
        name: 'only unreadable records',
        state: showing([], { skipped: [{ message: 'bad' }] }),
        body: 'none',
        on: ['ready'],
      },
      { name: 'a failed first load', state: { status: 'error', error, skipped: [], refreshed: false }, body: 'none', on: ['error'] },
      {
        name: 'a failed reload beside the last good data',
        state: showing([credit({ id: 'a' })], { status: 'error', error }),
        body: 'credits',
        on: ['ready', 'error', 'stale'],
      },
      {
        name: 'a reload in flight over data on screen',
        state: showing([credit({ id: 'a' })], { status: 'loading' }),
        body: 'credits',
        on: ['loading', 'ready'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const view = viewOf(c.state, { ...options, worded: c.worded ?? true }, now);
        expect(view.body).to.equal(c.body);
        const on = Object.entries(view.states)
          .filter(([, value]) => value)
          .map(([name]) => name);
        expect(on).to.deep.equal(c.on);
      });
    }
  });

  it('raises expiring and low, and announces the totals only after a reload replaced data on screen', () => {
    const soon = credit({
      id: 'soon',
      segments: [{ id: 's', amount: 1000, startsAt: new Date('2026-06-01T00:00:00Z'), endsBefore: new Date('2026-06-20T00:00:00Z') }],
    });
    const view = viewOf(showing([soon]), { ...options, lowBalance: 10 }, now);
    expect(view.expiring).to.deep.equal([soon]);
    expect(view.low.map((l) => [l.total.available, l.threshold])).to.deep.equal([[500, 10]]);
    expect(view.states.expiring && view.states.low).to.equal(true);
    expect(view.announced).to.equal(undefined);
    expect(viewOf(showing([soon], { refreshed: true }), options, now).announced).to.deep.equal(view.totals);
  });

  describe('each credit’s notes', () => {
    const may = new Date('2026-06-30T00:00:00Z');
    const cases: { name: string; credits: NormalizedCredit[]; figureNotes: string[]; notes: string[] }[] = [
      { name: 'a plain credit, used next', credits: [credit({ id: 'a' })], figureNotes: [], notes: ['usedNextHint'] },
      { name: 'a credit with nothing left', credits: [credit({ id: 'a', balance: 0 })], figureNotes: [], notes: [] },
      {
        name: 'a grant with pending charges, its own balance date and products',
        credits: [
          credit({
            id: 'g',
            kind: 'grant',
            postedBalance: 700,
            balanceAsOf: may,
            expiresInPeriod: true,
            paid: { amount: 100, creditType: USD },
            products: ['API'],
          }),
          credit({ id: 'h', kind: 'grant', balanceAsOf: new Date('2026-07-31T00:00:00Z') }),
        ],
        figureNotes: ['pendingBalance', 'balanceAsOf', 'expiresInPeriod'],
        notes: ['usedNextHint', 'paid', 'appliesTo'],
      },
      {
        name: 'grants that share their balance date say it once, in the header',
        credits: [credit({ id: 'g', kind: 'grant', balanceAsOf: may }), credit({ id: 'h', kind: 'grant', balanceAsOf: may })],
        figureNotes: [],
        notes: ['usedNextHint'],
      },
      {
        name: 'the first of two usable credits is used next',
        credits: [credit({ id: 'first', priority: 1 }), credit({ id: 'second', priority: 2 })],
        figureNotes: [],
        notes: ['usedNextHint'],
      },
      {
        name: 'a credit granted in periods, one of them usable now',
        credits: [
          credit({
            id: 'monthly',
            granted: 2000,
            segments: [
              { id: 'jun', amount: 1000, startsAt: new Date('2026-06-01T00:00:00Z'), endsBefore: new Date('2026-07-01T00:00:00Z') },
              { id: 'jul', amount: 1000, startsAt: new Date('2026-07-01T00:00:00Z'), endsBefore: new Date('2026-08-01T00:00:00Z') },
            ],
          }),
        ],
        figureNotes: ['grantedInTotal'],
        notes: ['usedNextHint'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const [first] = viewOf(showing(c.credits), options, now).credits;
        expect(first!.figureNotes.map((n) => n.kind)).to.deep.equal(c.figureNotes);
        expect(first!.notes.map((n) => n.kind)).to.deep.equal(c.notes);
      });
    }

    it('names the credit used before, on the one drawn down after it', () => {
      const first = credit({ id: 'first', priority: 1 });
      const view = viewOf(showing([first, credit({ id: 'second', priority: 2 })]), options, now);
      expect(view.credits[1]!.notes).to.deep.equal([{ kind: 'drawOrder', after: first }]);
    });

    it('works out no draw-down order while later pages are still to come', () => {
      const view = viewOf(showing([credit({ id: 'a' }), credit({ id: 'b' })], {}, false), options, now);
      expect(view.credits.flatMap((c) => c.notes)).to.deep.equal([]);
    });

    it('gives the grants’ shared balance date to the header', () => {
      const view = viewOf(showing([credit({ id: 'g', balanceAsOf: may }), credit({ id: 'h', balanceAsOf: may })]), options, now);
      expect(view.sharedAsOf).to.deep.equal(may);
      expect(viewOf(showing([credit({ id: 'g', balanceAsOf: may }), credit({ id: 'x' })]), options, now).sharedAsOf).to.equal(undefined);
    });
  });

  it('shows an unchanged credit as the same object within a minute, so its template is skipped, and anew the next minute', () => {
    const same = credit({ id: 'same' });
    const first = viewOf(showing([same]), options, now).credits[0];
    expect(viewOf(showing([same]), options, new Date(now.getTime() + 30_000)).credits[0]).to.equal(first);
    expect(viewOf(showing([same]), options, new Date(now.getTime() + 60_000)).credits[0]).to.not.equal(first);
    expect(viewOf(showing([same]), { ...options, expiringSoonDays: 7 }, now).credits[0]).to.not.equal(first);
    expect(viewOf(showing([{ ...same }]), options, now).credits[0]).to.not.equal(first);
  });
});
