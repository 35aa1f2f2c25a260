// The companion's Fetch handler, unchanged, as a Cloudflare Worker (workerd): options from the Worker's
// bindings, where Cloudflare passes secrets. Bundled and started by test/e2e/edge.test.ts.
import { type CreditBalanceHandlerOptions, createCreditBalanceHandler } from '../../../src/server/index.js';

interface Env {
  METRONOME_BEARER_TOKEN: string;
  METRONOME_BASE_URL: string;
  CREDIT_BALANCE_SECRET: string;
  HOST_JWT_SECRET: string;
  HOST_JWT_ISSUER: string;
  HOST_JWT_AUDIENCE: string;
}

let handler: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    // Bindings arrive with the first request: the handler is made then, once.
    handler ??= createCreditBalanceHandler({
      metronomeToken: env.METRONOME_BEARER_TOKEN,
      metronomeBaseUrl: env.METRONOME_BASE_URL,
      signingSecret: env.CREDIT_BALANCE_SECRET,
      hostJwt: { secret: env.HOST_JWT_SECRET, issuer: env.HOST_JWT_ISSUER, audience: env.HOST_JWT_AUDIENCE },
    } satisfies CreditBalanceHandlerOptions);
    return handler(request);
  },
};
