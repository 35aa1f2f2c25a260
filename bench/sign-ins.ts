// What one replica of the companion sustains in sign-ins with a session check URL (bench/replica.ts, in a
// process of its own), driven from here as a proxy would drive it: token requests, each client at an address
// of its own (X-Forwarded-For). Four runs: new customers with the default bounds; new customers with the rate
// lifted (what the process itself sustains); refreshes of customers already signed in (answers kept); and new
// customers at a steady pace while one address floods with made-up cookies.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';

/** What one run measured: token requests per second by outcome. */
export interface SignInRun {
  signedIn: number;
  refused: number;
  other: number;
  seconds: number;
}

/** A replica with `options` (its session check's), for the time `use` takes. */
async function withReplica<T>(options: object, use: (origin: string) => Promise<T>): Promise<T> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./replica.ts', import.meta.url)), JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    return await use(line.toString().trim());
  } finally {
    child.kill();
  }
}

let serial = 0;
/** A new customer's cookie and address, never seen before. */
const newcomer = () => {
  const n = ++serial;
  return { cookie: `session=customer-${n}`, client: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};

/** Asks `origin` for a token for `who`, on one of `agent`'s kept connections; its status. */
const signIn = (origin: string, agent: Agent, who: { cookie: string; client: string }) =>
  new Promise<number>((resolve, reject) => {
    const headers = { cookie: who.cookie, 'x-forwarded-for': who.client, 'content-type': 'application/json' };
    request(`${origin}/api/credit-balance/token`, { method: 'POST', agent, headers }, (response) => {
      response.resume().on('end', () => resolve(response.statusCode!));
    })
      .on('error', reject)
      .end('{}');
  });

/**
 * `concurrency` loops asking for tokens for `next()` for `seconds`. With `drain`, the replica's bucket is emptied
 * first (asked until it refuses, not counted), so that what is counted is the rate it sustains, not its burst.
 */
async function drive(origin: string, seconds: number, concurrency: number, next: () => { cookie: string; client: string }, drain = false) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    while (drain && (await signIn(origin, agent, next())) !== 429);
    const run: SignInRun = { signedIn: 0, refused: 0, other: 0, seconds };
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const status = await signIn(origin, agent, next());
          if (status === 200) run.signedIn += 1;
          else if (status === 429) run.refused += 1;
          else run.other += 1;
        }
      }),
    );
    return run;
  } finally {
    agent.destroy();
  }
}

/**
 * New customers at `perSecond` (each once, from its own address) for `seconds`, while one address asks with a
 * new made-up cookie as fast as `floodConcurrency` connections allow: how many customers got a token.
 */
async function underFlood(origin: string, seconds: number, perSecond: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    let flooding = true;
    let flood = 0;
    const attacker = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (flooding) {
          await signIn(origin, agent, { cookie: `made-up=${++serial}`, client: '203.0.113.66' });
          flood += 1;
        }
      }),
    );
    // The flood has a head start of a second: long enough to empty a bucket it could empty.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const customers: Promise<number>[] = [];
    for (let i = 0; i < seconds * perSecond; i++) {
      customers.push(signIn(origin, agent, newcomer()));
      await new Promise((resolve) => setTimeout(resolve, 1_000 / perSecond));
    }
    const statuses = await Promise.all(customers);
    flooding = false;
    await attacker;
    return { customers: statuses.length, signedIn: statuses.filter((s) => s === 200).length, floodPerSecond: flood / (seconds + 1) };
  } finally {
    agent.destroy();
  }
}

/** The four runs, each `seconds` long. */
export async function signIns(seconds: number) {
  const defaults = await withReplica({}, (origin) => drive(origin, seconds, 16, newcomer, true));
  const lifted = { checksBurst: 1e9, checksPerSecond: 1e9, clientChecksBurst: 1e9, clientChecksPerSecond: 1e9 };
  const capacity = await withReplica(lifted, (origin) => drive(origin, seconds, 16, newcomer));
  const refreshes = await withReplica({}, async (origin) => {
    // 200 customers signed in once; then each asks again, as the widget does before its token expires.
    const known = Array.from({ length: 200 }, newcomer);
    const agent = new Agent({ keepAlive: true });
    for (const who of known) await signIn(origin, agent, who);
    agent.destroy();
    let turn = 0;
    return drive(origin, seconds, 16, () => known[turn++ % known.length]!);
  });
  const flood = await withReplica({}, (origin) => underFlood(origin, seconds, 50));
  return { defaults, capacity, refreshes, flood };
}
