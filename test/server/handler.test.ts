// The server companion over real HTTP: the handler behind Node's http server (through toNodeListener), in
// front of the mock Metronome on another real HTTP server. Every response is checked for the secret key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { CUSTOMERS } from '../../demo/mock/fixtures.js';
import { MOCK_API_KEY } from '../../demo/mock/metronome.js';
import { type CreditBalanceHandlerOptions, createCreditBalanceHandler, toNodeListener } from '../../src/server/index.js';
import { BASE, SECRET, configErrorAbout, freePort, listen, scenario, upstream, upstreamLog } from './helpers.js';

/** A companion server in front of the mock; `authorize` signs in `customer` (or nobody). */
async function companion(customer: string | null, options: Partial<CreditBalanceHandlerOptions> = {}) {
  const handler = createCreditBalanceHandler({
    metronomeToken: MOCK_API_KEY,
    signingSecret: SECRET,
    metronomeBaseUrl: upstream.origin,
    authorize: () => (customer ? { customerId: customer } : null),
    ...options,
  });
  const origin = await listen(toNodeListener(handler));
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${origin}${path}`, { method: 'POST', ...init });
    const text = await response.text();
    const headers = JSON.stringify([...response.headers]);
    assert.ok(!text.includes(MOCK_API_KEY) && !headers.includes(MOCK_API_KEY), 'the Metronome key leaked into a response');
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const token = async () => (await call(`${BASE}/token`, { body: '{}' })).json().token as string;
  const list = async (path: string, body: unknown, bearer?: string, query = '') =>
    call(`${BASE}${path}${query}`, {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    });
  return { origin, call, token, list };
}

const CREDITS = '/v1/contracts/customerCredits/list';
const GRANTS = '/v1/credits/listGrants';

describe('POST {basePath}/token', () => {
  it('refuses with 401 and no token when authorize says no one is signed in', async () => {
    const { call } = await companion(null);
    const response = await call(`${BASE}/token`, { body: '{}' });
    assert.equal(response.status, 401);
    assert.ok(!('token' in response.json()));
  });

  it('mints a short-lived token bound to the customer, with what the widget expects', async () => {
    const { call } = await companion('cust-1', { tokenTtlSeconds: 120 });
    const before = Date.now();
    const response = await call(`${BASE}/token`, { body: JSON.stringify({ customer_id: 'ignored' }) });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = response.json();
    assert.equal(body.customer_id, 'cust-1');
    assert.equal(body.api_base, BASE);
    assert.match(String(body.token), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const lifetime = Date.parse(String(body.expires_at)) - before;
    assert.ok(lifetime > 118_000 && lifetime <= 121_000, `lifetime ${lifetime}`);
  });

  it('answers 500 without details when the session check throws', async () => {
    const { call } = await companion(null, {
      authorize: () => {
        throw new Error('database password is hunter2');
      },
    });
    const response = await call(`${BASE}/token`, { body: '{}' });
    assert.equal(response.status, 500);
    assert.ok(!response.text.includes('hunter2'));
  });
});

describe('the credits list', () => {
  it('forwards to Metronome with the secret key and the token’s customer forced into the body', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { token, list } = await companion(id);
    const response = await list(CREDITS, { include_balance: true, limit: 25 }, await token());
    assert.equal(response.status, 200);
    assert.equal((response.json().data as unknown[]).length, 8 - 1 - 3); // customer-level, non-archived only
    const [forwarded] = await upstreamLog(id);
    assert.equal(forwarded!.authorization, `Bearer ${MOCK_API_KEY}`);
    assert.deepEqual(forwarded!.body, { include_balance: true, limit: 25, customer_id: id });
  });

  it('passes pagination through in the body', async () => {
    const id = await scenario({ base: CUSTOMERS.many });
    const { token, list } = await companion(id);
    const bearer = await token();
    const first = (await list(CREDITS, { customer_id: id, limit: 25 }, bearer)).json();
    const second = (await list(CREDITS, { customer_id: id, limit: 25, next_page: first.next_page }, bearer)).json();
    assert.equal((second.data as unknown[]).length, 25);
    assert.notDeepEqual(second.data, first.data);
  });

  it('refuses a token for customer A asking for customer B (403), without calling Metronome', async () => {
    const a = await scenario({ base: CUSTOMERS.acme });
    const { token, list } = await companion(a);
    const response = await list(CREDITS, { customer_id: CUSTOMERS.acme }, await token());
    assert.equal(response.status, 403);
    assert.deepEqual(await upstreamLog(a), []);
  });

  it('refuses fields it does not know (400)', async () => {
    const { token, list } = await companion('c');
    const response = await list(CREDITS, { customer_ids: ['someone-else'] }, await token());
    assert.equal(response.status, 400);
    assert.match(String(response.json().message), /customer_ids/);
  });

  it('refuses a query string on a call that takes its paging in the body (400), without calling Metronome', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { token, list } = await companion(id);
    const response = await list(CREDITS, {}, await token(), '?limit=1');
    assert.equal(response.status, 400);
    assert.match(String(response.json().message), /query parameter "limit"/);
    assert.deepEqual(await upstreamLog(id), []);
  });

  describe('refuses a missing, forged or expired token with 401', () => {
    const cases: { name: string; bearer: () => Promise<string | undefined> }[] = [
      { name: 'no token', bearer: async () => undefined },
      { name: 'garbage', bearer: async () => 'not-a-jwt' },
      {
        name: 'signed with another secret',
        bearer: () =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('c')
            .setAudience('credit-balance')
            .setIssuer('credit-balance/server')
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode('x'.repeat(40))),
      },
      {
        name: 'expired',
        bearer: () =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('c')
            .setAudience('credit-balance')
            .setIssuer('credit-balance/server')
            .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
            .sign(new TextEncoder().encode(SECRET)),
      },
      {
        name: 'for another audience',
        bearer: () =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('c')
            .setAudience('other')
            .setIssuer('credit-balance/server')
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode(SECRET)),
      },
      {
        name: 'with alg "none"',
        bearer: async () => {
          const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
          return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'c', aud: 'credit-balance', iss: 'credit-balance/server', exp: Math.floor(Date.now() / 1000) + 300 })}.`;
        },
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { list } = await companion('c');
        const response = await list(CREDITS, { customer_id: 'c' }, await c.bearer());
        assert.equal(response.status, 401);
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      });
    }
  });
});

