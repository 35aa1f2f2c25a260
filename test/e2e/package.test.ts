// The package as users get it: `npm pack`, installed into an empty folder, then used from there: the
// element imported in Node (as server rendering does) without touching window or document, the server
// companion, the typings and manifest through the exports map, and the bundle rendering in a browser.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '../../demo/serve.js';
import { TEST_NOW } from '../clock.js';
import { type Session, engines } from './browsers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'credit-balance-pack-'));
const app = join(work, 'app');
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs an ES module snippet with Node inside the installed app and returns what it printed. */
const node = (code: string) => execFileSync('node', ['--input-type=module', '-e', code], { cwd: app, encoding: 'utf8' }).trim();

before(() => {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim();
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', join(work, tarball)], {
    cwd: app,
    stdio: 'inherit',
  });
});

/**
 * A page in the work folder that runs `script` (after `head`) with two widgets: a contract customer's credits in
 * German with their history, and a Plans customer's grants.
 */
function twoWidgets(name: string, script: string, head = ''): string {
  const page = join(work, name);
  writeFileSync(
    page,
    `<!doctype html>${head}<script type="module" src="${script}"></script>
    <credit-balance token-url="/api/credit-balance/token" customer-id="7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c" locale="de-DE" include-ledgers></credit-balance>
    <credit-balance token-url="/api/credit-balance/token" customer-id="2b4d6f8a-1c3e-4a5b-9d7f-8e6c4a2b0d1f" source="grants"></credit-balance>`,
  );
  return page;
}

