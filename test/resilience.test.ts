// Fault injection against the local mock, as a user sees it: every fault ends in correct data or a clear
// error with a retry button, never a crash, a blank box, NaN or another configuration's data.
import type Metronome from '@metronome/sdk';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import type { CreditBalanceErrorEvent, CreditBalanceLoadEvent } from '../src/events.js';
import type { ErrorCode } from '../src/lib/errors.js';
import type { Fault, Scenario } from '../demo/mock/metronome.js';
import { CUSTOMERS, TOKEN_URL, injectFaults, mount, nextFrame, part, parts, requestLog, routes, scenario, text } from './helpers.js';

const shownText = (el: CreditBalance) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** A widget for a scenario of its own, after its first load or error. */
async function mountScenario(spec: Scenario) {
  const id = await scenario(spec);
  return { id, ...(await mount({ 'customer-id': id })) };
}

const acme = (faults: Fault[], extra: Scenario = {}): Scenario => ({ base: CUSTOMERS.acme, faults, ...extra });
const credit = (fields: Record<string, unknown>) => ({
  ...({
    id: 'c',
    type: 'CREDIT',
    product: { id: 'p', name: 'Product' },
    access_schedule: {
      credit_type: { id: 'u', name: 'units' },
      schedule_items: [{ id: 's', amount: 10, starting_at: '2026-01-01T00:00:00Z', ending_before: '2099-01-01T00:00:00Z' }],
    },
    balance: 4,
  } satisfies Metronome.Credit),
  ...fields,
});

interface Case {
  name: string;
  spec: Scenario;
  /** The error the user gets, or the credits shown (and those set aside as unreadable) for a recovery. */
  outcome: { code: ErrorCode; status?: number; says: string } | { credits: number; skipped?: number };
  /** How many list requests reached the mock. */
  lists?: number;
  tokens?: number;
}