/** The two contract lists beside "List credits": forwarded exactly as it is, each with its own fields. */
const CONTRACT_LISTS = [
  {
    name: 'List commits',
    path: '/v1/contracts/customerCommits/list',
    contractField: 'include_contract_commits',
    idField: 'commit_id',
    count: 3,
  },
  {
    name: 'List balances',
    path: '/v1/contracts/customerBalances/list',
    contractField: 'include_contract_balances',
    idField: 'id',
    count: 5,
  },
];
for (const { name, path, contractField, idField, count } of CONTRACT_LISTS) {
  describe(`${name} (${path})`, () => {
    it('forwards with the secret key, the token’s customer forced into the body and only its documented fields', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const { token, list } = await companion(id);
      const body = {
        include_balance: true,
        include_ledgers: true,
        [contractField]: true,
        limit: 25,
        covering_date: '2030-01-01T00:00:00Z',
      };
      const response = await list(path, { ...body, covering_date: undefined }, await token());
      assert.equal(response.status, 200);
      assert.equal((response.json().data as unknown[]).length, count);
      await list(path, body, await token());
      const [first, second] = await upstreamLog(id);
      assert.equal(first!.authorization, `Bearer ${MOCK_API_KEY}`);
      assert.deepEqual(second!.body, { ...body, customer_id: id });
    });

    it('passes one item’s id and the cursor on, and refuses a page size past 25', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const { token, list } = await companion(id);
      const bearer = await token();
      const first = (await list(path, { [contractField]: true, limit: 1 }, bearer)).json();
      assert.equal(typeof first.next_page, 'string');
      const second = (await list(path, { [contractField]: true, limit: 1, next_page: first.next_page }, bearer)).json();
      assert.notDeepEqual(second.data, first.data);
      const picked = (first.data as { id: string }[])[0]!.id;
      const one = (await list(path, { [contractField]: true, [idField]: picked }, bearer)).json();
      assert.deepEqual(
        (one.data as { id: string }[]).map((item) => item.id),
        [picked],
      );
      const before = (await upstreamLog(id)).length;
      assert.equal((await list(path, { limit: 26 }, bearer)).status, 400);
      assert.equal((await upstreamLog(id)).length, before, 'a refused call never reaches Metronome');
    });

    it('refuses another customer (403), an unknown field, a wrong type or a query string (400), without calling Metronome', async () => {
      const id = await scenario({ base: CUSTOMERS.contract });
      const { token, list } = await companion(id);
      const bearer = await token();
      assert.equal((await list(path, { customer_id: CUSTOMERS.contract }, bearer)).status, 403);
      assert.equal((await list(path, { customer_ids: [id] }, bearer)).status, 400);
      assert.equal((await list(path, { include_credits: true }, bearer)).status, 400);
      assert.equal((await list(path, { [contractField]: 'yes' }, bearer)).status, 400);
      assert.equal((await list(path, { covering_date: '2030-02-30T00:00:00Z' }, bearer)).status, 400);
      assert.equal((await list(path, {}, bearer, '?limit=5')).status, 400);
      assert.deepEqual(await upstreamLog(id), []);
    });

    it('refuses a call without a valid token (401)', async () => {
      const { list } = await companion('c');
      const response = await list(path, {}, 'not-a-token');
      assert.equal(response.status, 401);
    });
  });
}

