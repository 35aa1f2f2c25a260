// A plain HTML page that loads only dist/credit-balance.bundle.js (and the chunks it fetches from beside
// itself: the grants widget needs one), served with a strict Content Security
// Policy (no 'unsafe-inline' anywhere), in Chromium and Firefox ESR: the credits render, the policy is never
// violated, and the page talks only to itself. Needs `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../demo/serve.js';
import { browsers } from './browsers.js';

/** The policy the README recommends to hosts. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
let site: Awaited<ReturnType<typeof serve>>;
let origin: string;

before(async () => {
  site = await serve({
    // The page, and the bundle with its chunk folder (dist/credit-balance/), as a host would self-host them.
    files: { '/': file('demo/cdn.html') },
    dir: file('.'),
    headers: { 'content-security-policy': CSP },
  });
  origin = site.origin;
});
after(() => site.close());

describe('the script tag alone, under a strict CSP', () => {
  for (const [name, launch] of Object.entries(browsers)) {
    it(`renders in ${name} without a policy violation, talking only to its own origin`, async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        const requested: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        page.on('console', (message) => {
          if (/Content[- ]Security[- ]Policy|CSP/i.test(message.text())) problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(String(error)));
        await page.goto(origin, { waitUntil: 'load' });
        await page.waitForFunction(
          () => [...document.querySelectorAll('credit-balance')].every((el) => el.matches(':state(ready)')),
          { timeout: 15_000 },
        );
        const counts = await page.evaluate(() =>
          [...document.querySelectorAll('credit-balance')].map((el) => el.shadowRoot!.querySelectorAll('[part~="credit"]').length),
        );
        assert.deepEqual(counts, [7, 4]);
        const styled = await page.evaluate(() => {
          const base = document.querySelector('credit-balance')!.shadowRoot!.querySelector('[part~="base"]')!;
          return getComputedStyle(base).borderTopStyle;
        });
        assert.equal(styled, 'solid', 'the widget’s styles apply under the policy');
        assert.deepEqual(problems, []);
        // Firefox loads a built-in font as a data: URL; data: URLs never reach the network.
        for (const url of requested.filter((u) => !u.startsWith('data:'))) {
          assert.ok(url.startsWith(`${origin}/`), `unexpected request to ${url}`);
        }
      } finally {
        await browser.close();
      }
    });
  }
});
