// The two browsers of the end-to-end tests, from Debian's packages, driven by puppeteer.
import puppeteer, { type Browser } from 'puppeteer';

/** Chromium and Firefox ESR, with no lookups beyond this machine. */
export const browsers: Record<string, () => Promise<Browser>> = {
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
