// One replica of the companion for bench/sign-ins.ts, in a process of its own (its own core, as in production):
// it signs in with a session check URL, the host's endpoint served here too (it names the customer its cookie
// names, at once), behind a proxy it trusts (the benchmark, which says in X-Forwarded-For whom it forwards for).
// Its session check options are the JSON in argv[2]; it prints its origin once it listens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SessionCheckOptions, createCreditBalanceHandler, toNodeListener } from '../src/server/index.js';

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const host = await listen(
  createServer((req, res) => {
    const customer = /session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    res
      .writeHead(customer ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify(customer ? { metronome_customer_id: customer } : {}));
  }),
);
const options = JSON.parse(process.argv[2] ?? '{}') as Partial<SessionCheckOptions>;
const handler = createCreditBalanceHandler({
  metronomeToken: 'not-used-here',
  signingSecret: 'the-benchmark-replicas-signing-secret!!',
  trustedProxies: ['127.0.0.1'],
  sessionCheck: { url: `${host}/api/me`, ...options },
});
console.log(await listen(createServer(toNodeListener(handler))));
