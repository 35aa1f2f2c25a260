// The cache of Metronome's answers, over real HTTP against the mock Metronome: a hit, an expiry, an answer served
// stale while it is fetched again, identical calls coalesced, the widget's bypass, two customers on one cache,
// the byte bound, one Redis shared by two handler instances, and Redis down (no cache, no error).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CUSTOMERS } from '../../demo/mock/fixtures.js';
import { MOCK_API_KEY } from '../../demo/mock/metronome.js';
import {
  type CacheOutcome,
  type CreditBalanceHandlerOptions,
  type RequestLogEntry,
  createCreditBalanceHandler,
  toNodeListener,
} from '../../src/server/index.js';
import { redisStore } from '../../src/server/redis.js';
import { accepting } from '../ports.js';
import { BASE, SECRET, freePort, listen, openGate, scenario, until, upstream, upstreamLog } from './helpers.js';

const CREDITS = `${BASE}/v1/contracts/customerCredits/list`;

/** The list calls Metronome received for a scenario. */
const listCalls = async (id: string) => (await upstreamLog(id)).filter((r) => r.route !== 'token').length;

/**
 * A companion on a real port that signs in whichever customer the token request names, with `options`; `as`
 * gives a customer's `call`, and `outcomes` lists where each list call's answer came from.
 */
async function companion(options: Partial<CreditBalanceHandlerOptions> = {}) {
  const outcomes: (CacheOutcome | undefined)[] = [];
  const origin = await listen(
    toNodeListener(
      createCreditBalanceHandler({
        metronomeToken: MOCK_API_KEY,
        signingSecret: SECRET,
        metronomeBaseUrl: upstream.origin,
        authorize: async (request) => ({ customerId: ((await request.json()) as { customer_id: string }).customer_id }),
        onResponse: (entry: RequestLogEntry) => entry.path === CREDITS && outcomes.push(entry.cache),
        ...options,
      }),
    ),
  );
  const as = async (customer: string) => {
    const minted = await fetch(`${origin}${BASE}/token`, { method: 'POST', body: JSON.stringify({ customer_id: customer }) });
    const { token } = (await minted.json()) as { token: string };
    return async (headers: Record<string, string> = {}) => {
      const response = await fetch(`${origin}${CREDITS}`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      });
      return { status: response.status, body: await response.text() };
    };
  };
  return { as, outcomes, origin };
}

