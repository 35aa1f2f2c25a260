// The standalone companion, `credit-balance-server` (dist/server/cli.js, as the packed package runs it), behind
// a host that is not JavaScript: a Python application (standard library only) signs its user in with an HS256
// JWT of its own and routes /api/credit-balance/* to the server, and the widget shows that customer's credits.
// Then the JWKS variant with a key rotation, the access log, /healthz, a bad variable, and SIGTERM with a call
// in flight. Needs `npm run build`.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, get as httpGet } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { CUSTOMERS } from '../../demo/mock/fixtures.js';
import { MOCK_API_KEY, createMockMetronome } from '../../demo/mock/metronome.js';
import { toNodeListener } from '../../src/server/index.js';
import { TEST_NOW } from '../clock.js';
import { clockEnv } from '../clock/node.js';
import { accepting, freePort, spawnLogged } from '../ports.js';
import { engines } from './browsers.js';

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SIGNING = 'the-companions-own-signing-secret-32b!!';
const HOST_SECRET = 'the-python-apps-jwt-secret-of-32-bytes!';
const children: ChildProcess[] = [];
const closers: (() => void)[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const close of closers) close();
});

let upstream: string;
before(async () => {
  const server = createServer(toNodeListener(createMockMetronome({ now: () => TEST_NOW }).handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** Starts `credit-balance-server` with `env`; its origin, its output so far, and the process. */
async function standalone(env: Record<string, string>) {
  const port = await freePort();
  const { child, output } = spawnLogged(process.execPath, [file('dist/server/cli.js')], {
    env: {
      PATH: process.env.PATH!,
      ...clockEnv(),
      METRONOME_BEARER_TOKEN: MOCK_API_KEY,
      METRONOME_BASE_URL: upstream,
      CREDIT_BALANCE_SECRET: SIGNING,
      PORT: String(port),
      ...env,
    },
  });
  children.push(child);
  await accepting(port, child, output);
  return { origin: `http://127.0.0.1:${port}`, output, child };
}

/** The standalone server, signing in whoever presents the host's HS256 JWT. */
const withHostJwt = () =>
  standalone({
    CREDIT_BALANCE_JWT_SECRET: HOST_SECRET,
    CREDIT_BALANCE_JWT_ISSUER: 'https://app.example',
    CREDIT_BALANCE_JWT_AUDIENCE: 'credit-balance',
  });

/** A host JWT naming `customerId`, as the host signs them. */
const hostJwtFor = (customerId: string) =>
  new SignJWT({ metronome_customer_id: customerId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://app.example')
    .setAudience('credit-balance')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(HOST_SECRET));

const scenario = async (spec: object) =>
  ((await (await fetch(`${upstream}/__scenarios`, { method: 'POST', body: JSON.stringify(spec) })).json()) as { id: string }).id;

/**
 * A raw connection to `origin` (from the loopback address `from`) that sends `text`, then nothing: what it hears,
 * and how long the server kept it open.
 */
const holdOpen = (origin: string, text: string, from = '127.0.0.1') =>
  new Promise<{ heard: string; openMs: number }>((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ port: Number(new URL(origin).port), host: '127.0.0.1', localAddress: from }, () => socket.write(text));
    let heard = '';
    socket.on('data', (chunk) => (heard += chunk));
    socket.on('close', () => resolve({ heard, openMs: performance.now() - started }));
    // A server that closes a connection it has not read to the end resets it: closed all the same.
    socket.on('error', (error: NodeJS.ErrnoException) => error.code !== 'ECONNRESET' && reject(error));
    setTimeout(() => socket.destroy(new Error('still open after 10 s')), 10_000).unref();
  });

/** The status of `GET path` on `origin`, on a connection of its own from the loopback address `from`. */
const getFrom = (origin: string, path: string, from: string) =>
  new Promise<number>((resolve, reject) => {
    httpGet(`${origin}${path}`, { localAddress: from, agent: false }, (response) => {
      response.resume().on('end', () => resolve(response.statusCode!));
    }).on('error', reject);
  });

describe('credit-balance-server, standalone', () => {
  it('behind a Python host that signs its user in with its own HS256 JWT, the widget shows that customer, in Chromium, Firefox ESR and WebKit', async () => {
    const server = await standalone({
      CREDIT_BALANCE_JWT_SECRET: HOST_SECRET,
      CREDIT_BALANCE_JWT_ISSUER: 'https://app.example',
      CREDIT_BALANCE_JWT_AUDIENCE: 'credit-balance',
      CREDIT_BALANCE_JWT_COOKIE: 'app_session',
    });
    const hostPort = await freePort();
    const host = spawn(
      'python3',
      [file('test/e2e/host/app.py'), String(hostPort), server.origin, file('dist'), CUSTOMERS.acme, HOST_SECRET],
      {
        stdio: 'ignore',
      },
    );
    children.push(host);
    await accepting(hostPort);

    for (const launch of Object.values(engines)) {
      const browser = await launch();
      try {
        const page = await browser.tab();
        await page.goto(`http://127.0.0.1:${hostPort}/`);
        await page.waitFor(() => document.querySelector('credit-balance')?.matches(':state(ready)'));
        const credits = await page.evaluate(
          () => document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="credit"]').length,
        );
        assert.equal(credits, 7);
      } finally {
        await browser.close();
      }
    }

    // One line per request, with the customer, and never a token or the key.
    const lines = server.output().split('\n');
    assert.ok(
      lines.some((l) => / POST \/api\/credit-balance\/token 200 \d+ms customer=7c3f9a2e/.test(l)),
      server.output(),
    );
    assert.ok(lines.some((l) => / POST \/api\/credit-balance\/v1\/contracts\/customerCredits\/list 200 \d+ms customer=7c3f9a2e/.test(l)));
    assert.ok(!server.output().includes(MOCK_API_KEY) && !/eyJ/.test(server.output()), 'a token or the key in the log');
    assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);
  });

  it('verifies an ES256 JWT against a JWKS served by another process, through a key rotation', async () => {
    const first = await generateKeyPair('ES256');
    const second = await generateKeyPair('ES256');
    const published = { keys: [{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'ES256' }] };
    const jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published)));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    closers.push(() => jwks.close());
    const server = await standalone({
      CREDIT_BALANCE_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      CREDIT_BALANCE_JWT_ISSUER: 'https://id.example',
      CREDIT_BALANCE_JWT_AUDIENCE: 'credit-balance',
      CREDIT_BALANCE_JWKS_COOLDOWN_MS: '0',
    });
    const token = async (key: CryptoKey, kid: string) => {
      const jwt = await new SignJWT({ metronome_customer_id: CUSTOMERS.acme })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer('https://id.example')
        .setAudience('credit-balance')
        .setExpirationTime('5m')
        .sign(key);
      return fetch(`${server.origin}/api/credit-balance/token`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${jwt}` },
      });
    };
    assert.equal((await token(first.privateKey, 'k1')).status, 200);
    published.keys = [{ ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'ES256' }];
    assert.equal((await token(second.privateKey, 'k2')).status, 200, 'the rotated key is fetched');
    assert.equal((await token(first.privateKey, 'k1-gone')).status, 401, 'a withdrawn key is refused');
  });

  it('asks the host’s session check URL with the browser’s cookies', async () => {
    const host = createServer((req, res) => {
      const signedIn = req.headers.cookie?.includes('session=abc');
      res
        .writeHead(signedIn ? 200 : 401, { 'content-type': 'application/json' })
        .end(signedIn ? JSON.stringify({ metronome_customer_id: CUSTOMERS.acme }) : '{}');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    closers.push(() => host.close());
    const server = await standalone({
      CREDIT_BALANCE_SESSION_CHECK_URL: `http://127.0.0.1:${(host.address() as AddressInfo).port}/api/me`,
    });
    const token = (cookie?: string) =>
      fetch(`${server.origin}/api/credit-balance/token`, { method: 'POST', body: '{}', headers: cookie ? { cookie } : {} });
    const minted = await token('session=abc');
    assert.equal(minted.status, 200);
    assert.equal(((await minted.json()) as { customer_id: string }).customer_id, CUSTOMERS.acme);
    assert.equal((await token('session=nope')).status, 401);
    assert.equal((await token()).status, 401);
  });

  it('finishes a call in flight on SIGTERM, then exits', async () => {
    const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'answer' }] });
    const server = await withHostJwt();
    const hostJwt = await hostJwtFor(id);
    const minted = (await (
      await fetch(`${server.origin}/api/credit-balance/token`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${hostJwt}` },
      })
    ).json()) as { token: string };
    const call = fetch(`${server.origin}/api/credit-balance/v1/contracts/customerCredits/list`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer ${minted.token}`, 'content-type': 'application/json' },
    });
    for (
      let i = 0;
      i < 500 &&
      !((await (await fetch(`${upstream}/__scenarios/${id}/log`)).json()) as { requests: { route: string }[] }).requests.some(
        (r) => r.route === 'credits',
      );
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await fetch(`${upstream}/__scenarios/${id}/gates/answer`, { method: 'POST' });
    assert.equal((await call).status, 200, 'the call in flight is answered');
    assert.equal(await exited, 0);
    assert.match(server.output(), /SIGTERM, finishing the requests in flight/);
  });

  it('writes what a caller controls into its log as escapes: a customer claim cannot forge a line or clear a terminal', async () => {
    const server = await withHostJwt();
    const claim = 'admin\u001b[2J\n2026-12-04T00:00:00.000Z POST /api/credit-balance/token 200 1ms customer=root \u202e';
    const jwt = await hostJwtFor(claim);
    const minted = await fetch(`${server.origin}/api/credit-balance/token`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer ${jwt}` },
    });
    assert.equal(minted.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the log line is written after the answer
    const lines = server.output().split('\n');
    const line = lines.find((l) => l.includes('customer=admin'));
    assert.ok(line, server.output());
    assert.ok(
      line.endsWith('customer=admin\\u001b[2J\\u000a2026-12-04T00:00:00.000Z POST /api/credit-balance/token 200 1ms customer=root \\u202e'),
      line,
    );
    assert.ok(!lines.some((l) => l.startsWith('2026-12-04T00:00:00.000Z POST')), 'no forged line');
    assert.ok(!server.output().includes('\u001b'), 'no raw escape reaches the terminal');
  });

  it('answers a Host header that is no host with 400, and logs it', async () => {
    const server = await standalone({ CREDIT_BALANCE_SESSION_CHECK_URL: 'http://127.0.0.1:1/me' });
    const { port } = new URL(server.origin);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end('POST /api/credit-balance/token HTTP/1.1\r\nHost: exa mple:80\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.match(answer, /"message":"The Host header is not a host\."/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(server.output(), / POST \/api\/credit-balance\/token 400 0ms customer=-/);
  });

  describe('against slow and idle clients (timeouts of 0.5 s and 1 s, a cap of 2 connections)', () => {
    let server: Awaited<ReturnType<typeof standalone>>;
    before(async () => {
      server = await standalone({
        CREDIT_BALANCE_SESSION_CHECK_URL: 'http://127.0.0.1:1/me',
        CREDIT_BALANCE_HEADERS_TIMEOUT_MS: '500',
        CREDIT_BALANCE_REQUEST_TIMEOUT_MS: '1000',
        CREDIT_BALANCE_MAX_CONNECTIONS: '2',
      });
    });
    const port = () => Number(new URL(server.origin).port);
    const hold = (text: string) => holdOpen(server.origin, text);

    it('closes a connection whose headers drip, within the headers timeout', async () => {
      const { heard, openMs } = await hold('POST /api/credit-balance/token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      assert.match(heard, /^HTTP\/1\.1 408 /);
      assert.ok(openMs < 3_000, `open ${Math.round(openMs)} ms`);
    });

    it('closes a connection whose body never ends, within the request timeout, after a 404', async () => {
      const { heard, openMs } = await hold('POST /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"a":');
      assert.match(heard, /^HTTP\/1\.1 404 /);
      assert.ok(openMs < 4_000, `open ${Math.round(openMs)} ms`);
    });

    it('refuses connections past its cap, and serves again once they close', async () => {
      const open = () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port(), '127.0.0.1', () => resolve(socket));
        });
      const held = [await open(), await open()];
      const third = await hold('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      assert.equal(third.heard, '', 'the third connection is closed unanswered');
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);
    });
  });

  describe('against one client holding connections (a cap of 8, 4 per client address)', () => {
    it('closes a client’s connections past its share, and another client is still served, /healthz included', async () => {
      const server = await standalone({
        CREDIT_BALANCE_SESSION_CHECK_URL: 'http://127.0.0.1:1/me',
        CREDIT_BALANCE_MAX_CONNECTIONS: '8',
        CREDIT_BALANCE_MAX_CONNECTIONS_PER_CLIENT: '4',
      });
      const port = Number(new URL(server.origin).port);
      // Silent sockets from one address, as many as the whole server takes.
      const sockets = await Promise.all(
        Array.from(
          { length: 8 },
          () =>
            new Promise<Socket>((resolve) => {
              const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' }, () => resolve(socket));
              socket.on('error', () => {});
            }),
        ),
      );
      try {
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(sockets.filter((socket) => !socket.destroyed && !socket.readableEnded).length, 4, 'the flooding client keeps 4');
        const others = [];
        for (let i = 0; i < 5; i++) others.push(await getFrom(server.origin, '/healthz', '127.0.0.3'));
        assert.deepEqual(others, [200, 200, 200, 200, 200], 'another client address');
      } finally {
        for (const socket of sockets) socket.destroy();
      }
    });
  });

  describe('an answer given before the request’s body came (request timeout 30 s, body timeout 0.5 s)', () => {
    let server: Awaited<ReturnType<typeof standalone>>;
    before(async () => {
      server = await standalone({ CREDIT_BALANCE_SESSION_CHECK_URL: 'http://127.0.0.1:1/me', CREDIT_BALANCE_BODY_TIMEOUT_MS: '500' });
    });
    const withheldBody = (path: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"a":`;

    it('closes the connection with a 401 for a list call without a token, not at the request timeout', async () => {
      const { heard, openMs } = await holdOpen(server.origin, withheldBody('/api/credit-balance/v1/contracts/customerCredits/list'));
      assert.match(heard, /^HTTP\/1\.1 401 /);
      assert.match(heard, /\r\nConnection: close\r\n/i);
      assert.ok(openMs < 2_000, `open ${Math.round(openMs)} ms`);
    });

    it('closes the connection with its 408 for a body too slow, not at the request timeout', async () => {
      const { heard, openMs } = await holdOpen(server.origin, withheldBody('/api/credit-balance/token'));
      assert.match(heard, /^HTTP\/1\.1 408 /);
      assert.ok(openMs < 3_000, `open ${Math.round(openMs)} ms`);
    });
  });

  // The handler's ConfigError names options; the server says which of its variables to change, and how.
  const refusals: { name: string; env: Record<string, string>; says: RegExp }[] = [
    {
      name: 'no Metronome key',
      env: { METRONOME_BEARER_TOKEN: '' },
      says: /^credit-balance-server: METRONOME_BEARER_TOKEN is missing\.$/m,
    },
    {
      name: 'a short signing secret',
      env: { CREDIT_BALANCE_SECRET: 'short' },
      says: /^credit-balance-server: CREDIT_BALANCE_SECRET must be at least 32 bytes/m,
    },
    {
      name: 'no way to know who is signed in',
      env: { CREDIT_BALANCE_JWT_SECRET: '', CREDIT_BALANCE_JWT_ISSUER: '', CREDIT_BALANCE_JWT_AUDIENCE: '' },
      says: /^credit-balance-server: CREDIT_BALANCE_JWT_SECRET, CREDIT_BALANCE_JWKS_URL or CREDIT_BALANCE_SESSION_CHECK_URL is needed, exactly one/m,
    },
    {
      name: 'a JWT without its issuer',
      env: { CREDIT_BALANCE_JWT_ISSUER: '' },
      says: /^credit-balance-server: CREDIT_BALANCE_JWT_ISSUER is missing/m,
    },
    {
      name: 'a burst of 0',
      env: { CREDIT_BALANCE_BURST: '0' },
      says: /^credit-balance-server: CREDIT_BALANCE_BURST must be a number above 0/m,
    },
    {
      name: 'a relative base path',
      env: { CREDIT_BALANCE_BASE_PATH: 'api' },
      says: /^credit-balance-server: CREDIT_BALANCE_BASE_PATH must start with "\/"/m,
    },
    {
      name: 'a timeout past what Node keeps',
      env: { CREDIT_BALANCE_REQUEST_TIMEOUT_MS: '2147483648' },
      says: /^credit-balance-server: CREDIT_BALANCE_REQUEST_TIMEOUT_MS must be a whole number from 1 to 2147483647/m,
    },
    {
      name: 'a headers timeout longer than the request timeout',
      env: { CREDIT_BALANCE_HEADERS_TIMEOUT_MS: '60000' },
      says: /^credit-balance-server: CREDIT_BALANCE_HEADERS_TIMEOUT_MS must not be longer than CREDIT_BALANCE_REQUEST_TIMEOUT_MS/m,
    },
    {
      name: 'every origin, "*"',
      env: { CREDIT_BALANCE_ALLOWED_ORIGINS: '*' },
      says: /^credit-balance-server: CREDIT_BALANCE_ALLOWED_ORIGINS must name each origin/m,
    },
    {
      name: 'a session check timeout of 0',
      env: {
        CREDIT_BALANCE_JWT_SECRET: '',
        CREDIT_BALANCE_JWT_ISSUER: '',
        CREDIT_BALANCE_JWT_AUDIENCE: '',
        CREDIT_BALANCE_SESSION_CHECK_URL: 'https://app.example/me',
        CREDIT_BALANCE_SESSION_CHECK_TIMEOUT_MS: '0',
      },
      says: /^credit-balance-server: CREDIT_BALANCE_SESSION_CHECK_TIMEOUT_MS must be a whole number of ms from 1/m,
    },
    {
      name: 'a Metronome URL with a password in it',
      env: { METRONOME_BASE_URL: 'https://user:hunter2@api.metronome.com' },
      says: /^credit-balance-server: METRONOME_BASE_URL must not carry a user name or password\.$/m,
    },
    {
      name: 'an upstream timeout past the widget’s own per attempt',
      env: { CREDIT_BALANCE_UPSTREAM_TIMEOUT_MS: '25000' },
      says: /^credit-balance-server: CREDIT_BALANCE_UPSTREAM_TIMEOUT_MS must be a whole number of ms below the widget's 20000/m,
    },
    {
      name: 'no connections at all',
      env: { CREDIT_BALANCE_MAX_CONNECTIONS: '0' },
      says: /^credit-balance-server: CREDIT_BALANCE_MAX_CONNECTIONS must be a whole number from 1/m,
    },
  ];
  for (const refusal of refusals) {
    it(`stops at start-up on ${refusal.name}, naming the variable`, async () => {
      const { child, output } = spawnLogged(process.execPath, [file('dist/server/cli.js')], {
        env: {
          PATH: process.env.PATH!,
          ...clockEnv(),
          METRONOME_BEARER_TOKEN: 'k',
          CREDIT_BALANCE_SECRET: SIGNING,
          PORT: String(await freePort()),
          CREDIT_BALANCE_JWT_SECRET: HOST_SECRET,
          CREDIT_BALANCE_JWT_ISSUER: 'i',
          CREDIT_BALANCE_JWT_AUDIENCE: 'a',
          ...refusal.env,
        },
      });
      assert.equal(await new Promise<number | null>((resolve) => child.once('exit', resolve)), 1);
      assert.match(output(), refusal.says);
      assert.doesNotMatch(output(), /createCreditBalanceHandler|metronomeToken|signingSecret|hostJwt/);
    });
  }
});
