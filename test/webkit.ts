// WebKit, the engine of Safari, from Debian's packages (webkit2gtk-driver, xvfb): WebKitGTK's
// MiniBrowser, driven over W3C WebDriver by WebKitWebDriver under a virtual X display. Used by the browser
// tests (web-test-runner's WebDriver launcher) and by the end-to-end tests (webdriverio).
import { accepting, freePort, spawnLogged } from './ports.js';

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
 * Starts a virtual X display (Xvfb, which picks a free display number itself: several test processes may start
 * one at once) and WebKitWebDriver on a free port on it (MiniBrowser has no headless mode), with the locale
 * and time zone the tests pin: a machine with only the C locale otherwise gives `navigator.language === 'C'`.
 * `env` goes to the driver and the browsers it starts. `close()` ends the driver, the display and every browser
 * they started.
 */
export async function startWebKitDriver({
  lang = 'en_US.UTF-8',
  timeZone = 'America/New_York',
  env = {} as Record<string, string>,
} = {}): Promise<WebKitDriver> {
  const { child: xvfb, output: xvfbOutput } = spawnLogged('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let written = '';
    xvfb.stdio[3]!.on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(written.trim());
    });
    xvfb.once('exit', () => reject(new Error(`Xvfb exited: ${xvfbOutput()}`)));
  });
  const port = await freePort();
  const { child: driver, output: driverOutput } = spawnLogged('WebKitWebDriver', [`--port=${port}`], {
    detached: true,
    env: { ...process.env, ...env, DISPLAY: `:${display}`, LANG: lang, LC_ALL: lang, TZ: timeZone },
  });
  const close = () => {
    for (const child of [driver, xvfb]) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', close);
  await accepting(port, driver, () => xvfbOutput() + driverOutput());
  // Neither keeps the test process alive: they end with it (`exit` above).
  for (const child of [driver, xvfb]) {
    child.unref();
    for (const stream of child.stdio) (stream as unknown as { unref?(): void } | null)?.unref?.();
  }
  return { port, close };
}
