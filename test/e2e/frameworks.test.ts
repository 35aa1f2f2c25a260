// The framework apps a settings page is built with, each built from the packed package as a user installs it
// (`npm pack`, then `npm install` of the tarball, shared by every app), and loaded in Chromium, Firefox ESR and
// WebKit: React 19 (client-only, the bare tag), Vue 3 and Svelte 5 built with Vite, Angular 21 with the
// Angular CLI, and Next.js 16 (App Router) with `next build` and `next start`, the React component from
// credit-balance/react hydrating server-rendered HTML beside a route handler serving credit-balance/server.
// In each: the data shows, the tokenProvider and strings properties are used, the four events reach the app,
// an attribute change and a property change each reload, and the page logs no error or warning.
// Needs `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MOCK_API_KEY } from '../../demo/mock/metronome.js';
import { serve } from '../../demo/serve.js';
import { TEST_NOW } from '../clock.js';
import { clockEnv } from '../clock/node.js';
import { accepting, freePort, spawnLogged } from '../ports.js';
import { type Tab, engines } from './browsers.js';
import { TOOLCHAINS } from './toolchains.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the toolchains' folder, so that each framework resolves from its install; the package from its own. */
const apps = join(TOOLCHAINS, 'apps');
const CUSTOMER = '7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c';

