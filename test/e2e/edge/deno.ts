// The companion's Fetch handler, unchanged, in Deno: `Deno.serve`, options from the environment (secrets as
// environment variables, as Deno Deploy passes them). Started by test/e2e/edge.test.ts. It is left out of the
// project's type check, which has no Deno globals; `deno run` takes it as it is.
import { createCreditBalanceHandler } from '../../../dist/server/index.js';

const env = (name: string) => Deno.env.get(name) ?? '';
// With REDIS_URL the script asks for the Redis store, which must refuse Deno clearly, at start-up.
const store = env('REDIS_URL') ? (await import('../../../dist/server/redis.js')).redisStore(env('REDIS_URL')) : undefined;
const handler = createCreditBalanceHandler({
  ...(store && { store }),
  metronomeToken: env('METRONOME_BEARER_TOKEN'),
  metronomeBaseUrl: env('METRONOME_BASE_URL'),
  signingSecret: env('CREDIT_BALANCE_SECRET'),
  hostJwt: { secret: env('HOST_JWT_SECRET'), issuer: env('HOST_JWT_ISSUER'), audience: env('HOST_JWT_AUDIENCE') },
});
Deno.serve({ hostname: '127.0.0.1', port: Number(env('PORT')), onListen: () => console.log('listening') }, handler);
