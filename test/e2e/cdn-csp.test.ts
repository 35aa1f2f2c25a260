// A plain HTML page that loads only dist/credit-balance.bundle.js (and the chunks it fetches from beside
// itself: the grants widget needs one), served with a strict Content Security
// Policy (no 'unsafe-inline' anywhere), in Chromium, Firefox ESR and WebKit: the credits render, the policy is never
// violated (the balance chart's included), and the page talks only to itself. Needs `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../demo/serve.js';
import { TEST_NOW } from '../clock.js';
import { engines } from './browsers.js';

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
    now: () => TEST_NOW,
  });
  origin = site.origin;
});
after(() => site.close());

describe('the script tag alone, under a strict CSP', () => {
  for (const [name, launch] of Object.entries(engines)) {
    it(`renders in ${name} without a policy violation, talking only to its own origin`, async () => {
      const browser = await launch();
      try {
        const page = await browser.tab();
        await page.goto(origin);
        const allReady = () => [...document.querySelectorAll('credit-balance')].every((el) => el.matches(':state(ready)'));
        await page.waitFor(allReady);
        const counts = await page.evaluate(() =>
          [...document.querySelectorAll('credit-balance')].map((el) => el.shadowRoot!.querySelectorAll('[part~="credit"]').length),
        );
        assert.deepEqual(counts, [7, 4]);
        const styled = await page.evaluate(() => {
          const base = document.querySelector('credit-balance')!.shadowRoot!.querySelector('[part~="base"]')!;
          return getComputedStyle(base).borderTopStyle;
        });
        assert.equal(styled, 'solid', 'the widget’s styles apply under the policy');
        // Every engine reports a violation as a `securitypolicyviolation` event. With a listener in place, both
        // widgets again, in German: their styles, the language chunk and the grants chunk, under the policy.
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { violations: string[] }).violations = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
          for (const el of [...document.querySelectorAll('credit-balance')]) {
            const again = el.cloneNode() as Element;
            again.setAttribute('locale', 'de-DE');
            document.body.append(again);
          }
        });
        await page.waitFor(allReady);
        const seen = await page.evaluate(() => ({
          violations: (window as unknown as { violations: string[] }).violations,
          german: document.querySelectorAll('credit-balance')[2]!.shadowRoot!.querySelector('.title')!.textContent!.trim(),
          // The balance charts: an SVG drawn and a "Now" label placed (through CSSOM) under the policy.
          charts: [...document.querySelectorAll('credit-balance')[2]!.shadowRoot!.querySelectorAll('[part~="chart"]')].map((chart) => ({
            drawn: chart.querySelector('svg')!.getBoundingClientRect().height > 0,
            placed: getComputedStyle(chart.querySelector('.timeline__now-label')!).insetInlineStart !== 'auto',
          })),
          // What the page fetched: scripts, chunks and API calls alike.
          requested: performance.getEntriesByType('resource').map((entry) => entry.name),
        }));
        assert.deepEqual(seen.violations, []);
        assert.equal(seen.german, 'Guthaben', 'the German chunk loaded under the policy');
        assert.deepEqual(
          seen.charts,
          [1, 2, 3].map(() => ({ drawn: true, placed: true })),
          'a chart per currency, drawn under the policy',
        );
        assert.ok(
          seen.requested.some((url) => url.includes('/credit-balance/')),
          'chunks were fetched',
        );
        for (const url of seen.requested.filter((u) => !u.startsWith('data:'))) {
          assert.ok(url.startsWith(`${origin}/`), `unexpected request to ${url}`);
        }
      } finally {
        await browser.close();
      }
    });
  }
});
