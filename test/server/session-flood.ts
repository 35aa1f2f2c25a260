// Run by identity.test.ts in a process of its own, with --expose-gc: the heap of the session check under a flood
// of distinct Cookie headers, and after what it kept has expired. Prints `{ flooded, expired }`, bytes of heap
// grown from before the flood.
import { sessionCheckAuthorize } from '../../src/server/identity.js';

const authorize = sessionCheckAuthorize({
  url: 'http://host.invalid/api/me',
  cacheSeconds: 1,
  // The rate of checks is not what this measures: every cookie is asked about.
  checksBurst: 1e9,
  checksPerSecond: 1e9,
  fetch: async () => new Response('{"metronome_customer_id":"c"}', { status: 200 }),
});
const heap = () => {
  globalThis.gc!();
  return process.memoryUsage().heapUsed;
};
const ask = (cookie: string) => authorize(new Request('http://app.test/api/credit-balance/token', { method: 'POST', headers: { cookie } }));

const before = heap();
const padding = 'x'.repeat(4_000);
for (let i = 0; i < 20_000; i++) await ask(`session=${i}; padding=${padding}`);
const flooded = heap() - before;
await new Promise((resolve) => setTimeout(resolve, 1_100));
await ask('session=after');
console.log(JSON.stringify({ flooded, expired: heap() - before }));
