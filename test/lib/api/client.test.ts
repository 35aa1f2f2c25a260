import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import { type Loaded, MAX_PAGES, listPlanOf, loadCredits, requestToken } from '../../../src/lib/api/client.js';
import { type LoadPlan, loadPlanOf } from '../../../src/lib/api/load-plan.js';
import { CreditBalanceError } from '../../../src/lib/errors.js';
import type { NormalizedCredit } from '../../../src/lib/credit.js';
import { type FirstPage, TokenCache } from '../../../src/lib/api/token.js';
import { defaultOptions } from '../options.js';
import { CUSTOMERS, TOKEN_URL, realHttp, rejection, requestLog, routes, scenario } from '../../helpers.js';

const never = new AbortController().signal;

function config(customerId: string, fields: Partial<LoadPlan> = {}): LoadPlan {
  return { ...loadPlanOf({ ...defaultOptions, tokenUrl: TOKEN_URL }, location.href), customerId, ...fields };
}

function session(customerId: string, http = realHttp()) {
  return {
    key: ['test', customerId, Math.random()],
    cache: new TokenCache(() => Date.now()),
    url: location.href,
    fetch: () => requestToken(TOKEN_URL, customerId, http),
  };
}

/** The credits after each page. */
async function collect(pages: AsyncGenerator<Loaded>): Promise<NormalizedCredit[][]> {
  const seen: NormalizedCredit[][] = [];
  for await (const { credits } of pages) seen.push(credits);
  return seen;
}

describe('loadCredits against the mock', () => {
  it('follows every page with the cursor in the body, yielding as pages arrive', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const http = realHttp();
    const pages = await collect(loadCredits(config(id), session(id, http), http, never));
    expect(pages.map((p) => p.length)).to.deep.equal([25, 50, 60]);
    const lists = routes(await requestLog(id), 'credits');
    expect(lists.map((r) => (r.body as { next_page?: string }).next_page === undefined)).to.deep.equal([true, false, false]);
    expect(lists.every((r) => (r.body as { limit: number }).limit === 25)).to.equal(true);
    expect(new Set(pages.at(-1)!.map((c) => c.id)).size).to.equal(60);
  });

  it('follows grants pages with the cursor in the query string', async () => {
    const grants = Array.from(
      { length: 5 },
      (_, i) =>
        ({
          id: `g${i}`,
          name: `Grant ${i}`,
          customer_id: 'x',
          effective_at: '2026-01-01T00:00:00Z',
          expires_at: '2027-01-01T00:00:00Z',
          priority: 1,
          grant_amount: { amount: 10, credit_type: { id: 'u', name: 'units' } },
          paid_amount: { amount: 0, credit_type: { id: 'u', name: 'units' } },
          balance: { effective_at: '2026-12-01T00:00:00Z', excluding_pending: 10, including_pending: 10 },
          deductions: [],
          pending_deductions: [],
          custom_fields: {},
        }) satisfies Metronome.V1.CreditGrantListResponse,
    );
    const id = await scenario({ grants });
    const http = realHttp();
    const pages = await collect(loadCredits(config(id, { source: 'grants', pageSize: 2 }), session(id, http), http, never));
    expect(pages.map((p) => p.length)).to.deep.equal([2, 4, 5]);
    const lists = routes(await requestLog(id), 'grants');
    expect(lists.map((r) => r.query.limit)).to.deep.equal(['2', '2', '2']);
    expect(lists[0]!.query.next_page).to.equal(undefined);
    expect(lists[1]!.query.next_page).to.be.a('string');
    expect(lists.every((r) => JSON.stringify(r.body) === JSON.stringify({ customer_ids: [id] }))).to.equal(true);
  });

  // The one test of the 401 refresh; a fresh token refused too is resilience.test.ts's "one refresh, then auth".
  it('refreshes the token once after a 401 and goes on with the new one', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 401 }] });
    const http = realHttp();
    const pages = await collect(loadCredits(config(id), session(id, http), http, never));
    expect(pages.at(-1)!.length).to.be.greaterThan(0);
    const log = await requestLog(id);
    expect(routes(log, 'token')).to.have.length(2);
    const [first, second] = routes(log, 'credits');
    expect(first!.authorization).to.not.equal(second!.authorization);
  });

  it('stops on a cursor that repeats', async () => {
    const id = await scenario({ base: CUSTOMERS.many, cursor: 'repeat' });
    const http = realHttp();
    const error = await rejection(collect(loadCredits(config(id), session(id, http), http, never)));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.include('repeated a page cursor');
    expect(routes(await requestLog(id), 'credits')).to.have.length(2);
  });

  it(`stops after ${MAX_PAGES} pages of a cursor that never ends`, async function () {
    this.timeout(60_000);
    const id = await scenario({ base: CUSTOMERS.many, cursor: 'endless' });
    const http = realHttp();
    const error = await rejection(collect(loadCredits(config(id, { pageSize: 1 }), session(id, http), http, never)));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.include(`${MAX_PAGES} pages`);
    expect(routes(await requestLog(id), 'credits')).to.have.length(MAX_PAGES);
  });

  it('goes on past empty pages that still carry a cursor', async () => {
    const id = await scenario({ credits: [], cursor: 'endless' });
    const http = realHttp();
    const error = await rejection(collect(loadCredits(config(id, { pageSize: 25 }), session(id, http), http, never)));
    expect(error.message).to.include(`${MAX_PAGES} pages`);
  });

  it('reads the customer and the API base from the token, over the attributes', async () => {
    const id = await scenario({ base: CUSTOMERS.empty, tokenCustomerId: 'from-token' });
    const token = { value: 't', expiresAt: 0, refreshAt: 0, customerId: 'from-token', apiBase: '/proxy/' };
    const plan = listPlanOf(config(id, { apiBase: undefined }), token, location.href);
    expect(plan.customerId).to.equal('from-token');
    expect(plan.apiBase).to.equal(new URL('/proxy/', location.href).href);
    expect(listPlanOf(config(id, { apiBase: 'https://api.example/' }), token, location.href).apiBase).to.equal('https://api.example/');
    expect(listPlanOf(config(id), {}, location.href).apiBase).to.equal('https://api.metronome.com/');
  });

  it('reports a token error when nobody names the customer', () => {
    let error: unknown;
    try {
      listPlanOf(config('', { customerId: undefined }), {}, location.href);
    } catch (e) {
      error = e;
    }
    expect((error as CreditBalanceError).code).to.equal('token');
  });

  it('sends the customer to the token endpoint, or an empty object', async () => {
    const id = await scenario({ base: CUSTOMERS.empty });
    await requestToken(TOKEN_URL, id, realHttp());
    expect(routes(await requestLog(id), 'token')[0]!.body).to.deep.equal({ customer_id: id });
    const anonymous = (await requestToken(TOKEN_URL, undefined, realHttp())) as { token: string };
    expect(anonymous.token).to.be.a('string');
  });

  it('turns a failing token endpoint into a token error', async () => {
    const id = await scenario({ faults: [{ route: 'token', status: 500, times: 3 }] });
    const error = await rejection(requestToken(TOKEN_URL, id, realHttp()));
    expect(error).to.include({ code: 'token', status: 500 });
  });

  it('hands back the same objects for credits that did not change since the previous load', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const http = realHttp();
    const first = (await collect(loadCredits(config(id), session(id, http), http, never))).at(-1)!;
    const second = (await collect(loadCredits(config(id), session(id, http), http, never, { previous: first }))).at(-1)!;
    expect(second.every((credit, i) => credit === first[i])).to.equal(true);

    // One credit changes on the wire: only that one is new.
    const raw = [
      { id: 'a', type: 'CREDIT', product: { id: 'p', name: 'A' }, balance: 1 },
      { id: 'b', type: 'CREDIT', product: { id: 'p', name: 'B' }, balance: 2 },
    ] satisfies Metronome.Credit[];
    const before = await scenario({ credits: raw });
    const after = await scenario({ credits: [raw[0], { ...raw[1], balance: 3 }] });
    const old = (await collect(loadCredits(config(before), session(before, http), http, never))).at(-1)!;
    const next = (await collect(loadCredits(config(after), session(after, http), http, never, { previous: old }))).at(-1)!;
    expect(next[0]).to.equal(old[0]);
    expect(next[1]).to.not.equal(old[1]);
    expect(next[1]!.balance).to.equal(3);
  });
});

