// A plain HTML page that loads only dist/credit-balance.bundle.js, served with a strict Content Security
// Policy (no 'unsafe-inline' anywhere), in Chromium and Firefox ESR: the credits render, the policy is never
// violated, and the page talks only to itself. Needs `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer';
import { createDemoBackend } from '../../demo/backend.js';
import { toNodeListener } from '../../src/server/index.js';

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

const root = new URL('../../', import.meta.url);
let server: Server;
let origin: string;

before(async () => {
  const backend = createDemoBackend({});
  const routes = backend.routes.map(({ prefix, handler }) => ({ prefix, listener: toNodeListener(handler) }));
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => path.startsWith(`${r.prefix}/`));
    if (route) return route.listener(req, res);
    const files: Record<string, [string, string]> = {
      '/': ['demo/cdn.html', 'text/html'],
      '/dist/credit-balance.bundle.js': ['dist/credit-balance.bundle.js', 'text/javascript'],
    };
    const file = files[path];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1], 'content-security-policy': CSP }).end(await readFile(new URL(file[0], root)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const browsers: Record<string, () => Promise<Browser>> = {
  chromium: () =>
    puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
      headless: true,
      args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
    }),
  firefox: () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
    }),
};

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
        assert.deepEqual(counts, [7, 3]);
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