const cases: Case[] = [
  // The token endpoint.
  {
    name: 'token endpoint unreachable (connection dropped)',
    spec: acme([{ route: 'token', drop: true, times: 3 }]),
    outcome: { code: 'token', says: 'could not be verified' },
    lists: 0,
  },
  {
    name: 'token endpoint answers 500',
    spec: acme([{ route: 'token', status: 500, times: 3 }]),
    outcome: { code: 'token', status: 500, says: 'could not be verified' },
    lists: 0,
    tokens: 3,
  },
  {
    name: 'token endpoint answers 403 (not retried)',
    spec: acme([{ route: 'token', status: 403 }]),
    outcome: { code: 'token', status: 403, says: 'could not be verified' },
    tokens: 1,
  },
  {
    name: 'token endpoint answers HTML',
    spec: acme([{ route: 'token', status: 200, body: '<!doctype html><title>Login</title>' }]),
    outcome: { code: 'token', says: 'could not be verified' },
  },
  {
    name: 'token answer without a token',
    spec: acme([{ route: 'token', status: 200, body: '{"expires_in":300}' }]),
    outcome: { code: 'token', says: 'could not be verified' },
  },
  {
    name: 'token answer already expired',
    spec: acme([{ route: 'token', status: 200, body: '{"token":"t","expires_at":"2001-01-01T00:00:00Z"}' }]),
    outcome: { code: 'token', says: 'could not be verified' },
  },
  { name: 'token endpoint recovers after a 503', spec: acme([{ route: 'token', status: 503 }]), outcome: { credits: 7 }, tokens: 2 },
  // Authentication.
  {
    name: '401 right after a fresh token: one refresh, then auth',
    spec: acme([{ route: 'credits', status: 401, times: 5 }]),
    outcome: { code: 'auth', status: 401, says: 'Sign in again' },
    lists: 2,
    tokens: 2,
  },
  // Retries.
  { name: '503 twice, then the data', spec: acme([{ route: 'credits', status: 503, times: 2 }]), outcome: { credits: 7 }, lists: 3 },
  {
    name: '429 with Retry-After, then the data',
    spec: acme([{ route: 'credits', status: 429, headers: { 'retry-after': '0.2' } }]),
    outcome: { credits: 7 },
    lists: 2,
  },
  {
    name: '429 with retry-after-ms, then the data',
    spec: acme([{ route: 'credits', status: 429, headers: { 'retry-after-ms': '150' } }]),
    outcome: { credits: 7 },
    lists: 2,
  },
  {
    name: '408 and 409 are retried',
    spec: acme([
      { route: 'credits', status: 408 },
      { route: 'credits', status: 409 },
    ]),
    outcome: { credits: 7 },
    lists: 3,
  },
  {
    name: '5xx on every attempt',
    spec: acme([{ route: 'credits', status: 502, times: 3 }]),
    outcome: { code: 'http', status: 502, says: 'HTTP 502' },
    lists: 3,
  },
  {
    name: 'a Retry-After of an hour is not waited for',
    spec: acme([{ route: 'credits', status: 429, headers: { 'retry-after': '3600' } }]),
    outcome: { code: 'http', status: 429, says: 'HTTP 429' },
    lists: 1,
  },
  {
    name: 'x-should-retry: false stops retries',
    spec: acme([{ route: 'credits', status: 503, headers: { 'x-should-retry': 'false' } }]),
    outcome: { code: 'http', status: 503, says: 'HTTP 503' },
    lists: 1,
  },
  { name: 'a dropped connection is retried', spec: acme([{ route: 'credits', drop: true }]), outcome: { credits: 7 }, lists: 2 },
  { name: 'an answer cut off mid-body is retried', spec: acme([{ route: 'credits', cut: true }]), outcome: { credits: 7 }, lists: 2 },
  {
    name: 'connections dropped on every attempt',
    spec: acme([{ route: 'credits', drop: true, times: 3 }]),
    outcome: { code: 'network', says: 'could not be reached' },
    lists: 3,
  },
  ...[400, 403, 404, 422].map((status) => ({
    name: `${status} is not retried`,
    spec: acme([{ route: 'credits' as const, status }]),
    outcome: { code: 'http' as const, status, says: `HTTP ${status}` },
    lists: 1,
  })),
  // Malformed answers.
  {
    name: 'truncated JSON',
    spec: acme([{ route: 'credits', status: 200, body: '{"data":[{"id":"c","type":"CRE', times: 3 }]),
    outcome: { code: 'invalid-response', says: 'cannot read' },
    lists: 3,
  },
  {
    name: 'HTML with 200',
    spec: acme([{ route: 'credits', status: 200, body: '<html><body>Maintenance</body></html>' }]),
    outcome: { code: 'invalid-response', says: 'cannot read' },
  },
  {
    name: 'data is not an array',
    spec: acme([{ route: 'credits', status: 200, body: '{"data":{},"next_page":null}' }]),
    outcome: { code: 'invalid-response', says: 'cannot read' },
  },
  // Retried: WebKit hands a page an answer cut off mid-body as if it were whole.
  {
    name: 'an empty body',
    spec: acme([{ route: 'credits', status: 200, body: '', times: 3 }]),
    outcome: { code: 'invalid-response', says: 'cannot read' },
    lists: 3,
  },
  // A record that cannot be read is set aside; the others are shown.
  {
    name: 'a credit with a string balance',
    spec: { credits: [credit({ balance: '4' }), credit({ id: 'ok' })] },
    outcome: { credits: 1, skipped: 1 },
  },
  {
    name: 'a segment with an invalid date',
    spec: {
      credits: [
        credit({
          access_schedule: { schedule_items: [{ id: 's', amount: 1, starting_at: 'tomorrow', ending_before: '2099-01-01T00:00:00Z' }] },
        }),
      ],
    },
    outcome: { credits: 0, skipped: 1 },
  },
  {
    name: 'unknown fields, ledger types and credit types are tolerated',
    spec: {
      credits: [
        credit({
          surprise: [1, { a: null }],
          ledger: [{ type: 'CREDIT_FROM_THE_FUTURE', amount: 1, timestamp: '2026-01-01T00:00:00Z', extra: true }],
        }),
      ],
    },
    outcome: { credits: 1 },
  },
  {
    name: 'a cursor that repeats',
    spec: acme([], { cursor: 'repeat' }),
    outcome: { code: 'invalid-response', says: 'cannot read' },
    lists: 2,
  },
  {
    name: 'empty pages that repeat their cursor stop with an error',
    spec: { credits: [], cursor: 'repeat' },
    outcome: { code: 'invalid-response', says: 'cannot read' },
    lists: 2,
  },
];

