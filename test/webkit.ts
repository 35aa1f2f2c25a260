// WebKit, the engine of Safari, from Debian's packages (webkit2gtk-driver, xvfb, xauth): WebKitGTK's
// MiniBrowser, driven over W3C WebDriver by WebKitWebDriver under a virtual X display. Used by the browser
// tests (web-test-runner's WebDriver launcher) and by the end-to-end tests (webdriverio).
import { spawn } from 'node:child_process';
import { accepting, freePort } from './ports.js';

export const MINIBROWSER = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The session WebKitWebDriver accepts: MiniBrowser in automation mode, and WebDriver classic (no BiDi). */
export const webkitCapabilities = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  'wdio:enforceWebDriverClassic': true,
};

export interface WebKitDriver {
  port: number;
  close(): void;
}

/**
 * Starts WebKitWebDriver on a free port under `xvfb-run` (MiniBrowser has no headless mode), with the locale
 * and time zone the tests pin: a machine with only the C locale otherwise gives `navigator.language === 'C'`.
 * `close()` ends the driver, the display and every browser they started.
 */
export async function startWebKitDriver({ lang = 'en_US.UTF-8', timeZone = 'America/New_York' } = {}): Promise<WebKitDriver> {
  const port = await freePort();
  let output = '';
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: lang, LC_ALL: lang, TZ: timeZone },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const close = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', close);
  await accepting(port, child, () => output);
  // The driver does not keep the test process alive: it ends with the process (`exit` above).
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref(): void }).unref();
  return { port, close };
}
