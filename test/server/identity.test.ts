// Authorization without writing JavaScript, over real HTTP: the host's own JWT (a shared HS256 secret, or an
// ES256 key from a local JWKS endpoint that rotates its key), and a session check URL asked with the browser's
// cookies (cached, timed out, refused).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { MOCK_API_KEY } from '../../demo/mock/metronome.js';
import { type CreditBalanceHandlerOptions, createCreditBalanceHandler, toNodeListener } from '../../src/server/index.js';
import { BASE, SECRET, configErrorAbout, listen, upstream } from './helpers.js';

const HOST_SECRET = 'the-host-applications-own-jwt-secret!!';

/** A companion on a real port, signing in whoever `options` say; its origin. */
const companionOrigin = (options: Partial<CreditBalanceHandlerOptions>) =>
  listen(
    toNodeListener(
      createCreditBalanceHandler({ metronomeToken: MOCK_API_KEY, signingSecret: SECRET, metronomeBaseUrl: upstream.origin, ...options }),
    ),
  );

/** A companion signing in whoever `options` say, and a function that asks it for a token. */
async function companion(options: Partial<CreditBalanceHandlerOptions>) {
  const origin = await companionOrigin(options);
  return async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${origin}${BASE}/token`, { method: 'POST', body: '{}', headers });
    const body = (await response.json()) as { customer_id?: string };
    return { status: response.status, customer: body.customer_id };
  };
}

/** The status of a token request to `origin` on a connection of its own from the loopback address `from`. */
const tokenFrom = (origin: string, from: string, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    const request = httpRequest(`${origin}${BASE}/token`, { method: 'POST', localAddress: from, agent: false, headers }, (response) => {
      response.resume().on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject).end('{}');
  });

const hostJwt = (claims: Record<string, unknown>, key: Parameters<SignJWT['sign']>[0], alg = 'HS256', kid?: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid && { kid }) })
    .setIssuer('https://app.example')
    .setAudience('credit-balance')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);

/**
 * A host JWT for `cust-1` that is right but for one thing: `aud` (null: none), `exp` (null: none) or `iat`, in
 * seconds from now.
 */
async function oneThingWrong(
  key: Parameters<SignJWT['sign']>[0],
  { aud = 'credit-balance', exp = 300, iat = 0 }: { aud?: string | null; exp?: number | null; iat?: number },
  alg = 'HS256',
  kid?: string,
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ metronome_customer_id: 'cust-1' })
    .setProtectedHeader({ alg, ...(kid && { kid }) })
    .setIssuer('https://app.example')
    .setIssuedAt(now + iat);
  if (aud !== null) jwt.setAudience(aud);
  if (exp !== null) jwt.setExpirationTime(now + exp);
  return jwt.sign(key);
}

/** Tokens a correctly signed JWT of the host's must still not sign in: each right but for one claim. */
const wrongClaims = [
  { name: 'issued for another app of the same identity provider', claims: { aud: 'another-app' } },
  { name: 'without an audience', claims: { aud: null } },
  { name: 'without an expiry (it would never expire)', claims: { exp: null } },
  { name: 'issued a year from now', claims: { iat: 365 * 86_400, exp: 366 * 86_400 } },
];

describe('the host’s own JWT, with a shared HS256 secret', () => {
  const secret = new TextEncoder().encode(HOST_SECRET);
  const options = { hostJwt: { secret: HOST_SECRET, issuer: 'https://app.example', audience: 'credit-balance', cookie: 'app_session' } };

  it('signs in the customer its claim names, from the Authorization header or the cookie', async () => {
    const token = await companion(options);
    const jwt = await hostJwt({ metronome_customer_id: 'cust-1' }, secret);
    assert.deepEqual(await token({ authorization: `Bearer ${jwt}` }), { status: 200, customer: 'cust-1' });
    assert.deepEqual(await token({ cookie: `other=1; app_session=${jwt}` }), { status: 200, customer: 'cust-1' });
  });

  it('refuses a forged, expired, foreign or customer-less token, and none at all, with 401', async () => {
    const token = await companion(options);
    const forged = await hostJwt({ metronome_customer_id: 'cust-1' }, new TextEncoder().encode('someone-elses-secret-of-32-bytes!!!'));
    const expired = await new SignJWT({ metronome_customer_id: 'cust-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://app.example')
      .setAudience('credit-balance')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
      .sign(secret);
    const foreign = await new SignJWT({ metronome_customer_id: 'cust-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://elsewhere.example')
      .setAudience('credit-balance')
      .setExpirationTime('5m')
      .sign(secret);
    const nobody = await hostJwt({ sub: 'user-1' }, secret);
    for (const jwt of [forged, expired, foreign, nobody]) assert.equal((await token({ authorization: `Bearer ${jwt}` })).status, 401);
    assert.equal((await token()).status, 401);
  });

  for (const wrong of wrongClaims) {
    it(`refuses a token ${wrong.name}, with 401`, async () => {
      const token = await companion(options);
      assert.equal((await token({ authorization: `Bearer ${await oneThingWrong(secret, wrong.claims)}` })).status, 401);
    });
  }

  it('refuses a token valid for longer than the maximum lifetime (30 days by default, configurable), with 401', async () => {
    const token = await companion(options);
    const year2200 = Math.floor(Date.UTC(2200, 0, 1) / 1000) - Math.floor(Date.now() / 1000);
    assert.equal((await token({ authorization: `Bearer ${await oneThingWrong(secret, { exp: year2200 })}` })).status, 401);
    assert.equal((await token({ authorization: `Bearer ${await oneThingWrong(secret, { exp: 31 * 86_400 })}` })).status, 401);
    assert.equal((await token({ authorization: `Bearer ${await oneThingWrong(secret, { exp: 29 * 86_400 })}` })).status, 200);
    const strict = await companion({ hostJwt: { ...options.hostJwt, maxLifetimeSeconds: 600 } });
    assert.equal((await strict({ authorization: `Bearer ${await oneThingWrong(secret, { exp: 300 })}` })).status, 200);
    assert.equal((await strict({ authorization: `Bearer ${await oneThingWrong(secret, { exp: 3600 })}` })).status, 401);
    assert.throws(
      () =>
        createCreditBalanceHandler({ metronomeToken: 'k', signingSecret: SECRET, hostJwt: { ...options.hostJwt, maxLifetimeSeconds: 0 } }),
      configErrorAbout('hostJwt.maxLifetimeSeconds'),
    );
  });

  it('accepts a token issued a few seconds ahead, within the clock tolerance', async () => {
    const token = await companion(options);
    assert.equal((await token({ authorization: `Bearer ${await oneThingWrong(secret, { iat: 20 })}` })).status, 200);
  });

  it('answers 401, not 500, to a cookie whose percent-escapes are malformed', async () => {
    const token = await companion(options);
    assert.equal((await token({ cookie: 'app_session=%E0%A4%A' })).status, 401);
    assert.equal((await token({ cookie: 'app_session=%zz' })).status, 401);
  });

  it('tolerates a clock 30 s behind by default', async () => {
    const token = await companion(options);
    const justExpired = await new SignJWT({ metronome_customer_id: 'cust-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://app.example')
      .setAudience('credit-balance')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(secret);
    assert.equal((await token({ authorization: `Bearer ${justExpired}` })).status, 200);
  });

  it('refuses bad options at start-up, naming them', () => {
    const make = (hostJwtOptions: object) => () =>
      createCreditBalanceHandler({ metronomeToken: 'k', signingSecret: SECRET, hostJwt: hostJwtOptions as never });
    assert.throws(make({ secret: 'short', issuer: 'i', audience: 'a' }), configErrorAbout('hostJwt.secret'));
    assert.throws(make({ issuer: 'i', audience: 'a' }), configErrorAbout('hostJwt.jwksUrl', 'hostJwt.secret'));
    assert.throws(
      make({ jwksUrl: 'https://idp.example/jwks', secret: HOST_SECRET, issuer: 'i', audience: 'a' }),
      configErrorAbout('hostJwt.jwksUrl', 'hostJwt.secret'),
    );
    assert.throws(make({ secret: HOST_SECRET, audience: 'a' }), configErrorAbout('hostJwt.issuer'));
    assert.throws(make({ secret: HOST_SECRET, issuer: 'i' }), configErrorAbout('hostJwt.audience'));
    assert.throws(make({ jwksUrl: 'not a url', issuer: 'i', audience: 'a' }), configErrorAbout('hostJwt.jwksUrl'));
    assert.throws(
      () => createCreditBalanceHandler({ metronomeToken: 'k', signingSecret: SECRET, authorize: () => null, ...options }),
      configErrorAbout('authorize', 'hostJwt', 'sessionCheck'),
    );
  });
});

describe('the host’s own JWT, verified against a JWKS endpoint (ES256)', () => {
  it('verifies with the published key, and follows a rotation to a new key', async () => {
    const first = await generateKeyPair('ES256');
    const second = await generateKeyPair('ES256');
    const published = { keys: [{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'ES256' }] };
    let fetches = 0;
    const jwks = await listen((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
    });
    const token = await companion({
      hostJwt: { jwksUrl: `${jwks}/.well-known/jwks.json`, issuer: 'https://app.example', audience: 'credit-balance', jwksCooldownMs: 0 },
    });
    const one = await hostJwt({ metronome_customer_id: 'cust-1' }, first.privateKey, 'ES256', 'k1');
    assert.deepEqual(await token({ authorization: `Bearer ${one}` }), { status: 200, customer: 'cust-1' });
    assert.deepEqual(await token({ authorization: `Bearer ${one}` }), { status: 200, customer: 'cust-1' });
    assert.equal(fetches, 1, 'the keys are cached');

    // The provider rotates: a new key signs, the old one is withdrawn.
    published.keys = [{ ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'ES256' }];
    const two = await hostJwt({ metronome_customer_id: 'cust-2' }, second.privateKey, 'ES256', 'k2');
    assert.deepEqual(await token({ authorization: `Bearer ${two}` }), { status: 200, customer: 'cust-2' });
    assert.equal(fetches, 2, 'an unknown key id fetches the keys again');
    // Signed by the published key, for another audience or none: refused.
    for (const aud of ['another-app', null]) {
      assert.equal(
        (await token({ authorization: `Bearer ${await oneThingWrong(second.privateKey, { aud }, 'ES256', 'k2')}` })).status,
        401,
      );
    }
    // A token signed by a key the JWKS does not hold is refused.
    const stranger = await generateKeyPair('ES256');
    assert.equal(
      (await token({ authorization: `Bearer ${await hostJwt({ metronome_customer_id: 'x' }, stranger.privateKey, 'ES256', 'k9')}` }))
        .status,
      401,
    );
  });
});

describe('an identity provider that fails', () => {
  const jwt = async () => {
    const { privateKey } = await generateKeyPair('ES256');
    return hostJwt({ metronome_customer_id: 'cust-1' }, privateKey, 'ES256', 'k1');
  };
  const jwksOptions = (url: string, more = {}) => ({
    hostJwt: { jwksUrl: url, issuer: 'https://app.example', audience: 'credit-balance', ...more },
  });

  it('is asked once per cooldown while its JWKS answers 500, not once per request', async () => {
    let fetches = 0;
    const jwks = await listen((_req, res) => {
      fetches += 1;
      res.writeHead(500).end();
    });
    const token = await companion(jwksOptions(`${jwks}/jwks.json`));
    const signed = await jwt();
    for (let i = 0; i < 20; i++) assert.equal((await token({ authorization: `Bearer ${signed}` })).status, 401);
    assert.equal(fetches, 1);
  });

  it('keeps verifying with the keys it has while its JWKS is down: unknown key ids, once a cooldown, sign no one else out', async () => {
    const known = await generateKeyPair('ES256');
    const published = { keys: [{ ...(await exportJWK(known.publicKey)), kid: 'k1', alg: 'ES256' }] };
    let down = false;
    let fetches = 0;
    const jwks = await listen((_req, res) => {
      fetches += 1;
      if (down) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
    });
    const cooldownMs = 100;
    const token = await companion(jwksOptions(`${jwks}/jwks.json`, { jwksCooldownMs: cooldownMs }));
    const customer = await hostJwt({ metronome_customer_id: 'cust-1' }, known.privateKey, 'ES256', 'k1');
    assert.deepEqual(await token({ authorization: `Bearer ${customer}` }), { status: 200, customer: 'cust-1' });

    down = true;
    const stranger = await generateKeyPair('ES256');
    const unknownKid = await hostJwt({ metronome_customer_id: 'x' }, stranger.privateKey, 'ES256', 'k-unknown');
    const signedIn: number[] = [];
    for (let round = 0; round < 4; round++) {
      // A cooldown has passed: the unknown key id makes the companion ask the JWKS, which fails.
      await new Promise((resolve) => setTimeout(resolve, cooldownMs + 20));
      assert.equal((await token({ authorization: `Bearer ${unknownKid}` })).status, 401);
      for (let i = 0; i < 10; i++) signedIn.push((await token({ authorization: `Bearer ${customer}` })).status);
    }
    assert.deepEqual(signedIn, Array(40).fill(200), 'the 40 sign-ins with the kept key');
    assert.equal(fetches, 1 + 4, 'one fetch for the keys, then one per cooldown for the unknown key id');
  });

  it('reads no more of a JWKS than maxJwksBytes, however large', async () => {
    let sent = 0;
    const jwks = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = () => {
        // An endless answer, as fast as the companion reads it, until it hangs up.
        while (!res.destroyed && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    });
    const token = await companion(jwksOptions(`${jwks}/jwks.json`, { maxJwksBytes: 64 * 1024 }));
    assert.equal((await token({ authorization: `Bearer ${await jwt()}` })).status, 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(sent < 16 * 1024 * 1024, `${sent} bytes sent before the companion hung up`);
  });
});

describe('a session check URL', () => {
  it('asks the host with the browser’s cookies, reads the customer, and reuses the answer for a while', async () => {
    let asked = 0;
    const host = await listen((req, res) => {
      asked += 1;
      const signedIn = req.headers.cookie?.includes('session=abc');
      res
        .writeHead(signedIn ? 200 : 401, { 'content-type': 'application/json' })
        .end(JSON.stringify(signedIn ? { user: { metronome: 'cust-7' } } : {}));
    });
    const token = await companion({ sessionCheck: { url: `${host}/api/me`, customerField: 'user.metronome' } });
    assert.deepEqual(await token({ cookie: 'session=abc' }), { status: 200, customer: 'cust-7' });
    assert.deepEqual(await token({ cookie: 'session=abc' }), { status: 200, customer: 'cust-7' });
    assert.equal(asked, 1, 'cached for the same cookies');
    assert.equal((await token({ cookie: 'session=other' })).status, 401, 'a non-200 answer is nobody');
    assert.equal((await token()).status, 401, 'no cookies, nobody');
  });

  /** A host that signs in `session=abc` (and any cookie naming `abc`), counting how often it is asked. */
  async function countingHost() {
    const host = { asked: 0, url: '' };
    host.url = `${await listen((req, res) => {
      host.asked += 1;
      const signedIn = req.headers.cookie?.includes('abc');
      res
        .writeHead(signedIn ? 200 : 401, { 'content-type': 'application/json' })
        .end(JSON.stringify(signedIn ? { metronome_customer_id: 'c' } : {}));
    })}/api/me`;
    return host;
  }

  it('reads an answer no further than maxAnswerBytes (64 KiB by default): a 64 MB answer signs no one in', async () => {
    const total = 64 * 1024 * 1024;
    let sent = 0;
    const host = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"metronome_customer_id":"c","padding":"');
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('"}');
      };
      res.on('close', () => res.destroy());
      pump();
    });
    const token = await companion({ sessionCheck: { url: `${host}/api/me` } });
    assert.equal((await token({ cookie: 'session=abc' })).status, 401);
    assert.ok(sent < 16 * 1024 * 1024, `the host sent ${sent} bytes before the companion stopped reading`);
    // A small answer still signs in; a stricter bound refuses an answer past it.
    const small = await listen((_req, res) =>
      res.writeHead(200).end(JSON.stringify({ metronome_customer_id: 'c', note: 'x'.repeat(2_000) })),
    );
    assert.equal((await (await companion({ sessionCheck: { url: `${small}/api/me` } }))({ cookie: 'session=abc' })).status, 200);
    const strict = await companion({ sessionCheck: { url: `${small}/api/me`, maxAnswerBytes: 1_000 } });
    assert.equal((await strict({ cookie: 'session=abc' })).status, 401);
  });

  it('never keeps the answer for a Cookie header longer than maxCookieBytes', async () => {
    const host = await countingHost();
    const token = await companion({ sessionCheck: { url: host.url } });
    const long = `session=abc; padding=${'x'.repeat(16_000)}`;
    assert.equal((await token({ cookie: long })).status, 200);
    assert.equal((await token({ cookie: long })).status, 200);
    assert.equal(host.asked, 2, 'asked each time');
  });

  it('keeps at most cacheEntries answers, the least recently used going first', async () => {
    const host = await countingHost();
    const token = await companion({ sessionCheck: { url: host.url, cacheEntries: 2 } });
    for (const cookie of ['session=abc-1', 'session=abc-2', 'session=abc-3']) await token({ cookie });
    assert.equal(host.asked, 3);
    await token({ cookie: 'session=abc-3' });
    await token({ cookie: 'session=abc-2' });
    assert.equal(host.asked, 3, 'the two most recent are kept');
    await token({ cookie: 'session=abc-1' });
    assert.equal(host.asked, 4, 'the oldest was dropped');
  });

  it('asks the host no more often than its rate for cookies it has no answer for: then 429, and a kept answer still serves', async () => {
    const host = await countingHost();
    const token = await companion({ sessionCheck: { url: host.url, checksBurst: 3, checksPerSecond: 0.001 } });
    assert.equal((await token({ cookie: 'session=abc' })).status, 200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await token({ cookie: `made-up=${i}` })).status);
    assert.deepEqual(statuses, [401, 401, 429, 429]);
    assert.equal(host.asked, 3, 'the host is not asked past the rate');
    assert.equal((await token({ cookie: 'session=abc' })).status, 200, 'a kept answer needs no check');
  });

  it('refuses a flood of made-up cookies from one address without refusing another address', async () => {
    const host = await countingHost();
    const origin = await companionOrigin({
      sessionCheck: { url: host.url, clientChecksBurst: 5, clientChecksPerSecond: 0.001, checksBurst: 20, checksPerSecond: 0.001 },
    });
    const flood = [];
    for (let i = 0; i < 30; i++) flood.push(await tokenFrom(origin, '127.0.0.2', { cookie: `made-up=${i}` }));
    assert.deepEqual(flood, [...Array(5).fill(401), ...Array(25).fill(429)], 'the flooding address, past its own bucket');
    assert.equal(host.asked, 5, 'the host is asked only within the flooding address’s bucket');
    assert.equal(await tokenFrom(origin, '127.0.0.3', { cookie: 'session=abc' }), 200, 'another address signs in');
  });

  it('behind a trusted proxy, tells clients apart by X-Forwarded-For, and believes no one else’s', async () => {
    const host = await countingHost();
    const origin = await companionOrigin({
      trustedProxies: ['127.0.0.4'],
      sessionCheck: { url: host.url, clientChecksBurst: 3, clientChecksPerSecond: 0.001 },
    });
    const viaProxy = (client: string, cookie: string) =>
      tokenFrom(origin, '127.0.0.4', { cookie, 'x-forwarded-for': `${client}, 127.0.0.4` });
    const flood = [];
    for (let i = 0; i < 5; i++) flood.push(await viaProxy('203.0.113.9', `made-up=${i}`));
    assert.deepEqual(flood, [401, 401, 401, 429, 429], 'the flooding client behind the proxy');
    assert.equal(await viaProxy('198.51.100.7', 'session=abc-1'), 200, 'another client behind the same proxy');
    // An IPv6 client is its /64, which its provider gives it whole: new addresses in it are the same client.
    const sixes = [];
    for (let i = 1; i <= 4; i++) sixes.push(await viaProxy(`2001:db8:7:7::${i.toString(16)}`, `made-up-six=${i}`));
    assert.deepEqual(sixes, [401, 401, 401, 429]);
    assert.equal(await viaProxy('2001:db8:7:8::1', 'session=abc-2'), 200, 'the next /64 is another client');
    // Not from the proxy: the header is the caller's own claim, and its socket's address counts.
    const spoofed = [];
    for (let i = 0; i < 4; i++)
      spoofed.push(await tokenFrom(origin, '127.0.0.5', { cookie: `spoof=${i}`, 'x-forwarded-for': `198.51.100.${i}` }));
    assert.deepEqual(spoofed, [401, 401, 401, 429]);
  });

  it('stays within its bounds under a flood of 20,000 distinct 4 KB cookies, and drops what has expired', () => {
    // In a process of its own, with the garbage collector at hand. Keyed by the raw header and bounded only by
    // entry count, the cache grew by 67 MB and kept 9 MB; hashed and bounded by bytes, 8 MB and 2 MB.
    const heap = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./session-flood.ts', import.meta.url))], {
        encoding: 'utf8',
      }),
    ) as { flooded: number; expired: number };
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    assert.ok(heap.flooded < 16 * 1024 * 1024, `the heap grew by ${mb(heap.flooded)} under the flood`);
    assert.ok(heap.expired < 4 * 1024 * 1024, `${mb(heap.expired)} still held once every answer had expired`);
  });

  it('gives 401 when the host is too slow or unreachable', async () => {
    const slow = await listen(() => undefined); // never answers
    const token = await companion({ sessionCheck: { url: `${slow}/api/me`, timeoutMs: 100 } });
    assert.equal((await token({ cookie: 'session=abc' })).status, 401);
    const gone = await companion({ sessionCheck: { url: 'http://127.0.0.1:9/api/me' } });
    assert.equal((await gone({ cookie: 'session=abc' })).status, 401);
  });
});