describe('the packed package, installed', () => {
  it("imports 'credit-balance' in Node without touching window or document", () => {
    const result = JSON.parse(
      node(`
        const m = await import('credit-balance');
        console.log(JSON.stringify({ window: typeof window, document: typeof document, exports: Object.keys(m).sort() }));
      `),
    );
    assert.equal(result.window, 'undefined');
    assert.equal(result.document, 'undefined');
    assert.ok(result.exports.includes('CreditBalance') && result.exports.includes('CreditBalanceLoadEvent'));
  });

  it("serves tokens from 'credit-balance/server'", () => {
    const result = JSON.parse(
      node(`
        import { createCreditBalanceHandler, toNodeListener } from 'credit-balance/server';
        const handler = createCreditBalanceHandler({
          metronomeToken: 'key', signingSecret: 'x'.repeat(32), authorize: () => ({ customerId: 'c-1' }),
        });
        const response = await handler(new Request('http://app.test/api/credit-balance/token', { method: 'POST', body: '{}' }));
        console.log(JSON.stringify({ status: response.status, body: await response.json(), adapter: typeof toNodeListener(handler) }));
      `),
    );
    assert.equal(result.status, 200);
    assert.equal(result.body.customer_id, 'c-1');
    assert.equal(result.adapter, 'function');
  });

  it('runs `npx credit-balance-server --help` from the installed package', () => {
    const help = execFileSync('npx', ['--no-install', 'credit-balance-server', '--help'], { cwd: app, encoding: 'utf8' });
    assert.match(help, /METRONOME_BEARER_TOKEN/);
    assert.match(help, /CREDIT_BALANCE_JWKS_URL/);
    assert.match(help, /CREDIT_BALANCE_SESSION_CHECK_URL/);
  });

  it("starts the script-tag bundle with V8's compile hint, so that Chromium compiles it while it downloads", () => {
    // Not on the main thread, function by function, as the page runs (README, Performance).
    const code = readFileSync(join(app, 'node_modules/credit-balance/dist/credit-balance.bundle.js'), 'utf8');
    assert.ok(code.startsWith('//# allFunctionsCalledOnLoad\n'), `its first line: ${code.slice(0, 60)}…`);
  });

  it('resolves the class without registration, typings and the manifest through the exports map', () => {
    const resolved = JSON.parse(
      node(`
        console.log(JSON.stringify(['credit-balance/credit-balance.js', 'credit-balance/bundle', 'credit-balance/custom-elements.json', 'credit-balance/react', 'credit-balance/vue', 'credit-balance/svelte'].map((s) => import.meta.resolve(s))));
      `),
    ) as string[];
    for (const url of resolved) assert.ok(existsSync(fileURLToPath(url)), url);
    const pkg = join(app, 'node_modules/credit-balance');
    for (const file of [
      'dist/index.d.ts',
      'dist/frameworks/react.d.ts',
      'dist/frameworks/vue.d.ts',
      'dist/frameworks/svelte.d.ts',
      'dist/server/index.d.ts',
    ]) {
      assert.ok(existsSync(join(pkg, file)), file);
    }
    // Editors and Storybook find the manifest through package.json's `customElements` field.
    const { customElements } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { customElements: string };
    assert.ok(existsSync(join(pkg, customElements)), `customElements: ${customElements}`);
    assert.ok(!existsSync(join(pkg, 'src')) && !existsSync(join(pkg, 'test')), 'only what ships is packed');
  });

  it("gives a host's editor every attribute with its values, every event and part: VS Code's custom data, JetBrains' web-types", () => {
    const pkg = join(app, 'node_modules/credit-balance');
    const read = (file: string) => JSON.parse(readFileSync(join(pkg, file), 'utf8'));
    type Attribute = { name: string; type?: { text: string } };
    const element = read('custom-elements.json')
      .modules.flatMap((m: { declarations?: object[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName) as {
      attributes: Attribute[];
      events: { name: string }[];
      cssParts: { name: string }[];
    };
    // VS Code: settings.json `"html.customData": ["./node_modules/credit-balance/dist/vscode.html-custom-data.json"]`.
    const vscode = JSON.parse(
      readFileSync(fileURLToPath(node(`console.log(import.meta.resolve('credit-balance/vscode.html-custom-data.json'))`)), 'utf8'),
    );
    const tag = vscode.tags.find((t: { name: string }) => t.name === 'credit-balance');
    assert.deepEqual(
      tag.attributes.map((a: { name: string }) => a.name),
      element.attributes.map((a) => a.name),
    );
    const values = (name: string) =>
      tag.attributes.find((a: { name: string }) => a.name === name).values.map((v: { name: string }) => v.name);
    assert.deepEqual(values('source'), ['credits', 'balances', 'commits', 'grants']);
    assert.deepEqual(values('scope'), ['all', 'customer']);
    assert.deepEqual(values('token-credentials'), ['same-origin', 'include', 'omit']);
    for (const { name } of [...element.events, ...element.cssParts]) assert.ok(tag.description.includes(name), name);
    // JetBrains IDEs read the file package.json's `web-types` names.
    const webTypes = read(read('package.json')['web-types']);
    assert.equal(webTypes.name, 'credit-balance');
    const html = webTypes.contributions.html.elements.find((e: { name: string }) => e.name === 'credit-balance');
    assert.deepEqual(
      html.attributes.map((a: { name: string }) => a.name),
      element.attributes.map((a) => a.name),
    );
    assert.deepEqual(
      html.js.events.map((e: { name: string }) => e.name),
      element.events.map((e) => e.name),
    );
  });

  for (const [name, launch] of Object.entries(engines)) {
    describe(`served to ${name}`, () => {
      // One browser for the pages below (each test serves its own site): a launch costs seconds, Firefox's most.
      let browser: Session;
      before(async () => {
        browser = await launch();
      });
      after(() => browser?.close());

      it(`renders from the installed bundle with a plain script tag, in ${name}`, async () => {
        // Self-hosted as the README says: the entry and its chunk folder, copied as they are.
        const pkg = join(app, 'node_modules/credit-balance');
        assert.ok(existsSync(join(pkg, 'dist/credit-balance')), 'the chunk folder ships beside the bundle');
        const site = await serve({ files: { '/': join(root, 'demo/cdn.html') }, dir: pkg, now: () => TEST_NOW });
        try {
          const page = await browser.tab();
          await page.goto(site.origin);
          await page.waitFor(() => document.querySelector('credit-balance')?.matches(':state(ready)'));
          const count = await page.evaluate(
            () => document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="credit"]').length,
          );
          assert.equal(count, 7);
        } finally {
          await site.close();
        }
      });

      it(`served under another name (an asset pipeline's digest), loads its chunks once and never the bundle again, in ${name}`, async () => {
        const dist = join(app, 'node_modules/credit-balance/dist');
        const page = join(work, 'renamed.html');
        writeFileSync(
          page,
          `<!doctype html><script type="module" src="/assets/credit-balance-3f9a1c.js"></script>
          <credit-balance token-url="/api/credit-balance/token" customer-id="7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c" locale="de-DE" include-ledgers></credit-balance>`,
        );
        const files: Record<string, string> = { '/': page, '/assets/credit-balance-3f9a1c.js': join(dist, 'credit-balance.bundle.js') };
        for (const chunk of readdirSync(join(dist, 'credit-balance')))
          files[`/assets/credit-balance/${chunk}`] = join(dist, 'credit-balance', chunk);
        const site = await serve({ files, now: () => TEST_NOW });
        try {
          const tab = await browser.tab();
          await tab.goto(site.origin);
          await tab.waitFor(() => document.querySelector('credit-balance')?.matches(':state(ready)'));
          const seen = await tab.evaluate(() => {
            const root = document.querySelector('credit-balance')!.shadowRoot!;
            return {
              credits: root.querySelectorAll('[part~="credit"]').length,
              ledgers: root.querySelectorAll('[part~="ledger"]').length,
              title: root.querySelector('.title')!.textContent!.trim(),
            };
          });
          assert.deepEqual(
            seen,
            { credits: 7, ledgers: 6, title: 'Guthaben' },
            'German words and the history of the six credits that have one',
          );
          const scripts = site.requested.filter((path) => path.endsWith('.js'));
          assert.deepEqual(
            scripts.map((path) => path.replace(/-[\w-]{8}\.js$/, '.js')).sort(),
            [
              '/assets/credit-balance-3f9a1c.js',
              '/assets/credit-balance/de.js',
              '/assets/credit-balance/details.js',
              '/assets/credit-balance/ledgers.js',
            ].sort(),
            'the bundle once, under its new name, and the three chunks it needs',
          );
        } finally {
          await site.close();
        }
      });

      it(`the single-file variant, renamed and alone, shows German words, the history and grants, in ${name}`, async () => {
        const page = twoWidgets('single.html', '/assets/cb-single-77e0d2.js');
        const single = join(app, 'node_modules/credit-balance/dist/credit-balance.single.js');
        const site = await serve({ files: { '/': page, '/assets/cb-single-77e0d2.js': single }, now: () => TEST_NOW });
        try {
          const tab = await browser.tab();
          await tab.goto(site.origin);
          await tab.waitFor(() => [...document.querySelectorAll('credit-balance')].every((el) => el.matches(':state(ready)')));
          const seen = await tab.evaluate(() => {
            const [credits, grants] = [...document.querySelectorAll('credit-balance')].map((el) => el.shadowRoot!);
            return {
              credits: credits!.querySelectorAll('[part~="credit"]').length,
              ledgers: credits!.querySelectorAll('[part~="ledger"]').length,
              title: credits!.querySelector('.title')!.textContent!.trim(),
              grants: grants!.querySelectorAll('[part~="credit"]').length,
            };
          });
          assert.deepEqual(seen, { credits: 7, ledgers: 6, title: 'Guthaben', grants: 4 });
          assert.deepEqual(
            site.requested.filter((path) => path.endsWith('.js')),
            ['/assets/cb-single-77e0d2.js'],
            'one script, nothing else',
          );
        } finally {
          await site.close();
        }
      });

      it(`copied without its chunk folder, still shows credits: English words, no history, grants as an error, in ${name}`, async () => {
        const page = twoWidgets(
          'no-chunks.html',
          '/credit-balance.bundle.js',
          `<script>window.warnings = []; const warn = console.warn; console.warn = (...args) => { warnings.push(args.join(' ')); warn(...args); };</script>`,
        );
        const bundle = join(app, 'node_modules/credit-balance/dist/credit-balance.bundle.js');
        const site = await serve({ files: { '/': page, '/credit-balance.bundle.js': bundle }, now: () => TEST_NOW });
        try {
          const tab = await browser.tab();
          await tab.goto(site.origin);
          await tab.waitFor(() => {
            const [credits, grants] = document.querySelectorAll('credit-balance');
            return credits!.matches(':state(ready)') && grants!.matches(':state(error)');
          });
          const seen = await tab.evaluate(() => {
            const [credits, grants] = [...document.querySelectorAll('credit-balance')].map((el) => el.shadowRoot!);
            return {
              credits: credits!.querySelectorAll('[part~="credit"]').length,
              ledgers: credits!.querySelectorAll('[part~="ledger"]').length,
              title: credits!.querySelector('.title')!.textContent!.trim(),
              // What is seen: the cut amount, not the exact one kept for screen readers.
              total: (credits!.querySelector('[part~="total"] [aria-hidden="true"]')!.textContent ?? '').replace(/\s+/g, ' ').trim(),
              grantsError: grants!.querySelector('[part~="error"]')!.textContent!.replace(/\s+/g, ' ').trim(),
              retry: !!grants!.querySelector('[part~="retry-button"]'),
              warnings: (window as unknown as { warnings: string[] }).warnings,
            };
          });
          assert.equal(seen.credits, 7);
          assert.equal(seen.ledgers, 0, 'no history without its chunk');
          assert.equal(seen.title, 'Credits', 'English words');
          assert.match(seen.total, /^165,46 \$$/, 'German numbers');
          assert.match(seen.grantsError, /could not be reached/);
          assert.equal(seen.retry, true);
          assert.ok(
            seen.warnings.some((w) => w.includes('no details, its chunk could not be fetched')),
            seen.warnings.join('\n'),
          );
        } finally {
          await site.close();
        }
      });
    });
  }
});
