// The companion under attack by a customer with a valid token, over real HTTP: bodies bounded before anyone
// reads them, per-customer limits (in memory, and shared through a real redis-server), upstream.origin calls that end
// when the browser leaves, timeouts in the right order, only checked values forwarded, upstream.origin answers bounded
// and not followed, and every other method refused.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { MOCK_API_KEY } from '../../demo/mock/metronome.js';
import {
  type CreditBalanceHandlerOptions,
  type RequestLogEntry,
  createCreditBalanceHandler,
  toNodeListener,
} from '../../src/server/index.js';
import { Redis } from 'ioredis';
import { redisStore } from '../../src/server/redis.js';
import { TEST_NOW } from '../clock.js';
import { accepting } from '../ports.js';
import { BASE, SECRET, freePort, listen, openGate, scenario, until, upstream, upstreamLog as fullLog } from './helpers.js';

/** The list calls the mock received for a scenario (its token requests left out). */
const upstreamLog = async (id: string) => (await fullLog(id)).filter((r) => r.route !== 'token');

const CREDITS = `${BASE}/v1/contracts/customerCredits/list`;
const GRANTS = `${BASE}/v1/credits/listGrants`;
/** For what counts calls that reach Metronome: every identical call reaches it (the cache has its own tests). */
const NO_CACHE = { ttlMs: 0 };
/** A cursor the mock reads (its first page). */
const CURSOR = Buffer.from('offset:0').toString('base64url');

function handlerFor(customer: string, options: Partial<CreditBalanceHandlerOptions> = {}) {
  return createCreditBalanceHandler({
    metronomeToken: MOCK_API_KEY,
    signingSecret: SECRET,
    metronomeBaseUrl: upstream.origin,
    authorize: () => ({ customerId: customer }),
    ...options,
  });
}

/** A companion on a real port for `customer`, with a token minted for them. */
async function companion(customer: string, options: Partial<CreditBalanceHandlerOptions> = {}) {
  const origin = await listen(toNodeListener(handlerFor(customer, options)));
  const token = ((await (await fetch(`${origin}${BASE}/token`, { method: 'POST', body: '{}' })).json()) as { token: string }).token;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
  return { origin, token, call };
}

/** A request body that is made as it is read: `total` bytes of JSON-ish filler, none of it made before it is asked. */
function lazyBody(total: number): ReadableStream<Uint8Array> {
  let pulled = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, total - pulled)).fill(0x20);
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('1. every body is bounded before anyone reads it', () => {
  it('a 20 MB token request without Content-Length is 413, read no further than the limit, and authorize never sees it', async () => {
    let authorized = 0;
    const listener = toNodeListener(handlerFor('me', { authorize: () => ((authorized += 1), { customerId: 'me' }) }));
    // What the server had read off the connection when its answer was out: counted on the server's side, since
    // what the client pushes before it sees the 413 also fills the kernel's buffers, more of them on a busy machine.
    let readWhenAnswered = 0;
    const origin = await listen((req, res) => {
      res.on('finish', () => (readWhenAnswered = req.socket.bytesRead));
      return listener(req, res);
    });
    const body = lazyBody(20 * 1024 * 1024);
    const response = await fetch(`${origin}${BASE}/token`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    assert.equal(response.status, 413);
    assert.equal(authorized, 0);
    assert.ok(readWhenAnswered > 0 && readWhenAnswered < 1024 * 1024, `the server read ${readWhenAnswered} bytes into a 64 KB limit`);
  });

  it('a declared Content-Length over the limit is 413 at once, on the token and the list calls', async () => {
    const { origin, call } = await companion('me');
    const big = 'x'.repeat(70 * 1024);
    assert.equal((await fetch(`${origin}${BASE}/token`, { method: 'POST', body: big })).status, 413);
    assert.equal((await call(CREDITS, { body: big })).status, 413);
  });

  it('a chunked list body over the limit is 413', async () => {
    const { call } = await companion('me');
    const response = await call(CREDITS, { body: lazyBody(5 * 1024 * 1024), duplex: 'half' } as RequestInit);
    assert.equal(response.status, 413);
  });

  it('a body that never finishes is 408 after bodyTimeoutMs', async () => {
    const { origin } = await companion('me', { bodyTimeoutMs: 200 });
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"customer_id":'));
      },
    });
    const response = await fetch(`${origin}${BASE}/token`, { method: 'POST', body: stalled, duplex: 'half' } as RequestInit);
    assert.equal(response.status, 408);
  });
});