const ids = (body: string) => (JSON.parse(body) as { data: { id: string }[] }).data.map((credit) => credit.id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const addFaults = (id: string, faults: object[]) =>
  fetch(`${upstream.origin}/__scenarios/${id}/faults`, { method: 'POST', body: JSON.stringify(faults) });

describe('the cache of Metronome’s answers, in memory', () => {
  it('answers the same call for the same customer from the cache within its lifetime: one call to Metronome', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { as, outcomes } = await companion();
    const call = await as(id);
    const answers = [await call(), await call(), await call()];
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'the same answer each time');
    assert.deepEqual(outcomes, ['miss', 'hit', 'hit']);
    assert.equal(await listCalls(id), 1);
  });

  it('asks Metronome again once the lifetime has passed (no stale window)', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { as, outcomes } = await companion({ cache: { ttlMs: 150, staleMs: 0 } });
    const call = await as(id);
    await call();
    await sleep(200);
    await call();
    assert.deepEqual(outcomes, ['miss', 'miss']);
    assert.equal(await listCalls(id), 2);
  });

  it('serves a stale answer at once while one call behind it fetches the answer again', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { as, outcomes } = await companion({ cache: { ttlMs: 100, staleMs: 10_000 } });
    const call = await as(id);
    const first = await call();
    // The next call to Metronome is held until the test lets it through.
    await addFaults(id, [{ route: 'credits', gate: 'again' }]);
    await sleep(150);
    const stale = await Promise.all([call(), call()]);
    assert.deepEqual(
      stale.map((a) => [a.status, a.body === first.body]),
      [
        [200, true],
        [200, true],
      ],
      'the kept answer, without waiting for Metronome',
    );
    await until(async () => (await listCalls(id)) === 2, 'one call fetching it again, for both');
    await openGate(id, 'again');
    await until(async () => (await call()) && outcomes.at(-1) === 'hit', 'the fetched answer kept');
    assert.deepEqual(outcomes.slice(0, 3), ['miss', 'stale', 'stale']);
    assert.equal(await listCalls(id), 2);
  });

  it('makes one call to Metronome for identical calls in flight at once', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'held' }] });
    const { as, outcomes } = await companion();
    const call = await as(id);
    const calls = [call(), call(), call()];
    await until(async () => (await listCalls(id)) === 1, 'the first call upstream');
    await sleep(50);
    await openGate(id, 'held');
    const answers = await Promise.all(calls);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    assert.equal(await listCalls(id), 1, 'one call for three requests');
    assert.deepEqual(outcomes, ['miss', 'miss', 'miss']);
  });

  it('asks Metronome past the cache when the widget says no-cache (refresh, retry), and keeps what it got', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { as, outcomes } = await companion();
    const call = await as(id);
    await call();
    assert.equal((await call({ 'cache-control': 'no-cache' })).status, 200);
    assert.equal((await call({ pragma: 'no-cache' })).status, 200);
    await call();
    assert.deepEqual(outcomes, ['miss', 'bypass', 'bypass', 'hit']);
    assert.equal(await listCalls(id), 3);
  });

  it('never answers one customer with another’s answer to the same call', async () => {
    const a = await scenario({ base: CUSTOMERS.acme });
    const b = await scenario({ base: CUSTOMERS.many });
    const { as } = await companion();
    const [callA, callB] = [await as(a), await as(b)];
    const [firstA, firstB] = [await callA(), await callB()];
    const [againA, againB] = [await callA(), await callB()];
    assert.notDeepEqual(ids(firstA.body), ids(firstB.body));
    assert.deepEqual(ids(againA.body), ids(firstA.body));
    assert.deepEqual(ids(againB.body), ids(firstB.body));
    assert.equal(await listCalls(a), 1);
    assert.equal(await listCalls(b), 1);
  });

  it('keeps no answer larger than a quarter of maxBytes, and keeps the small ones', async () => {
    const large = await scenario({ base: CUSTOMERS.many });
    const small = await scenario({ credits: [] });
    const { as } = await companion({ cache: { maxBytes: 4096 } });
    const [callLarge, callSmall] = [await as(large), await as(small)];
    const answer = await callLarge();
    assert.ok(answer.body.length > 1024, `an answer of ${answer.body.length} bytes`);
    await callLarge();
    await callSmall();
    await callSmall();
    assert.equal(await listCalls(large), 2, 'the large answer was not kept');
    assert.equal(await listCalls(small), 1, 'the small one was');
  });

  it('keeps nothing with a lifetime of 0', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { as, outcomes } = await companion({ cache: { ttlMs: 0 } });
    const call = await as(id);
    await call();
    await call();
    assert.deepEqual(outcomes, ['off', 'off']);
    assert.equal(await listCalls(id), 2);
  });
});

describe('the cache of Metronome’s answers, in a real redis-server', () => {
  let redis: ChildProcess;
  let url: string;
  before(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await accepting(port, redis);
  });
  after(() => {
    redis.kill();
  });

  it('is shared by two handler instances: what one fetched, the other answers with', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const storeA = redisStore(url, { prefix: `${id}:` });
    const storeB = redisStore(url, { prefix: `${id}:` });
    try {
      const a = await companion({ store: storeA });
      const b = await companion({ store: storeB });
      const viaA = await (await a.as(id))();
      const viaB = await (await b.as(id))();
      assert.equal(viaB.body, viaA.body);
      assert.deepEqual([...a.outcomes, ...b.outcomes], ['miss', 'hit']);
      assert.equal(await listCalls(id), 1);
      // Another customer, through the same Redis, is asked for on its own.
      const other = await scenario({ base: CUSTOMERS.many });
      assert.notDeepEqual(ids((await (await b.as(other))()).body), ids(viaA.body));
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });

  it('is no cache, and no error, while Redis cannot be reached', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const warn = console.warn;
    console.warn = () => {};
    const store = redisStore(`redis://127.0.0.1:${await freePort()}`);
    try {
      const { as, outcomes } = await companion({ store });
      const call = await as(id);
      assert.deepEqual([(await call()).status, (await call()).status], [200, 200]);
      assert.deepEqual(outcomes, ['miss', 'miss']);
      assert.equal(await listCalls(id), 2);
    } finally {
      console.warn = warn;
      await store.close();
    }
  });
});

