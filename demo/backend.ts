/**
 * The demo's backend, also mounted by the browser tests: the mock Metronome under /mock, and the real server
 * companion under /api/credit-balance in front of it: widget → token → companion → Metronome-shaped API.
 *
 * With METRONOME_BEARER_TOKEN and CREDIT_BALANCE_CUSTOMER_ID set, the companion reads that customer from
 * the real Metronome API instead (METRONOME_BASE_URL overrides the API's address).
 */
import { randomBytes } from 'node:crypto';
import { type CustomerLimits, createCreditBalanceHandler } from '../src/server/index.js';
import { CUSTOMERS } from './mock/fixtures.js';
import { MOCK_API_KEY, createMockMetronome } from './mock/metronome.js';

export const COMPANION_PATH = '/api/credit-balance';
export const MOCK_PATH = '/mock';

/** The demo's stand-in for a session check: the signed-in user may see the seeded customers. */
const demoCustomers = new Set<string>(Object.values(CUSTOMERS));

export function createDemoBackend(
  env: Record<string, string | undefined> = process.env,
  { limits, now }: { limits?: CustomerLimits; now?: () => Date } = {},
) {
  const mock = createMockMetronome({ basePath: MOCK_PATH, ...(now && { now }) });
  const real = env.METRONOME_BEARER_TOKEN && env.CREDIT_BALANCE_CUSTOMER_ID;
  const companion = createCreditBalanceHandler({
    basePath: COMPANION_PATH,
    signingSecret: env.CREDIT_BALANCE_SECRET ?? randomBytes(32),
    ...(limits && { limits }),
    ...(real
      ? {
          metronomeToken: env.METRONOME_BEARER_TOKEN!,
          ...(env.METRONOME_BASE_URL && { metronomeBaseUrl: env.METRONOME_BASE_URL }),
          authorize: () => ({ customerId: env.CREDIT_BALANCE_CUSTOMER_ID! }),
        }
      : {
          metronomeToken: MOCK_API_KEY,
          metronomeBaseUrl: `http://mock.invalid${MOCK_PATH}`,
          // The mock runs in this process: hand it the request rather than go through the network.
          fetch: async (input, init) => mock.handle(new Request(input, init)),
          authorize: async (request) => {
            const { customer_id: wanted } = (await request.json().catch(() => ({}))) as { customer_id?: unknown };
            // Tests create their own customers on the mock (scenario ids); the demo has the seeded ones.
            if (typeof wanted === 'string' && (demoCustomers.has(wanted) || wanted.startsWith('scenario-'))) {
              return { customerId: wanted };
            }
            return null;
          },
        }),
  });
  return {
    mode: real ? 'metronome' : 'mock',
    routes: [
      { prefix: MOCK_PATH, handler: mock.handle },
      { prefix: COMPANION_PATH, handler: companion },
    ],
  };
}