describe('2. per-customer limits', () => {
  it('caps one customer’s calls in flight: the rest get 429 with Retry-After, and never reach Metronome', async () => {
    const id = await scenario({ faults: [{ route: 'credits', gate: 'answer', times: 100 }] });
    const { call } = await companion(id, { limits: { maxInFlight: 3 }, cache: NO_CACHE });
    const refused: string[] = [];
    const calls = Array.from({ length: 30 }, () =>
      call(CREDITS, { body: '{}' }).then((response) => {
        if (response.status === 429) refused.push(response.headers.get('retry-after')!);
        return response.status;
      }),
    );
    // While three are held upstream.origin, every other call is refused at once.
    await until(async () => refused.length === 27, 'the other 27 refused');
    assert.equal((await upstreamLog(id)).length, 3);
    await openGate(id, 'answer');
    assert.deepEqual((await Promise.all(calls)).filter((status) => status === 200).length, 3);
    assert.ok(refused.every((seconds) => Number(seconds) >= 1));
    assert.equal((await upstreamLog(id)).length, 3);
  });

  it('limits one customer’s rate with a token bucket, another customer unaffected', async () => {
    const [a, b] = [await scenario(), await scenario()];
    const limits = { burst: 4, perSecond: 0.5 };
    // The store's clock stands still at the suite's instant: nothing refills between the calls, however slow.
    const store = (await import('../../src/server/limits.js')).memoryStore({ now: () => TEST_NOW.getTime() });
    const first = await companion(a, { limits, store, cache: NO_CACHE });
    const second = await companion(b, { limits, store, cache: NO_CACHE });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await first.call(CREDITS, { body: '{}' })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    const refused = await first.call(CREDITS, { body: '{}' });
    assert.equal(refused.headers.get('retry-after'), '2');
    assert.equal((await second.call(CREDITS, { body: '{}' })).status, 200);
  });

  it('refills the bucket at perSecond calls a second of the store’s clock, no faster', async () => {
    const id = await scenario();
    let clock = TEST_NOW.getTime();
    const store = (await import('../../src/server/limits.js')).memoryStore({ now: () => clock });
    const { call } = await companion(id, { limits: { burst: 4, perSecond: 0.5 }, store, cache: NO_CACHE });
    const status = async () => (await call(CREDITS, { body: '{}' })).status;
    for (let i = 0; i < 4; i++) assert.equal(await status(), 200);
    assert.equal(await status(), 429, 'empty');
    clock += 1_900;
    assert.equal(await status(), 429, '1.9 s at 0.5 a second is not yet one call');
    clock += 100;
    assert.equal(await status(), 200, '2 s is one call');
    assert.equal(await status(), 429, 'and only one');
    clock += 60_000;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await status());
    assert.deepEqual(statuses, [200, 200, 200, 200, 429], 'a minute refills the bucket to its size, no more');
  });

  it('has defaults a real widget never meets: 80 pages in a row are served', async () => {
    const id = await scenario();
    const { call } = await companion(id);
    for (let i = 0; i < 80; i++) assert.equal((await call(CREDITS, { body: '{}' })).status, 200, `page ${i + 1}`);
  });
});