describe('the host developer’s mistakes', () => {
  const mistakes: [string, Record<string, string>, string][] = [
    ['a token-url that is not a URL', { 'token-url': 'http://[' }, 'token-url'],
    ['an api-base that is not a URL', { 'api-base': 'http://[' }, 'api-base'],
    ['an unknown source', { source: 'plans' }, 'source'],
    ['an unknown scope', { scope: 'everyone' }, 'scope'],
    ['a page size past the API’s range', { 'page-size': '500' }, 'page-size'],
    ['a page size that is not a number', { 'page-size': 'ten' }, 'page-size'],
    ['expiring-soon-days below zero', { 'expiring-soon-days': '-3' }, 'expiring-soon-days'],
    ['a low-balance that is not a number', { 'low-balance': 'lots' }, 'low-balance'],
    ['an invoice-url without {invoice_id}', { 'invoice-url': '/billing/invoices' }, 'invoice-url'],
    ['a heading-level past 6', { 'heading-level': '7' }, 'heading-level'],
  ];
  for (const [name, attributes, attribute] of mistakes) {
    it(`${name}: a config error, a neutral message, one warning naming ${attribute}, no request`, async () => {
      const id = await scenario({ base: CUSTOMERS.acme });
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const { el, outcome } = await mount({ 'customer-id': id, ...attributes });
        const event = outcome as CreditBalanceErrorEvent;
        expect(event.detail.code).to.equal('config');
        expect(event.detail.message).to.include(attribute);
        expect(part(el, 'error')!.textContent!.trim()).to.equal('Credits cannot be shown here at the moment.');
        expect(part(el, 'retry-button'), 'retrying cannot mend markup').to.equal(null);
        await el.updateComplete;
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.include(`The ${attribute} attribute`);
        expect(await requestLog(id), 'no request').to.deep.equal([]);

        // Mended, the widget loads.
        for (const key of Object.keys(attributes)) el.removeAttribute(key);
        if (attribute === 'token-url') el.tokenUrl = TOKEN_URL;
        const loaded = oneEvent(el, 'credit-balance-load');
        await loaded;
        expect(parts(el, 'credit')).to.have.length(7);
      } finally {
        console.warn = warn;
      }
    });
  }

  it('an invalid locale and time zone fall back to English and UTC: a clear answer, never a crash', async () => {
    const { el, outcome } = await mount({ 'customer-id': CUSTOMERS.acme, locale: 'not a locale!', 'time-zone': 'Mars/Olympus' });
    expect(outcome.type).to.equal('credit-balance-load');
    expect(part(el, 'credit')!.textContent).to.match(/\$|€/);
  });
});

