// What the companion's Node tests share: real HTTP servers on free ports (closed after the file), and the mock
// Metronome on one of them, with a scenario per test and its request log.
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { type LoggedRequest, type Scenario, createMockMetronome } from '../../demo/mock/metronome.js';
import { ConfigError, toNodeListener } from '../../src/server/index.js';
import { TEST_NOW } from '../clock.js';

export const SECRET = 'a-test-signing-secret-of-at-least-32-bytes!';
export const BASE = '/api/credit-balance';

const servers: Server[] = [];
after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** A real HTTP server on a free local port, closed after the test file; its origin. */
export async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The mock Metronome, on a real port of its own for the test file. */
export const upstream = { origin: '' };
before(async () => {
  upstream.origin = await listen(toNodeListener(createMockMetronome({ now: () => TEST_NOW }).handle));
});

/** A customer of the test's own on the mock. */
export async function scenario(spec: Scenario = {}): Promise<string> {
  const response = await fetch(`${upstream.origin}/__scenarios`, { method: 'POST', body: JSON.stringify(spec) });
  return ((await response.json()) as { id: string }).id;
}

/** What the mock received for a scenario, in order. */
export async function upstreamLog(id: string): Promise<LoggedRequest[]> {
  return ((await (await fetch(`${upstream.origin}/__scenarios/${id}/log`)).json()) as { requests: LoggedRequest[] }).requests;
}

/** Lets a call the mock holds at `gate` (a fault of the scenario) through. */
export const openGate = (id: string, gate: string) => fetch(`${upstream.origin}/__scenarios/${id}/gates/${gate}`, { method: 'POST' });

/** Resolves once `check` holds (checked every 10 ms, for at most 5 s). */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`never: ${what}`);
}

export { freePort } from '../ports.js';

/** For `assert.throws`: a {@link ConfigError} about exactly these options (its wording is the reporter's). */
export const configErrorAbout =
  (...options: string[]) =>
  (error: unknown): boolean => {
    if (!(error instanceof ConfigError)) return false;
    assert.deepEqual(error.options, options);
    return true;
  };