describe('3. limits shared across replicas, on a real redis-server', () => {
  let redis: ChildProcess;
  let url: string;
  /** A redis-server of this test's own (never the system service), once it accepts connections. */
  const startRedis = async (port: number) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await accepting(port, child);
    return child;
  };
  before(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = await startRedis(port);
  });
  after(() => {
    redis.kill();
  });

  it('two handler instances sharing one Redis enforce one rate together', async () => {
    const id = await scenario();
    // Redis keeps its own clock: a refill of one call per 1,000 s leaves none between the calls, however slow.
    const limits = { burst: 4, perSecond: 0.001 };
    const storeA = redisStore(url, { prefix: `${id}:` });
    const storeB = redisStore(url, { prefix: `${id}:` });
    try {
      const a = await companion(id, { limits, store: storeA, cache: NO_CACHE });
      const b = await companion(id, { limits, store: storeB, cache: NO_CACHE });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).call(CREDITS, { body: '{}' })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });

  it('refills at perSecond calls a second of Redis’s own clock, no faster', async () => {
    // A client of the test's own, connected first: the store then counts in Redis from the first call.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, lazyConnect: true });
    await client.connect();
    const store = redisStore(client, { prefix: `refill-${Date.now()}:` });
    try {
      const take = () => store.take('customer', 2, 2);
      assert.deepEqual([(await take()).ok, (await take()).ok], [true, true]);
      const empty = await take();
      assert.equal(empty.ok, false);
      assert.ok(!empty.ok && empty.retryAfterMs > 250 && empty.retryAfterMs <= 500, `retry after ${!empty.ok && empty.retryAfterMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 600));
      // 0.6 s at 2 a second is one call and a fifth: one call, then none.
      assert.deepEqual([(await take()).ok, (await take()).ok], [true, false]);
    } finally {
      client.disconnect();
    }
  });

  it('two handler instances share one cap on calls in flight', async () => {
    const id = await scenario({ faults: [{ route: 'credits', gate: 'answer', times: 10 }] });
    const storeA = redisStore(url, { prefix: `${id}:` });
    const storeB = redisStore(url, { prefix: `${id}:` });
    try {
      const a = await companion(id, { limits: { maxInFlight: 2 }, store: storeA, cache: NO_CACHE });
      const b = await companion(id, { limits: { maxInFlight: 2 }, store: storeB, cache: NO_CACHE });
      const held = [a.call(CREDITS, { body: '{}' }), b.call(CREDITS, { body: '{}' })];
      await until(async () => (await upstreamLog(id)).length === 2, 'two calls upstream.origin');
      assert.equal((await a.call(CREDITS, { body: '{}' })).status, 429);
      assert.equal((await b.call(CREDITS, { body: '{}' })).status, 429);
      await openGate(id, 'answer');
      assert.deepEqual(
        (await Promise.all(held)).map((r) => r.status),
        [200, 200],
      );
      // The slots are free again.
      assert.equal((await a.call(CREDITS, { body: '{}' })).status, 200);
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });

  it('after a stall of 3 s (redis-server paused), the calls whose count timed out hold no place in flight', async () => {
    const id = await scenario();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, lazyConnect: true });
    await client.connect();
    const store = redisStore(client, { prefix: `${id}:` });
    try {
      const { call } = await companion(id, { limits: { maxInFlight: 2 }, store, cache: NO_CACHE });
      assert.equal((await call(CREDITS, { body: '{}' })).status, 200);
      const stalledAt = performance.now();
      redis.kill('SIGSTOP');
      try {
        // Redis does not answer in time: each replica serves within its own limits, and the counts it asked
        // Redis for wait in Redis's socket until it wakes.
        const during = [];
        for (let i = 0; i < 3; i++) during.push((await call(CREDITS, { body: '{}' })).status);
        assert.deepEqual(during, [200, 200, 200]);
        await new Promise((resolve) => setTimeout(resolve, 3_000 - (performance.now() - stalledAt)));
      } finally {
        redis.kill('SIGCONT');
      }
      await until(async () => (await client.ping().catch(() => '')) === 'PONG', 'Redis answers again');
      const after = [];
      for (let i = 0; i < 4; i++) after.push((await call(CREDITS, { body: '{}' })).status);
      assert.deepEqual(after, [200, 200, 200, 200], 'served through Redis again, nothing left in flight');
      assert.equal(await client.zcard(`${id}:calls:${id}`), 0, 'no call counted in Redis');
      assert.equal(warnings.filter((w) => w.includes('Redis is unreachable')).length, 1);
    } finally {
      console.warn = warn;
      client.disconnect();
    }
  });

  it('fails open to each replica’s own limits when Redis is unreachable, and says so once', async () => {
    const id = await scenario();
    const deadPort = await freePort();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    const store = redisStore(`redis://127.0.0.1:${deadPort}`);
    try {
      const { call } = await companion(id, { limits: { burst: 3, perSecond: 0.001 }, store });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(CREDITS, { body: '{}' })).status);
      assert.deepEqual(statuses, [200, 200, 200, 429], 'served, within the replica’s own limit');
      assert.equal(warnings.filter((w) => w.includes('Redis is unreachable')).length, 1);
    } finally {
      console.warn = warn;
      await store.close();
    }
  });
});