describe('fault injection', () => {
  for (const c of cases) {
    it(c.name, async function () {
      this.timeout(20_000);
      const { el, id, outcome } = await mountScenario(c.spec);
      const log = await requestLog(id);
      if (c.lists !== undefined) expect(routes(log, 'credits'), 'list requests').to.have.length(c.lists);
      if (c.tokens !== undefined) expect(routes(log, 'token'), 'token requests').to.have.length(c.tokens);
      expect(shownText(el)).to.not.match(/NaN|undefined|Invalid Date|\[object/);
      if ('credits' in c.outcome) {
        expect(outcome.type).to.equal('credit-balance-load');
        expect(parts(el, 'credit')).to.have.length(c.outcome.credits);
        expect(part(el, 'error')).to.equal(null);
        const skipped = c.outcome.skipped ?? 0;
        expect((outcome as CreditBalanceLoadEvent).detail.skipped).to.have.length(skipped);
        if (skipped) expect(text(part(el, 'notice'))).to.equal(`${skipped} credit could not be shown.`);
        else expect(part(el, 'notice')).to.equal(null);
        // Records set aside are not "no credits on this account".
        if (skipped) expect(part(el, 'empty')).to.equal(null);
        return;
      }
      expect(outcome.type).to.equal('credit-balance-error');
      const { detail } = outcome as CreditBalanceErrorEvent;
      expect(detail.code).to.equal(c.outcome.code);
      expect(detail.status).to.equal(c.outcome.status);
      expect(detail.message).to.be.a('string').and.not.equal('');
      expect(part(el, 'error')!.textContent).to.include(c.outcome.says);
      expect(part(el, 'retry-button')).to.not.equal(null);
      expect(el.matches(':state(error)')).to.equal(true);
      expect(parts(el, 'credit')).to.have.length(0);
    });
  }
});

describe('lifecycle', () => {
  it('disconnecting aborts the load and clears its retry timer; reconnecting loads again', async () => {
    // The first attempt asks for a 25 s wait; the widget's timer for it is watched, not waited for.
    const id = await scenario(acme([{ route: 'credits', status: 503, headers: { 'retry-after-ms': '25000' } }]));
    const { setTimeout: set, clearTimeout: clear } = window;
    let retryTimer: number | undefined;
    let cleared = false;
    const scheduled = new Promise<void>((resolve) => {
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const timer = set(handler, ms, ...args);
        if (ms === 25_000) {
          retryTimer = timer;
          resolve();
        }
        return timer;
      }) as typeof window.setTimeout;
    });
    window.clearTimeout = ((timer?: number) => {
      if (timer !== undefined && timer === retryTimer) cleared = true;
      clear(timer);
    }) as typeof window.clearTimeout;
    try {
      const parent = await fixture<HTMLDivElement>('<div></div>');
      const { el, events } = await mount({ 'customer-id': id }, {}, { settle: false, parent });
      await scheduled;
      el.remove();
      // The abort travels through the shared load's promises: a few frames at most, never the 25 s.
      for (let frame = 0; frame < 10 && !cleared; frame++) await nextFrame();
      expect(cleared, 'the retry timer is cleared').to.equal(true);
      expect(routes(await requestLog(id), 'credits'), 'no retry after disconnect').to.have.length(1);
      await el.updateComplete;
      expect(events).to.deep.equal([]);
      expect(el.matches(':state(error)')).to.equal(false);

      const loaded = oneEvent(el, 'credit-balance-load');
      parent.append(el);
      await loaded;
      expect(parts(el, 'credit')).to.have.length(7);
      expect(events.map((e) => e.type)).to.deep.equal(['credit-balance-load', 'credit-balance-expiring']);
      expect(routes(await requestLog(id), 'credits')).to.have.length(2);
    } finally {
      window.setTimeout = set;
      window.clearTimeout = clear;
    }
  });

  it('a failed refresh keeps the data, marked stale with its time; retry recovers', async function () {
    this.timeout(20_000);
    const { el, id } = await mountScenario(acme([]));
    const before = parts(el, 'total').map((t) => t.textContent);
    await injectFaults(id, [{ route: 'credits', status: 500, times: 3 }]);
    const failed = oneEvent(el, 'credit-balance-error');
    await el.refresh();
    await failed;
    expect(el.matches(':state(stale)')).to.equal(true);
    expect(parts(el, 'total').map((t) => t.textContent)).to.deep.equal(before);
    expect(part(el, 'error')!.textContent).to.match(/as of \w{3} \d+, \d{4}/);
    const recovered = oneEvent(el, 'credit-balance-load');
    part(el, 'retry-button')!.click();
    await recovered;
    expect(el.matches(':state(stale)')).to.equal(false);
    expect(part(el, 'error')).to.equal(null);
  });

  it('many widgets on one page share one token request', async () => {
    const id = await scenario(acme([]));
    const parent = await fixture<HTMLDivElement>('<div></div>');
    const widgets = await Promise.all(
      Array.from({ length: 8 }, (_, i) => mount({ 'customer-id': id, 'page-size': String(5 + i) }, {}, { parent })),
    );
    expect(widgets.map((w) => w.outcome.type)).to.deep.equal(Array(8).fill('credit-balance-load'));
    expect(routes(await requestLog(id), 'token')).to.have.length(1);
  });

  it('widgets with the same configuration share one load: one token request, one request per page', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const parent = await fixture<HTMLDivElement>('<div></div>');
    const widgets = await Promise.all(Array.from({ length: 10 }, () => mount({ 'customer-id': id }, {}, { parent })));
    const log = await requestLog(id);
    expect(routes(log, 'token')).to.have.length(1);
    expect(routes(log, 'credits')).to.have.length(3);
    expect(widgets.map(({ el }) => parts(el, 'credit').length)).to.deep.equal(Array(10).fill(60));
  });
});