describe('the grants list', () => {
  it('forces customer_ids to the token’s customer and passes limit and next_page in the query', async () => {
    const id = await scenario({ base: CUSTOMERS.plans, grants: undefined });
    const { token, list } = await companion(id);
    const response = await list(GRANTS, { effective_before: '2100-01-01T00:00:00Z' }, await token(), '?limit=2');
    assert.equal(response.status, 200);
    const [forwarded] = await upstreamLog(id);
    assert.deepEqual(forwarded!.body, { effective_before: '2100-01-01T00:00:00Z', customer_ids: [id] });
    assert.deepEqual(forwarded!.query, { limit: '2' });
  });

  it('refuses credit_grant_ids, which could reach another customer’s grants', async () => {
    const id = await scenario({ base: CUSTOMERS.plans });
    const { token, list } = await companion(id);
    const response = await list(GRANTS, { credit_grant_ids: ['grant-of-someone-else'] }, await token());
    assert.equal(response.status, 400);
    assert.deepEqual(await upstreamLog(id), []);
  });

  it('refuses customer_ids naming anyone else', async () => {
    const { token, list } = await companion('me');
    for (const ids of [['someone-else'], ['me', 'someone-else']]) {
      assert.equal((await list(GRANTS, { customer_ids: ids }, await token())).status, 403);
    }
    // Not an array of ids at all: a wrong type.
    assert.equal((await list(GRANTS, { customer_ids: 'me' }, await token())).status, 400);
  });

  it('refuses unknown query parameters', async () => {
    const { token, list } = await companion('me');
    assert.equal((await list(GRANTS, {}, await token(), '?limit=2&customer_id=x')).status, 400);
  });
});

describe('the contracts list, for the automatic top-up', () => {
  const CONTRACTS = '/v2/contracts/list';

  it('passes back nothing of a contract but the fields of its prepaid balance threshold configuration', async () => {
    const id = await scenario({ base: CUSTOMERS.contract });
    const { token, list } = await companion(id);
    const response = await list(CONTRACTS, { covering_date: '2100-01-01T00:00:00Z' }, await token());
    assert.equal(response.status, 200);
    const [forwarded] = await upstreamLog(id);
    assert.deepEqual(forwarded!.body, { covering_date: '2100-01-01T00:00:00Z', customer_id: id });
    // The mock's contract (ends long before 2100) is not in force then; asked for now, it is, and of it
    // only the threshold's four fields come back: no rates, overrides, ids, spend threshold, commit or payment.
    assert.deepEqual(response.json(), { data: [] });
    const now = await list(CONTRACTS, {}, await token());
    assert.deepEqual(now.json(), {
      data: [{ prepaid_balance_threshold_configuration: { is_enabled: true, threshold_amount: 2_000, recharge_to_amount: 10_000 } }],
    });
    for (const secret of ['Enterprise agreement', 'internal', 'STRIPE', 'payment_fraction', 'spend_threshold', '500000', 'rate_card']) {
      assert.ok(!now.text.includes(secret), secret);
    }
  });

  it('refuses another customer (403) and the fields it does not need (400), without calling Metronome', async () => {
    const id = await scenario({ base: CUSTOMERS.contract });
    const { token, list } = await companion(id);
    const bearer = await token();
    assert.equal((await list(CONTRACTS, { customer_id: 'someone-else' }, bearer)).status, 403);
    for (const body of [
      { include_ledgers: true },
      { include_balance: true },
      { starting_at: '2026-01-01T00:00:00Z' },
      { covering_date: 7 },
    ]) {
      assert.equal((await list(CONTRACTS, body, bearer)).status, 400, JSON.stringify(body));
    }
    assert.deepEqual(await upstreamLog(id), []);
  });

  it('answers 502 when Metronome’s contract list cannot be read, and passes its errors on as any list’s', async () => {
    const id = await scenario({
      base: CUSTOMERS.contract,
      faults: [
        { route: 'contracts', body: '{"data": {}}' },
        { route: 'contracts', status: 404 },
      ],
    });
    const { token, list } = await companion(id);
    const bearer = await token();
    assert.equal((await list(CONTRACTS, {}, bearer)).status, 502);
    const missing = await list(CONTRACTS, {}, bearer);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), { message: 'Metronome answered with an error (HTTP 404).' });
  });
});