describe('the first page answered with the token', () => {
  /** A token request naming `customer`, asking for `firstPage`; its answer's JSON. */
  const mint = async (origin: string, customer: string, firstPage: unknown) => {
    const response = await fetch(`${origin}${BASE}/token`, {
      method: 'POST',
      body: JSON.stringify({ customer_id: customer, first_page: firstPage }),
    });
    assert.equal(response.status, 200, 'a token, whatever the first page asked');
    return (await response.json()) as { token: string; first_page?: { path: string; body: unknown; answer: { data: { id: string }[] } } };
  };
  const FIRST = { customer_id: '', include_balance: true, include_contract_credits: true, limit: 25 };
  const firstPageOf = (customer: string) => ({ path: '/v1/contracts/customerCredits/list', body: { ...FIRST, customer_id: customer } });
  /** A companion on a real port, with its log of where each token request's first page came from. */
  async function withLog(options: Partial<CreditBalanceHandlerOptions> = {}) {
    const tokenEntries: RequestLogEntry[] = [];
    const outcomes: (CacheOutcome | undefined)[] = [];
    const { origin } = await companion({
      ...options,
      onResponse: (entry) => {
        if (entry.path === CREDITS) outcomes.push(entry.cache);
        if (entry.path === `${BASE}/token`) tokenEntries.push(entry);
      },
    });
    return { origin, outcomes, tokenOutcomes: () => tokenEntries.map((entry) => entry.cache), tokenEntries };
  }

  it('answers the list call the widget names with the token: the same answer, cached as the call itself, one call to Metronome', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { origin, outcomes, tokenOutcomes } = await withLog();
    const minted = await mint(origin, id, firstPageOf(id));
    assert.deepEqual(minted.first_page?.path, '/v1/contracts/customerCredits/list');
    assert.deepEqual(minted.first_page?.body, firstPageOf(id).body, 'the call it answers, as the widget sent it');
    const direct = await callWith(origin, minted.token, firstPageOf(id).body);
    assert.deepEqual(minted.first_page?.answer, JSON.parse(direct.body), 'what the call itself answers');
    assert.ok(minted.first_page!.answer.data.length > 0);
    assert.deepEqual(tokenOutcomes(), ['miss']);
    assert.deepEqual(outcomes, ['hit'], 'the call itself, answered from the cache the token filled');
    assert.equal(await listCalls(id), 1);
  });

  it('never answers for another customer: a first page naming someone else is left out, and Metronome is not asked', async () => {
    const [alice, bob] = await Promise.all([scenario({ base: CUSTOMERS.acme }), scenario({ base: CUSTOMERS.acme })]);
    const { origin } = await withLog();
    const minted = await mint(origin, alice, firstPageOf(bob));
    assert.equal(minted.first_page, undefined);
    assert.equal(await listCalls(bob), 0);
    assert.equal(await listCalls(alice), 0);
    // And each customer's own first page is their own, from one cache.
    const [a, b] = [await mint(origin, alice, firstPageOf(alice)), await mint(origin, bob, firstPageOf(bob))];
    assert.notDeepEqual(a.first_page?.answer, undefined);
    assert.deepEqual(b.first_page?.body, firstPageOf(bob).body);
    assert.equal(await listCalls(alice), 1);
    assert.equal(await listCalls(bob), 1);
  });

  it('leaves out, without failing the token, a call it does not forward, a field it refuses, a malformed request and a failed answer', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { origin, tokenEntries } = await withLog();
    for (const asked of [
      { path: '/v1/customers/list', body: { customer_id: id } },
      { path: '/v1/contracts/customerCredits/list', body: { ...firstPageOf(id).body, secret_field: true } },
      { path: '/v1/contracts/customerCredits/list', body: { customer_id: id, covering_date: { nested: true } } },
      { path: '/v1/contracts/customerCredits/list', body: [] },
      { path: 42 },
      'a page, please',
      null,
    ]) {
      assert.equal((await mint(origin, id, asked)).first_page, undefined, JSON.stringify(asked));
    }
    assert.equal(await listCalls(id), 0);
    await addFaults(id, [{ route: 'credits', status: 500 }]);
    const failed = await mint(origin, id, firstPageOf(id));
    assert.equal(failed.first_page, undefined, 'Metronome’s error is the widget’s to meet on its own call');
    assert.match(tokenEntries.at(-1)?.upstreamError ?? '', /Injected fault/, 'and its body is in the token request’s log line');
    assert.equal(typeof failed.token, 'string');
  });
});

/** A list call with `token` and `body`: its status and its body's text. */
async function callWith(origin: string, token: string, body: unknown) {
  const response = await fetch(`${origin}${CREDITS}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  return { status: response.status, body: await response.text() };
}
