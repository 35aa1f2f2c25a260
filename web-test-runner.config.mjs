import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { tsImport } from 'tsx/esm/api';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
// The suite's clock (test/clock.ts), before anything reads the time: this process serves the mock and the companion.
import './test/clock/runtime.mjs';

const { createDemoBackend } = await tsImport('./demo/backend.ts', import.meta.url);
const { koaMiddleware } = await tsImport('./demo/mock/mount.ts', import.meta.url);
const { TEST_NOW } = await tsImport('./test/clock.ts', import.meta.url);
const { pageClockScript } = await tsImport('./test/clock/node.ts', import.meta.url);

/**
 * The demo's backend on the test page's own origin: the mock Metronome, its data laid out around the suite's
 * instant, and the companion in front of it.
 */
const backend = createDemoBackend({}, { now: () => TEST_NOW });

/** Every test page pins its `Date` to the suite's instant before any other script runs (test/clock.ts). */
const testRunnerHtml = (testFramework) =>
  `<!DOCTYPE html><html><head><script>${pageClockScript}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`;

/** Chromium from Debian's packages; no network beyond localhost (TOOLCHAIN.md). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Pinned so that dates mean the same on every machine; not UTC, so a date shown in the wrong zone shows up. */
const locale = 'en-US';
const timezoneId = 'America/New_York';

const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: chromiumArgs,
  },
  createBrowserContext: ({ browser }) => browser.newContext({ locale, timezoneId }),
});

/** Firefox ESR from Debian's packages, driven by puppeteer over WebDriver BiDi; every lookup resolves locally. */
const firefox = puppeteerLauncher({
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    env: { ...process.env, TZ: timezoneId },
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      'privacy.resistFingerprinting': false,
      // Test pages run side by side as tabs of one window: each keeps its own focus (keyboard tests), as in
      // Firefox's own test suites, and the tab in the background keeps full-speed timers.
      'focusmanager.testmode': true,
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      'dom.suspend_inactive.enabled': false,
    },
  },
});

/**
 * `WTR_BROWSERS=chromium`, `firefox` or `webkit` (or a comma-separated list) runs those; without it, all three.
 * `npm test` runs each in a test runner of its own (Chromium, then Firefox and WebKit side by side): Firefox
 * freezes a test page left in a background tab, and WebDriver drives one page at a time, so those two get one page
 * at a time.
 */
const only = process.env.WTR_BROWSERS?.split(',');
const wanted = (name) => !only || only.includes(name);

/** WebKit (Safari's engine): WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb, started for this run. */
async function webkit() {
  const { startWebKitDriver, webkitCapabilities } = await tsImport('./test/webkit.ts', import.meta.url);
  const driver = await startWebKitDriver({ lang: `${locale.replace('-', '_')}.UTF-8`, timeZone: timezoneId });
  return webdriverLauncher({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: webkitCapabilities });
}

const browsers = [
  ...(wanted('chromium') ? [chromium] : []),
  ...(wanted('firefox') ? [firefox] : []),
  ...(wanted('webkit') ? [await webkit()] : []),
];

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: only?.length === 1 && only[0] === 'chromium' ? 2 : 1,
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: backend.routes.map(({ prefix, handler }) => koaMiddleware(prefix, handler)),
  testRunnerHtml,
  browsers,
  testFramework: { config: { timeout: 15_000 } },
  // Whole files, on two cores shared by two browsers: the property suite alone runs 12,000 cases.
  testsFinishTimeout: 300_000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter(`.test-results/wtr-${only ?? 'all'}.json`)],
};
