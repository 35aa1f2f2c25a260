/**
 * What the widget and the companion both know of Metronome, written once: its API's base URL, its USD credit type, the paths of the
 * list calls the widget makes (and the companion forwards), their page sizes, and how long the widget gives one
 * attempt (the companion's upstream timeout must be shorter).
 */

/** Metronome's API, where a widget without a companion and the companion itself send their calls. */
export const METRONOME_API_BASE = 'https://api.metronome.com';

/**
 * Metronome's USD pricing unit, whose amounts are cents: the credit type the API uses where none is given
 * ("Defaults to USD (cents) if not passed").
 */
export const USD_CENTS_ID = '2714e483-4ff1-48e4-9e25-ac732e8f24f2';

/** The path of each list call. */
export const LIST_PATHS = {
  credits: '/v1/contracts/customerCredits/list',
  commits: '/v1/contracts/customerCommits/list',
  balances: '/v1/contracts/customerBalances/list',
  grants: '/v1/credits/listGrants',
} as const;

/**
 * "List contracts" (v2): where the widget reads a contract's automatic top-up (`top-up`), and the one call the
 * companion answers with part of Metronome's answer only (each contract's prepaid balance threshold configuration).
 */
export const CONTRACTS_PATH = '/v2/contracts/list';

/** The API's page sizes: at most `max` items a page, `default` when `page-size` is unset. */
export const PAGE_SIZES = {
  credits: { max: 25, default: 25 },
  commits: { max: 25, default: 25 },
  balances: { max: 25, default: 25 },
  grants: { max: 100, default: 100 },
} as const;

/** How long the widget gives one attempt at a request, in ms. */
export const ATTEMPT_TIMEOUT_MS = 20_000;