describe('everything else is refused', () => {
  it('404 for other paths, under the base path or not', async () => {
    const { call, token } = await companion('c');
    const bearer = await token();
    for (const path of [
      `${BASE}/v1/customers`,
      `${BASE}/v1/contracts/customerCommits/list`,
      '/v1/contracts/customerCredits/list',
      '/',
      `${BASE}`,
    ]) {
      const response = await call(path, { headers: { authorization: `Bearer ${bearer}` }, body: '{}' });
      assert.equal(response.status, 404, path);
      assert.equal(typeof response.json().message, 'string');
    }
  });

  it('405 for other methods', async () => {
    const { call } = await companion('c');
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await call(`${BASE}${CREDITS}`, { method, ...(method !== 'GET' && { body: '{}' }) });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
    }
  });

  it('400 for a body that is not a JSON object', async () => {
    const { token, list } = await companion('c');
    const bearer = await token();
    for (const body of ['{not json', '[1,2]', '"text"', '']) {
      assert.equal((await list(CREDITS, body, bearer)).status, 400, body);
    }
  });

  it('413 for a body over 64 KB, declared or streamed', async () => {
    const { token, list, origin } = await companion('c');
    const bearer = await token();
    const big = JSON.stringify({ next_page: 'x'.repeat(70 * 1024) });
    assert.equal((await list(CREDITS, big, bearer)).status, 413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const response = await fetch(`${origin}${BASE}${CREDITS}`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { authorization: `Bearer ${bearer}` },
    } as RequestInit);
    assert.equal(response.status, 413);
  });
});

describe('Metronome’s faults', () => {
  it('passes 429 and Retry-After through', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 429, headers: { 'retry-after': '7' } }] });
    const { token, list } = await companion(id);
    const response = await list(CREDITS, {}, await token());
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '7');
  });

  it('answers 504 when Metronome is too slow', async () => {
    // Metronome's answer is held back until the companion has given up on it.
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'answer' }] });
    const { token, list } = await companion(id, { upstreamTimeoutMs: 100 });
    const response = await list(CREDITS, {}, await token());
    assert.equal(response.status, 504);
    assert.match(String(response.json().message), /did not answer/);
    await fetch(`${upstream.origin}/__scenarios/${id}/gates/answer`, { method: 'POST' });
  });

  it('answers 502 when Metronome cannot be reached', async () => {
    const { token, list } = await companion('c', { metronomeBaseUrl: `http://127.0.0.1:${await freePort()}` });
    const response = await list(CREDITS, {}, await token());
    assert.equal(response.status, 502);
  });

  it('answers 502, not 401, when Metronome refuses the server’s key', async () => {
    const id = await scenario({ base: CUSTOMERS.acme });
    const { token, list } = await companion(id, { metronomeToken: 'a-wrong-key' });
    const response = await list(CREDITS, {}, await token());
    assert.equal(response.status, 502);
    assert.match(String(response.json().message), /refused the server’s API key/);
  });
});