describe('the first page with the token', () => {
  const listRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/customerCredits/list')).length;

  it('takes the first page from the answer to the token request its load made, and only that load', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const http = realHttp();
    const companion = {
      ...session(id, http),
      fetch: (firstPage?: FirstPage) => requestToken('/api/credit-balance/token', id, http, 'same-origin', firstPage),
    };
    performance.clearResourceTimings();
    expect((await collect(loadCredits(config(id), companion, http, never))).map((p) => p.length)).to.deep.equal([25, 50, 60]);
    expect(listRequests()).to.equal(2, 'pages 2 and 3: the first came with the token');
    // The token is reused: this load asks the API for its first page, for the data of now.
    expect((await collect(loadCredits(config(id), companion, http, never))).map((p) => p.length)).to.deep.equal([25, 50, 60]);
    expect(listRequests()).to.equal(5);
  });

  it('takes no answer to another call than its own (a token endpoint that answered another customer’s)', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const http = realHttp();
    const theirs = { customer_id: 'someone-else', include_balance: true, include_contract_credits: true, limit: 25 };
    const answering = {
      ...session(id, http),
      fetch: async () => ({
        ...((await requestToken(TOKEN_URL, id, http)) as object),
        first_page: { path: '/v1/contracts/customerCredits/list', body: theirs, answer: { data: [], next_page: null } },
      }),
    };
    const pages = await collect(loadCredits(config(id), answering, http, never));
    expect(pages.at(-1)).to.have.length(7, 'its own credits, listed by the API');
    expect(routes(await requestLog(id), 'credits')).to.have.length(1);
  });
});
