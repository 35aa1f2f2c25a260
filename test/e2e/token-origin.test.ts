// A token endpoint on a sibling origin, as a host whose API lives beside its app would run it: the page on one
// local origin, the server companion on another (CORS with credentials through `allowedOrigins`). With
// `token-credentials="include"` the session cookie reaches the token endpoint and the credits load from there;
// without it the cookie stays home and the customer sees the token error. Needs `npm run build`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CUSTOMERS } from '../../demo/mock/fixtures.js';
import { MOCK_API_KEY, createMockMetronome } from '../../demo/mock/metronome.js';
import { serve } from '../../demo/serve.js';
import { createCreditBalanceHandler, toNodeListener } from '../../src/server/index.js';
import { TEST_NOW } from '../clock.js';
import { engines } from './browsers.js';

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
let page: Awaited<ReturnType<typeof serve>>;
let api: Server;
let apiOrigin: string;
const seenCookies: (string | null)[] = [];

before(async () => {
  // The API origin: the companion, for the page's origin only, signing in whoever has the session cookie.
  // Each origin must name the other: the companion is made once the page's origin is known.
  let companion: ReturnType<typeof toNodeListener> | undefined;
  api = createServer((req, res) => void companion!(req, res));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiOrigin = `http://localhost:${(api.address() as AddressInfo).port}`;

  const html = join(tmpdir(), `credit-balance-sibling-${process.pid}.html`);
  const token = `${apiOrigin}/api/credit-balance/token`;
  writeFileSync(
    html,
    `<!doctype html><script type="module" src="/dist/credit-balance.bundle.js"></script>
    <credit-balance id="include" token-url="${token}" token-credentials="include"></credit-balance>
    <credit-balance id="same-origin" token-url="${token}"></credit-balance>`,
  );
  page = await serve({ files: { '/': html }, dir: file('.'), now: () => TEST_NOW });
  const mock = createMockMetronome({ now: () => TEST_NOW });
  companion = toNodeListener(
    createCreditBalanceHandler({
      metronomeToken: MOCK_API_KEY,
      signingSecret: 'a-test-signing-secret-of-at-least-32-bytes!',
      metronomeBaseUrl: 'http://mock.invalid',
      fetch: async (input, init) => mock.handle(new Request(input, init)),
      allowedOrigins: [page.origin.replace('127.0.0.1', 'localhost')],
      authorize: (request) => {
        const cookie = request.headers.get('cookie');
        seenCookies.push(cookie);
        return cookie?.includes('session=signed-in') ? { customerId: CUSTOMERS.acme } : null;
      },
    }),
  );
});
after(async () => {
  await page.close();
  await new Promise((resolve) => api.close(resolve));
});

describe('a token endpoint on a sibling origin', () => {
  for (const [name, launch] of Object.entries(engines)) {
    it(`${name}: token-credentials="include" sends the session cookie; the default does not`, async () => {
      const browser = await launch();
      try {
        const site = page.origin.replace('127.0.0.1', 'localhost');
        await browser.setCookie(`${apiOrigin}/`, { name: 'session', value: 'signed-in' });
        const tab = await browser.tab();
        seenCookies.length = 0;
        await tab.goto(site);
        await tab.waitFor(
          () =>
            document.querySelector('#include')!.matches(':state(ready)') &&
            document.querySelector('#same-origin')!.matches(':state(error)'),
        );
        const seen = await tab.evaluate(() => ({
          credits: document.querySelector('#include')!.shadowRoot!.querySelectorAll('[part~="credit"]').length,
          errorText: document.querySelector('#same-origin')!.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim(),
        }));
        assert.equal(seen.credits, 7, 'the credits load from the API origin (its relative api_base resolved against it)');
        assert.match(seen.errorText, /Your session could not be verified/);
        assert.ok(
          seenCookies.some((cookie) => cookie?.includes('session=signed-in')),
          'the cookie reached the token endpoint',
        );
        assert.ok(
          seenCookies.some((cookie) => cookie === null),
          'without include, no cookie',
        );
      } finally {
        await browser.close();
      }
    });
  }
});
