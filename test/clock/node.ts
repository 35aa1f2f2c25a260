// The suite's clock for what the Node tests start (test/clock.ts says what it is): child processes, pages in
// puppeteer, a Worker's bundle, and WebKit through libfaketime.
import { existsSync, readFileSync } from 'node:fs';
import { TEST_NOW } from '../clock.js';

const moveDate = readFileSync(new URL('./move-date.js', import.meta.url), 'utf8');
const clock = globalThis.CREDIT_BALANCE_TEST_CLOCK!;

/** A classic script that pins a page's `Date` to `TEST_NOW`, for a browser to run before the page's own scripts. */
export const pageClockScript = `globalThis.CREDIT_BALANCE_TEST_CLOCK = ${JSON.stringify({ at: TEST_NOW.getTime(), pinned: true })};\n${moveDate}`;

/** A script that moves a runtime's `Date` by this run's offset, for code that reads no environment (a Worker's bundle). */
export const runtimeClockScript = `globalThis.CREDIT_BALANCE_TEST_CLOCK = ${JSON.stringify({ at: clock.at, offsetMs: clock.offsetMs })};\n${moveDate}`;

/**
 * What a child process needs to read this run's clock: the instant and the offset (which `runtime.mjs` and the
 * Python host read), and for Node, the bootstrap loaded before the program (`NODE_OPTIONS`).
 */
export function clockEnv(): Record<string, string> {
  const bootstrap = `--import=${new URL('./runtime.mjs', import.meta.url).href}`;
  return {
    CREDIT_BALANCE_TEST_NOW: process.env.CREDIT_BALANCE_TEST_NOW!,
    CREDIT_BALANCE_TEST_CLOCK_OFFSET_MS: process.env.CREDIT_BALANCE_TEST_CLOCK_OFFSET_MS!,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, bootstrap].filter(Boolean).join(' '),
  };
}

/** Debian's libfaketime (package faketime), for this machine's architecture. */
export const LIBFAKETIME =
  process.env.LIBFAKETIME ?? `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/faketime/libfaketime.so.1`;

/**
 * The environment that moves the wall clock of a process running none of our scripts, and of its children, by this
 * run's offset (WebKit's MiniBrowser, whose pages WebDriver classic cannot reach before their own scripts run).
 * libfaketime hangs programs with an allocator of their own (Firefox, Redis, workerd), which is why it is used only
 * there; the monotonic clock stays real, so timers keep their pace.
 */
export function faketimeEnv(): Record<string, string> {
  if (!existsSync(LIBFAKETIME)) throw new Error(`${LIBFAKETIME} is missing: install Debian's faketime package (npm test does)`);
  const seconds = clock.offsetMs! / 1000;
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME: `${seconds >= 0 ? '+' : ''}${seconds}`, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}
