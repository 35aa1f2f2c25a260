// The companion's Fetch handler, unchanged, on edge runtimes: Cloudflare's workerd (the `workerd` npm package's
// binary, the handler bundled into one module, secrets as bindings) and Deno (the `deno` npm package, secrets as
// environment variables). Each mints a token for the host's JWT, forwards a list call to the mock Metronome on
// this machine, and refuses a call without a token. Needs `npm run build` (Deno runs dist/server).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { build } from 'vite';
import { CUSTOMERS } from '../../demo/mock/fixtures.js';
import { MOCK_API_KEY, createMockMetronome } from '../../demo/mock/metronome.js';
import { toNodeListener } from '../../src/server/index.js';
import { TEST_NOW } from '../clock.js';
import { clockEnv, runtimeClockScript } from '../clock/node.js';
import { accepting, freePort, spawnLogged } from '../ports.js';
import { requireToolchain } from './toolchains.js';

/**
 * Deno's binary itself, not node_modules/.bin/deno, a Node wrapper that would leave the binary running when
 * killed. The package's own API finds it in its platform package (its install script, which would copy it
 * beside the wrapper, does not run here).
 */
const denoBinary = () => (requireToolchain('deno/install_api.cjs') as { runInstall(): string }).runInstall();

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SIGNING = 'the-companions-own-signing-secret-32b!!';
const HOST_SECRET = 'the-host-apps-jwt-secret-of-32-bytes!!!';
const work = mkdtempSync(join(tmpdir(), 'credit-balance-edge-'));
const children: ChildProcess[] = [];
let upstream: string;
let closeUpstream: () => void;

before(async () => {
  const server = createServer(toNodeListener(createMockMetronome({ now: () => TEST_NOW }).handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeUpstream = () => server.close();
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  for (const child of children) child.kill('SIGKILL');
  closeUpstream();
  rmSync(work, { recursive: true, force: true });
});

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const started = spawnLogged(command, args, { cwd: work, env: { PATH: process.env.PATH!, HOME: work, ...clockEnv(), ...env } });
  children.push(started.child);
  return started;
}

const secrets = () => ({
  METRONOME_BEARER_TOKEN: MOCK_API_KEY,
  METRONOME_BASE_URL: upstream,
  CREDIT_BALANCE_SECRET: SIGNING,
  HOST_JWT_SECRET: HOST_SECRET,
  HOST_JWT_ISSUER: 'https://app.example',
  HOST_JWT_AUDIENCE: 'credit-balance',
});

/** Deno runs the companion with the suite's clock loaded first (test/clock.ts). */
const denoArgs = () => [
  'run',
  '--quiet',
  '--allow-net=127.0.0.1',
  '--allow-env',
  `--allow-read=${file('.')}`,
  `--preload=${file('test/clock/runtime.mjs')}`,
  file('test/e2e/edge/deno.ts'),
];

const runtimes: Record<string, () => Promise<string>> = {
  async workerd() {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir: work,
        emptyOutDir: false,
        minify: false,
        target: 'es2022',
        lib: { entry: file('test/e2e/edge/worker.ts'), formats: ['es'], fileName: () => 'worker.js' },
        // workerd runs no script of ours before the Worker, and hands it no environment until a request comes.
        rollupOptions: { output: { banner: runtimeClockScript } },
      },
    });
    const port = await freePort();
    const bindings = Object.entries(secrets()).map(([name, value]) => `(name = "${name}", text = ${JSON.stringify(value)})`);
    writeFileSync(
      join(work, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker), (name = "internet", network = (allow = ["public", "private", "local"]))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.js")],
  compatibilityDate = "2025-06-01",
  bindings = [${bindings.join(', ')}],
  globalOutbound = "internet",
);`,
    );
    // The binary itself, not the package's Node wrapper (which would leave it running when killed).
    const binary = (requireToolchain('workerd') as { default: string }).default;
    const { child, output } = run(binary, ['serve', join(work, 'config.capnp')]);
    await accepting(port, child, output);
    return `http://127.0.0.1:${port}`;
  },
  async deno() {
    const port = await freePort();
    const { child, output } = run(denoBinary(), denoArgs(), {
      ...secrets(),
      PORT: String(port),
      DENO_DIR: join(work, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
    });
    await accepting(port, child, output);
    return `http://127.0.0.1:${port}`;
  },
};

describe('the Fetch handler on edge runtimes', () => {
  it('deno: the Redis store, which needs Node, is refused at start-up with a clear error', async () => {
    const { child, output } = run(denoBinary(), denoArgs(), {
      ...secrets(),
      PORT: String(await freePort()),
      REDIS_URL: 'redis://127.0.0.1:1',
      DENO_DIR: join(work, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.notEqual(code, 0);
    assert.match(output(), /redisStore needs Node \(its sockets\): on Deno or an edge runtime, leave `store` unset/);
  });

  for (const [name, start] of Object.entries(runtimes)) {
    it(`${name}: a token for the host's JWT, the list calls forwarded, a call without a token refused`, async () => {
      const origin = await start();
      const hostJwt = await new SignJWT({ metronome_customer_id: CUSTOMERS.acme })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('https://app.example')
        .setAudience('credit-balance')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(HOST_SECRET));
      const minted = await fetch(`${origin}/api/credit-balance/token`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${hostJwt}` },
      });
      assert.equal(minted.status, 200);
      const { token, customer_id } = (await minted.json()) as { token: string; customer_id: string };
      assert.equal(customer_id, CUSTOMERS.acme);

      const list = await fetch(`${origin}/api/credit-balance/v1/contracts/customerCredits/list`, {
        method: 'POST',
        body: JSON.stringify({ include_contract_credits: true, limit: 25 }),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      assert.equal(list.status, 200);
      assert.equal(((await list.json()) as { data: unknown[] }).data.length, 7);
      // The commits lists, forwarded the same way: this customer's credits through List balances, no commits.
      for (const [path, field, count] of [
        ['customerBalances', 'include_contract_balances', 7],
        ['customerCommits', 'include_contract_commits', 0],
      ] as const) {
        const forwarded = await fetch(`${origin}/api/credit-balance/v1/contracts/${path}/list`, {
          method: 'POST',
          body: JSON.stringify({ [field]: true, include_balance: true }),
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });
        assert.equal(forwarded.status, 200, path);
        assert.equal(((await forwarded.json()) as { data: unknown[] }).data.length, count, path);
        const other = await fetch(`${origin}/api/credit-balance/v1/contracts/${path}/list`, {
          method: 'POST',
          body: JSON.stringify({ customer_id: 'someone-else' }),
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(other.status, 403, path);
      }

      const refused = await fetch(`${origin}/api/credit-balance/v1/contracts/customerCredits/list`, { method: 'POST', body: '{}' });
      assert.equal(refused.status, 401);
      const elsewhere = await fetch(`${origin}/api/credit-balance/v1/contracts/customerCredits/list`, {
        method: 'POST',
        body: JSON.stringify({ customer_id: 'someone-else' }),
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(elsewhere.status, 403);
    });
  }
});
