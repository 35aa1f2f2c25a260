// The demo page (`npm start`), served by Vite as `npm start` serves it, on a phone's width and on a desktop's, in
// Chromium and Firefox ESR (WebKit's MiniBrowser has no window narrower than 447 px): it never scrolls sideways,
// "Error, then retry" fails on every page view until it is retried, and the page follows the system's dark mode.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer';
import { type ViteDevServer, createServer } from 'vite';
import { pageClockScript } from '../clock/node.js';
import { freePort } from '../ports.js';
import { browsers } from './browsers.js';

let server: ViteDevServer;
let origin: string;

before(async () => {
  const port = await freePort();
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port, strictPort: true } });
  await server.listen();
  origin = `http://127.0.0.1:${port}/`;
});
after(() => server.close());

/** The demo at `width`, once every widget has loaded or failed. */
async function demo(browser: Browser, width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(pageClockScript);
  await page.setViewport({ width, height: 900 });
  await page.goto(origin);
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('credit-balance')];
      return widgets.length === 12 && widgets.every((el) => el.matches(':state(ready), :state(empty), :state(error)'));
    },
    { timeout: 30_000, polling: 100 },
  );
  return page;
}

/** Whether the page scrolls sideways, and the state of the "Error, then retry" widget. */
const seen = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    flaky: document.querySelector('#flaky credit-balance')!.matches(':state(error)'),
  }));

describe('the demo (npm start)', () => {
  for (const [name, launch] of Object.entries(browsers)) {
    it(`fits 390 px and 1280 px, and shows "Error, then retry" failing on every page view, in ${name}`, async () => {
      const browser = await launch();
      try {
        for (const width of [390, 1280]) {
          const page = await demo(browser, width);
          assert.deepEqual(await seen(page), { sideways: false, flaky: true }, `${width} px`);
          // Retried, it loads; the page viewed again fails again (a customer of its own per view).
          await page.evaluate(() =>
            (document.querySelector('#flaky credit-balance')!.shadowRoot!.querySelector('[part~="retry-button"]') as HTMLElement).click(),
          );
          await page.waitForFunction(() => document.querySelector('#flaky credit-balance')!.matches(':state(ready)'), { timeout: 15_000 });
          await page.reload();
          await page.waitForFunction(() => document.querySelector('#flaky credit-balance')?.matches(':state(error)'), { timeout: 30_000 });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    });
  }

  it('follows the system’s dark mode, in chromium', async () => {
    const browser = await browsers.chromium();
    try {
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.goto(origin);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(1, 4, 9)');
    } finally {
      await browser.close();
    }
  });
});