before(() => {
  rmSync(apps, { recursive: true, force: true });
  mkdirSync(apps);
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', apps], { cwd: root, encoding: 'utf8' }).trim();
  writeFileSync(join(apps, 'package.json'), JSON.stringify({ name: 'apps', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(apps, tarball)], {
    cwd: apps,
    stdio: 'inherit',
  });
  cpSync(join(root, 'test/frameworks'), apps, { recursive: true, filter: (path) => !path.includes('/toolchains') });
});
after(() => rmSync(apps, { recursive: true, force: true }));

/** The environment the apps are built and started in: no telemetry, and none of the companion's secrets. */
const appEnv: NodeJS.ProcessEnv = { ...process.env, NG_CLI_ANALYTICS: 'false', NEXT_TELEMETRY_DISABLED: '1' };
delete appEnv.METRONOME_BEARER_TOKEN;
delete appEnv.CREDIT_BALANCE_SECRET;

/**
 * Runs a framework's own command line (`vite`, `ng`, `next`) from the toolchains' install, in an app's folder.
 * Its report stays out of the test output unless it fails: then it is the error's message (`next build`
 * prints type errors there, not on stderr).
 */
function cli(app: string, bin: string, args: string[]): void {
  try {
    execFileSync(process.execPath, [join(TOOLCHAINS, 'node_modules', bin), ...args], {
      cwd: join(apps, app),
      env: appEnv,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${bin} ${args.join(' ')} failed in ${app}:\n${stdout}${stderr}`, { cause: error });
  }
}

/** Builds an app with Vite, by its own vite.config.mjs. */
const viteApp = (app: string) => cli(app, 'vite/bin/vite.js', ['build']);

const credits = () => document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="credit"]').length;

/**
 * What every app shows and does: the seeded customer's 7 credits under the app's own title, loaded through
 * its tokenProvider (the element has no token-url), with the load, expiring and low-balance events in the
 * app; then an attribute change (scope) reloads 4 credits, and a property change (a tokenProvider the
 * endpoint refuses) ends in the error event. Nothing goes to the console.
 */
async function exercise(page: Tab) {
  await page.waitFor(() => document.querySelector('#events')?.textContent?.includes('low:'));
  const first = await page.evaluate(() => {
    const el = document.querySelector('credit-balance')!;
    return {
      credits: el.shadowRoot!.querySelectorAll('[part~="credit"]').length,
      ledgers: el.shadowRoot!.querySelectorAll('[part~="ledger"]').length,
      title: el.shadowRoot!.querySelector('.title')?.textContent?.trim(),
      tokenUrl: el.getAttribute('token-url'),
      tokenRequests: (window as unknown as { tokenRequests?: number }).tokenRequests,
      events: document.querySelector('#events')!.textContent!,
    };
  });
  assert.equal(first.credits, 7);
  assert.ok(first.ledgers > 0, 'include-ledgers reached the element');
  assert.equal(first.title, 'Your prepaid credits', 'the strings property reached the element');
  assert.equal(first.tokenUrl, null);
  assert.ok(first.tokenRequests! >= 1, 'the tokenProvider property was used');
  assert.match(first.events, /\bload:7\b/);
  assert.match(first.events, /\bexpiring:[1-9]\d*\b/);
  assert.match(first.events, /\blow:[1-9]\d*\b/);

  await page.click('#scope');
  await page.waitFor(() => document.querySelector('#events')?.textContent?.includes('load:4'));
  assert.equal(await page.evaluate(credits), 4);

  await page.click('#sign-out');
  await page.waitFor(() => document.querySelector('#events')?.textContent?.includes('error:token'));
  assert.deepEqual(await page.evaluate(() => (window as unknown as { problems: string[] }).problems), []);
}

/** `exercise` in each engine, on `url()` (known once the app is served). */
function inEveryEngine(url: () => string) {
  for (const [name, launch] of Object.entries(engines)) {
    it(`renders, reports the four events and reloads on attribute and property changes, in ${name}`, async () => {
      const browser = await launch();
      try {
        const page = await browser.tab();
        await page.goto(url());
        await exercise(page);
      } finally {
        await browser.close();
      }
    });
  }
}

/** A static app (built to `dist/`), served beside the demo backend: the companion and the mock Metronome. */
function staticApp(app: string, buildIt: () => Promise<unknown> | void) {
  let site: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    await buildIt();
    site = await serve({ dir: join(apps, app, 'dist'), now: () => TEST_NOW });
  });
  after(() => site.close());
  inEveryEngine(() => site.origin);
  return () => site.origin;
}

describe('in React 19 (client-only, the bare tag)', () => {
  staticApp('react', () => viteApp('react'));
});

describe('in Vue 3', () => {
  staticApp('vue', () => viteApp('vue'));
});

describe('in Svelte 5', () => {
  const origin = staticApp('svelte', () => viteApp('svelte'));

  for (const [name, launch] of Object.entries(engines)) {
    it(`defined after Svelte mounts, says why tokenProvider is missing (config), in ${name}`, async () => {
      const browser = await launch();
      try {
        const page = await browser.tab();
        await page.goto(`${origin()}/late.html`);
        await page.waitFor(() => document.querySelector('#events')?.textContent?.includes('error:'));
        const seen = await page.evaluate(() => ({
          events: document.querySelector('#events')!.textContent,
          attribute: document.querySelector('credit-balance')!.hasAttribute('tokenprovider'),
          problems: (window as unknown as { problems: string[] }).problems,
        }));
        assert.equal(seen.events, 'error:config');
        assert.equal(seen.attribute, true, 'Svelte wrote the function as an attribute');
        assert.equal(seen.problems.length, 1);
        assert.match(
          seen.problems[0]!,
          /^warn: <credit-balance>: The tokenprovider attribute cannot carry a function: define <credit-balance> before the app mounts\.$/,
        );
      } finally {
        await browser.close();
      }
    });
  }
});

describe('in Angular 21', () => {
  staticApp('angular', () => cli('angular', '@angular/cli/bin/ng.js', ['build']));
});

describe('in Next.js 16 (App Router, server-rendered), with the route handler', () => {
  let metronome: Awaited<ReturnType<typeof serve>>;
  let next: ChildProcess;
  let origin: string;
  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    const { child, output } = spawnLogged(
      process.execPath,
      [join(TOOLCHAINS, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: join(apps, 'next'),
        // The server reads the suite's clock (test/clock.ts), as the pages do.
        env: { ...appEnv, ...clockEnv(), ...env },
      },
    );
    await accepting(port, child, output);
    return { child, origin: `http://127.0.0.1:${port}`, output };
  };

  before(async () => {
    // Built without the secrets, as a CI build step is: the route module must load without them.
    cli('next', 'next/dist/bin/next', ['build']);
    // The mock Metronome the route handler calls, over HTTP (demo/serve.ts mounts it under /mock).
    metronome = await serve({ now: () => TEST_NOW });
    ({ child: next, origin } = await start({
      METRONOME_BEARER_TOKEN: MOCK_API_KEY,
      CREDIT_BALANCE_SECRET: 'a-next-js-signing-secret-of-32-bytes-or-more',
      METRONOME_BASE_URL: `${metronome.origin}/mock`,
      SIGNED_IN_CUSTOMER: CUSTOMER,
    }));
  });
  after(async () => {
    next?.kill();
    await metronome?.close();
  });

  it('renders <credit-balance> and its attributes on the server', async () => {
    const html = await (await fetch(origin)).text();
    assert.match(html, new RegExp(`<credit-balance[^>]* customer-id="${CUSTOMER}"`));
    assert.match(html, /<credit-balance[^>]* low-balance="1000000000"/);
    // The host's content for the widget's slots, passed through as children: in the HTML, inside the element.
    assert.match(html, /<credit-balance[^>]*>(?:(?!<\/credit-balance>).)*<a slot="actions" href="\/billing\/buy">Buy credits<\/a>/s);
    assert.match(html, /<credit-balance[^>]*>(?:(?!<\/credit-balance>).)*<p slot="help">Questions about your bill\?/s);
  });

  inEveryEngine(() => origin);

  it('without its secrets, starts, and fails the first request loudly', async () => {
    const bare = await start({ SIGNED_IN_CUSTOMER: CUSTOMER });
    try {
      const response = await fetch(`${bare.origin}/api/credit-balance/token`, {
        method: 'POST',
        body: JSON.stringify({ customer_id: CUSTOMER }),
      });
      assert.equal(response.status, 500);
      assert.match(bare.output(), /createCreditBalanceHandler: metronomeToken is missing\./);
    } finally {
      bare.child.kill();
    }
  });
});