describe('CORS with allowedOrigins', () => {
  it('answers the preflight of an allowed origin and marks its responses', async () => {
    const { call, token } = await companion('c', { allowedOrigins: ['https://app.example.com'] });
    const preflight = await call(`${BASE}${CREDITS}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const response = await call(`${BASE}/token`, { headers: { origin: 'https://app.example.com' }, body: '{}' });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    assert.equal(typeof (await token()), 'string');
  });

  it('gives other origins nothing to read', async () => {
    const { call } = await companion('c', { allowedOrigins: ['https://app.example.com'] });
    const preflight = await call(`${BASE}${CREDITS}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(preflight.status, 403);
    const response = await call(`${BASE}/token`, { headers: { origin: 'https://evil.example' }, body: '{}' });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  // Origins that look like the allowed one are other sites: only the exact origin is allowed.
  const lookalikes = [
    ['a suffix', 'https://app.example.com.evil.net'],
    ['a prefix', 'https://evil-app.example.com'],
    ['another port', 'https://app.example.com:8443'],
    ['http for https', 'http://app.example.com'],
    ['a trailing dot', 'https://app.example.com.'],
    ['upper case', 'https://APP.example.com'],
    ['a path', 'https://app.example.com/'],
    ['null', 'null'],
  ];
  for (const [name, origin] of lookalikes) {
    it(`gives a lookalike origin nothing to read: ${name}`, async () => {
      const { call } = await companion('c', { allowedOrigins: ['https://app.example.com'] });
      const preflight = await call(`${BASE}${CREDITS}`, { method: 'OPTIONS', headers: { origin: origin! } });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const response = await call(`${BASE}/token`, { headers: { origin: origin! }, body: '{}' });
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    });
  }
});

describe('configuration errors fail at construction', () => {
  const valid: CreditBalanceHandlerOptions = { metronomeToken: 'k', signingSecret: SECRET, authorize: () => null };
  const cases: { name: string; options: Partial<CreditBalanceHandlerOptions>; about: string[] }[] = [
    { name: 'a missing key', options: { metronomeToken: undefined as unknown as string }, about: ['metronomeToken'] },
    { name: 'an empty key', options: { metronomeToken: ' ' }, about: ['metronomeToken'] },
    { name: 'a short signing secret', options: { signingSecret: 'short' }, about: ['signingSecret'] },
    { name: 'no authorize', options: { authorize: undefined as never }, about: ['authorize', 'hostJwt', 'sessionCheck'] },
    { name: 'an authorize that is no function', options: { authorize: 'me' as never }, about: ['authorize'] },
    { name: 'a long token lifetime', options: { tokenTtlSeconds: 86_400 }, about: ['tokenTtlSeconds'] },
    { name: 'a relative base path', options: { basePath: 'api' }, about: ['basePath'] },
    { name: 'a bad Metronome URL', options: { metronomeBaseUrl: 'not a url' }, about: ['metronomeBaseUrl'] },
    { name: 'a Metronome URL that is not http(s)', options: { metronomeBaseUrl: 'ftp://api.metronome.com' }, about: ['metronomeBaseUrl'] },
    { name: 'an origin with a path', options: { allowedOrigins: ['https://app.example.com/settings'] }, about: ['allowedOrigins'] },
    { name: 'a body timeout of 0', options: { bodyTimeoutMs: 0 }, about: ['bodyTimeoutMs'] },
    { name: 'a fractional answer cap', options: { maxUpstreamBytes: 1.5 }, about: ['maxUpstreamBytes'] },
    { name: 'a negative burst', options: { limits: { burst: -1 } }, about: ['limits.burst'] },
    { name: 'a burst below one call (it would refuse every call)', options: { limits: { burst: 0.5 } }, about: ['limits.burst'] },
    { name: 'a body timeout past what a timer holds', options: { bodyTimeoutMs: 2 ** 31 }, about: ['bodyTimeoutMs'] },
    { name: '"*" as an allowed origin', options: { allowedOrigins: ['*'] }, about: ['allowedOrigins'] },
    {
      name: 'a Metronome URL with a password in it',
      options: { metronomeBaseUrl: 'https://user:hunter2@api.metronome.com' },
      about: ['metronomeBaseUrl'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => createCreditBalanceHandler({ ...valid, ...c.options }), configErrorAbout(...c.about));
    });
  }

  it('never repeats a URL that may hold a secret, and says why "*" is refused', () => {
    const message = (options: Partial<CreditBalanceHandlerOptions>) => {
      try {
        createCreditBalanceHandler({ ...valid, ...options });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    for (const metronomeBaseUrl of ['https://user:hunter2@api.metronome.com', 'https://user:hunter2 @api.metronome.com']) {
      assert.doesNotMatch(message({ metronomeBaseUrl }), /hunter2/);
    }
    assert.match(message({ allowedOrigins: ['*'] }), /"\*" would let every site read a signed-in customer’s credits/);
  });
});

describe('options read at the first request', () => {
  it('builds without the secrets, fails every request loudly while one is missing, and serves once it is set', async () => {
    const env: Record<string, string | undefined> = {};
    // As a Next.js route module is loaded by `next build`, with no secrets in the build environment.
    const handler = createCreditBalanceHandler(() => ({
      metronomeToken: env.METRONOME_BEARER_TOKEN!,
      signingSecret: SECRET,
      authorize: () => ({ customerId: 'c-1' }),
    }));
    const request = () => new Request(`http://app.test${BASE}/token`, { method: 'POST', body: '{}' });
    await assert.rejects(handler(request()), /createCreditBalanceHandler: metronomeToken is missing/);
    await assert.rejects(handler(request()), /metronomeToken is missing/, 'every request, not only the first');
    env.METRONOME_BEARER_TOKEN = 'k';
    const response = await handler(request());
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { customer_id: string }).customer_id, 'c-1');
  });
});
