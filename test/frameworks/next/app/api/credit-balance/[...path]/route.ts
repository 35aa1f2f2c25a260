// The server companion as a route handler, as the README shows it. Its options are read at the first request,
// not when `next build` loads this module: the secrets need not be in the build environment, and a missing
// one fails that first request loudly.
import { createCreditBalanceHandler } from 'credit-balance/server';

const handler = createCreditBalanceHandler(() => ({
  metronomeToken: process.env.METRONOME_BEARER_TOKEN!,
  signingSecret: process.env.CREDIT_BALANCE_SECRET!,
  // The test's mock Metronome; without it, Metronome itself.
  ...(process.env.METRONOME_BASE_URL && { metronomeBaseUrl: process.env.METRONOME_BASE_URL }),
  authorize: async (request) => {
    // Stands in for your session check: the signed-in user's Metronome customer.
    const { customer_id: wanted } = (await request.json().catch(() => ({}))) as { customer_id?: unknown };
    return typeof wanted === 'string' && wanted === process.env.SIGNED_IN_CUSTOMER ? { customerId: wanted } : null;
  },
}));

export const POST = handler;
