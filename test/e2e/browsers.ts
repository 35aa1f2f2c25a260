// The browsers of the end-to-end tests, from Debian's packages: Chromium and Firefox ESR driven by puppeteer,
// and WebKit (WebKitGTK's MiniBrowser) driven by webdriverio through WebKitWebDriver, behind one small
// interface. WebDriver reads no console and no requests: pages record what a test needs to see. Every page reads
// the suite's clock (test/clock.ts).
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { remote } from 'webdriverio';
import { faketimeEnv, pageClockScript } from '../clock/node.js';
import { type WebKitDriver, startWebKitDriver, webkitCapabilities } from '../webkit.js';

/**
 * Chromium and Firefox ESR, with no lookups beyond this machine: puppeteer's own browsers, for a test that needs
 * more of puppeteer than `Tab` gives (a viewport, media features).
 */
export const browsers: Record<'chromium' | 'firefox', () => Promise<Browser>> = {
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

/** A page in one of the three engines. Functions run in the page, so they may not close over test variables. */
export interface Tab {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page. What it returns must have no `error` key: WebDriver reads that as a failure. */
  evaluate<T>(fn: () => T): Promise<T>;
  /** Resolves once `fn` returns something truthy in the page (checked every 50 ms, for at most `timeout` ms). */
  waitFor(fn: () => unknown, timeout?: number): Promise<void>;
  click(selector: string): Promise<void>;
}

/** A browser of one engine, with its cookies. */
export interface Session {
  tab(): Promise<Tab>;
  /** Sets a cookie for `url`'s host (WebDriver sets cookies for the page it is on, so this visits `url`). */
  setCookie(url: string, cookie: { name: string; value: string }): Promise<void>;
  close(): Promise<void>;
}

function fromPuppeteer(browser: Browser): Session {
  const wrap = (page: Page): Tab => ({
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn) => page.evaluate(fn) as never,
    waitFor: async (fn, timeout = 15_000) => void (await page.waitForFunction(fn, { timeout, polling: 50 })),
    click: (selector) => page.click(selector),
  });
  return {
    tab: async () => {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(pageClockScript);
      return wrap(page);
    },
    setCookie: (url, cookie) => browser.setCookie({ ...cookie, domain: new URL(url).hostname, path: '/', sameSite: 'Lax' }),
    close: () => browser.close(),
  };
}

/**
 * One WebKitWebDriver per test process, started when a test first asks for WebKit, under libfaketime: WebDriver
 * classic has no way to run the clock's script before a page's own.
 */
let webkitDriver: Promise<WebKitDriver> | undefined;

async function webkitSession(): Promise<Session> {
  const driver = await (webkitDriver ??= startWebKitDriver({ env: faketimeEnv() }));
  const browser = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: webkitCapabilities });
  const tab: Tab = {
    goto: async (url) => void (await browser.url(url)),
    evaluate: (fn) => browser.execute(fn) as never,
    waitFor: async (fn, timeout = 15_000) =>
      void (await browser.waitUntil(async () => !!(await browser.execute(fn)), { timeout, interval: 50 })),
    click: async (selector) => void (await (await browser.$(selector)).click()),
  };
  return {
    // One window per session: each test gets its own browser, so one tab is enough.
    tab: async () => tab,
    setCookie: async (url, cookie) => {
      await browser.url(url);
      await browser.setCookies({ ...cookie, path: '/' });
    },
    close: () => browser.deleteSession(),
  };
}

/** Chromium, Firefox ESR and WebKit, behind one interface. */
export const engines: Record<'chromium' | 'firefox' | 'webkit', () => Promise<Session>> = {
  chromium: async () => fromPuppeteer(await browsers.chromium()),
  firefox: async () => fromPuppeteer(await browsers.firefox()),
  webkit: webkitSession,
};
