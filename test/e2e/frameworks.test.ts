// React 19 and Vue 3 apps, built with Vite from the npm packages, in Chromium and Firefox ESR: the element
// renders the data, the tokenProvider property is used, events reach the app, and a prop change reloads.
// Needs `npm run build` (npm test builds first): the apps import 'credit-balance' from dist/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serve } from '../../demo/serve.js';
import { browsers } from './browsers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'credit-balance-frameworks-'));
after(() => rmSync(out, { recursive: true, force: true }));

for (const framework of ['react', 'vue']) {
  describe(`in ${framework}`, () => {
    let site: Awaited<ReturnType<typeof serve>>;
    before(async () => {
      await build({
        configFile: false,
        root: join(root, 'test/frameworks', framework),
        logLevel: 'error',
        resolve: { alias: [{ find: /^credit-balance$/, replacement: join(root, 'dist/index.js') }] },
        build: { outDir: join(out, framework), emptyOutDir: true },
      });
      site = await serve({ dir: join(out, framework) });
    });
    after(() => site.close());

    for (const [name, launch] of Object.entries(browsers)) {
      it(`renders, reports events and reloads on a prop change, in ${name}`, async () => {
        const browser = await launch();
        try {
          const page = await browser.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(String(error)));
          await page.goto(site.origin);
          await page.waitForFunction(() => document.querySelector('#events')?.textContent?.includes('load:'), { timeout: 15_000 });
          const first = await page.evaluate(() => ({
            events: document.querySelector('#events')!.textContent,
            credits: document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="credit"]').length,
            ledgers: document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="ledger"]').length,
          }));
          assert.equal(first.credits, 7);
          assert.ok(first.ledgers > 0, 'include-ledgers reached the element');
          assert.match(first.events!, /^load:7 expiring:\d+$/);
          await page.click('#scope');
          await page.waitForFunction(() => document.querySelector('#events')?.textContent?.includes('load:4'), { timeout: 15_000 });
          const credits = await page.evaluate(
            () => document.querySelector('credit-balance')!.shadowRoot!.querySelectorAll('[part~="credit"]').length,
          );
          assert.equal(credits, 4);
          assert.deepEqual(errors, []);
        } finally {
          await browser.close();
        }
      });
    }
  });
}