describe('4. upstream.origin calls end when their caller leaves', () => {
  it('through toNodeListener: a browser that disconnects aborts the upstream.origin call', async () => {
    const id = await scenario({ faults: [{ route: 'credits', gate: 'never' }] });
    const { call } = await companion(id);
    const leaving = new AbortController();
    const pending = call(CREDITS, { body: '{}', signal: leaving.signal }).catch(() => undefined);
    await until(async () => (await upstreamLog(id)).length === 1, 'the call upstream.origin');
    leaving.abort();
    await pending;
    await until(async () => (await upstreamLog(id))[0]!.aborted === true, 'the upstream.origin call aborted');
  });

  it('through the Fetch handler: the request’s signal aborts the upstream.origin call', async () => {
    const id = await scenario({ faults: [{ route: 'credits', gate: 'never' }] });
    const handler = handlerFor(id);
    const token = (
      (await (await handler(new Request(`http://app${BASE}/token`, { method: 'POST', body: '{}' }))).json()) as { token: string }
    ).token;
    const leaving = new AbortController();
    const pending = handler(
      new Request(`http://app${CREDITS}`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${token}` },
        signal: leaving.signal,
      }),
    );
    await until(async () => (await upstreamLog(id)).length === 1, 'the call upstream.origin');
    leaving.abort();
    await pending;
    await until(async () => (await upstreamLog(id))[0]!.aborted === true, 'the upstream.origin call aborted');
  });
});

describe('5. timeouts in the right order', () => {
  it('waits for Metronome less than the widget waits for an attempt, and refuses a longer wait', () => {
    assert.throws(() => handlerFor('me', { upstreamTimeoutMs: 20_000 }), /below the widget's 20000/);
    assert.throws(() => handlerFor('me', { upstreamTimeoutMs: 30_000 }), /upstreamTimeoutMs/);
  });

  it('answers 504 for a stalled or trickling upstream.origin body', async () => {
    const id = await scenario({ faults: [{ route: 'credits', trickle: true, gate: 'rest' }] });
    const { call } = await companion(id, { upstreamTimeoutMs: 200 });
    const response = await call(CREDITS, { body: '{}' });
    assert.equal(response.status, 504);
    await openGate(id, 'rest');
  });
});

describe('6. only checked values are forwarded', () => {
  it('rebuilds the grants query string: a smuggled parameter is refused, a valid one forwarded as rebuilt', async () => {
    const id = await scenario();
    const { call } = await companion(id);
    assert.equal((await call(`${GRANTS}?limit=1;customer_ids=B`, { body: '{}' })).status, 400);
    assert.equal((await call(`${GRANTS}?limit=5&limit=6`, { body: '{}' })).status, 400);
    assert.equal(
      (await call(`${GRANTS}?limit=5&next_page=${CURSOR}`, { body: '{"effective_before":"2030-01-01T00:00:00Z"}' })).status,
      200,
    );
    const [forwarded] = await upstreamLog(id);
    assert.deepEqual(forwarded!.query, { limit: '5', next_page: CURSOR });
    assert.deepEqual(forwarded!.body, { customer_ids: [id], effective_before: '2030-01-01T00:00:00Z' });
  });

  const wrong: [string, Record<string, unknown>][] = [
    ['limit as a string', { limit: '25' }],
    ['limit past 25', { limit: 26 }],
    ['a fractional limit', { limit: 2.5 }],
    ['next_page as a number', { next_page: 5 }],
    ['include_ledgers as a string', { include_ledgers: 'yes' }],
    ['include_balance as a number', { include_balance: 1 }],
    ['covering_date that is not RFC 3339', { covering_date: 'tomorrow' }],
    ['starting_at on February 30th', { starting_at: '2026-02-30T00:00:00Z' }],
    ['credit_id as a number', { credit_id: 7 }],
    ['a field nested deeper than the call needs', { credit_id: { $ne: null } }],
    ['an array nested in an array', { credit_id: [['x']] }],
  ];
  for (const [name, body] of wrong) {
    it(`refuses ${name} with 400, before Metronome`, async () => {
      const id = await scenario();
      const { call } = await companion(id);
      const response = await call(CREDITS, { body: JSON.stringify(body) });
      assert.equal(response.status, 400);
      assert.deepEqual(await upstreamLog(id), []);
    });
  }

  // Names every object has through its prototype are no fields of a call: each is a 400, in the body and in the
  // query string, never forwarded and never a 500.
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`refuses the field "${name}" with 400, in the body and in the query, before Metronome`, async () => {
      const id = await scenario();
      const { call } = await companion(id);
      const body = await call(CREDITS, { body: `{"${name}": true}` });
      assert.equal(body.status, 400);
      assert.match(String(((await body.json()) as { message: string }).message), /is not allowed here/);
      assert.equal((await call(`${GRANTS}?${name}=1`, { body: '{}' })).status, 400);
      assert.deepEqual(await upstreamLog(id), []);
    });
  }

  it('forwards a valid credits body rebuilt field by field, the customer forced', async () => {
    const id = await scenario();
    const { call } = await companion(id);
    const body = { limit: 10, include_ledgers: true, covering_date: '2026-01-01T00:00:00Z', next_page: CURSOR };
    assert.equal((await call(CREDITS, { body: JSON.stringify(body) })).status, 200);
    assert.deepEqual((await upstreamLog(id))[0]!.body, { customer_id: id, ...body });
  });
});

describe('8. Metronome’s error answers stay on the companion', () => {
  it('gives the browser the status, the retry headers and a short message, and the log Metronome’s own body', async () => {
    const secretDetail = '{"message":"Bad request: internal trace 7f3a, key org_live_1234, body echoed {\\"customer_id\\":\\"x\\"}"}';
    const id = await scenario({
      faults: [
        { route: 'credits', status: 400, body: secretDetail },
        { route: 'credits', status: 429, headers: { 'retry-after': '7' }, body: '{"message":"Rate limited for org 42"}' },
      ],
    });
    const entries: RequestLogEntry[] = [];
    const { call } = await companion(id, { onResponse: (entry) => entries.push(entry) });
    const bad = await call(CREDITS, { body: '{}' });
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), { message: 'Metronome answered with an error (HTTP 400).' });
    const limited = await call(CREDITS, { body: '{}' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    const text = await limited.text();
    assert.ok(!text.includes('org 42'), text);
    const logged = entries.filter((entry) => entry.path.endsWith('/customerCredits/list')).map((entry) => entry.upstreamError);
    assert.deepEqual(logged, [secretDetail, '{"message":"Rate limited for org 42"}']);
  });
});

describe('7. upstream.origin answers are bounded and not followed', () => {
  it('answers 502 past maxUpstreamBytes, without reading the rest', async () => {
    const id = await scenario({ faults: [{ route: 'credits', bodyBytes: 150 * 1024 * 1024 }] });
    const { call } = await companion(id, { maxUpstreamBytes: 1024 * 1024 });
    const response = await call(CREDITS, { body: '{}' });
    assert.equal(response.status, 502);
    const sent = (await upstreamLog(id))[0]!.sent ?? 0;
    assert.ok(sent < 32 * 1024 * 1024, `Metronome was read ${sent} bytes into a 1 MB limit`);
  });

  it('does not follow a redirect', async () => {
    const id = await scenario({
      faults: [{ route: 'credits', status: 302, headers: { location: `${upstream.origin}/elsewhere` }, body: '' }],
    });
    const { call } = await companion(id);
    assert.equal((await call(CREDITS, { body: '{}' })).status, 502);
    assert.equal((await upstreamLog(id)).length, 1);
  });

  it('answers 502 for a 204 or an empty body', async () => {
    for (const fault of [
      { status: 204, body: '' },
      { status: 200, body: '' },
    ]) {
      const id = await scenario({ faults: [{ route: 'credits', ...fault }] });
      const { call } = await companion(id);
      assert.equal((await call(CREDITS, { body: '{}' })).status, 502, `HTTP ${fault.status}`);
    }
  });
});

describe('8. every other method is 405', () => {
  it('an unknown method, through the Fetch handler (Node’s own parser answers 400 before any handler)', async () => {
    const response = await handlerFor('me')(new Request(`http://app${CREDITS}`, { method: 'FOO' }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
  });

  it('TRACE, PUT, PATCH, DELETE and GET, through Node', async () => {
    const { origin } = await companion('me');
    const { request } = await import('node:http');
    for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE', 'GET']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${origin}${CREDITS}`, { method }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(status, 405, method);
    }
  });
});
