/**
 * The route table: each Metronome call the companion forwards, as one entry (its path, the body fields and query
 * parameters it passes on with the check each must pass, and the body field that names the customer, which the
 * token's customer is forced into). The handler looks calls up here; adding a call is adding an entry.
 */
import { CONTRACTS_PATH, LIST_PATHS, PAGE_SIZES } from '../lib/metronome.js';
import { parseTimestamp } from '../lib/timestamp.js';
import { HttpError } from './http.js';

/** Whether a value sent by the browser may be passed on. */
export type Check = (value: unknown) => boolean;

const isBoolean: Check = (value) => typeof value === 'boolean';
const isString: Check = (value) => typeof value === 'string' && value.length > 0 && value.length <= 1024;
const isTimestamp: Check = (value) => parseTimestamp(value) !== undefined;
const isWhole =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
/** A whole number written in a query string. */
const isWholeText =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'string' && /^\d{1,3}$/.test(value) && isWhole(min, max)(Number(value));
const isStrings: Check = (value) => Array.isArray(value) && value.length <= 100 && value.every(isString);

/** The body field that names the customer: the token's customer is written into it, and any other refused. */
export interface CustomerField {
  name: string;
  /** The field's value for `customerId`. */
  value(customerId: string): unknown;
  /** A value of the right type that names someone else is a `403`; anything else not equal to `value` a `400`. */
  wellFormed: Check;
  /** Why a value naming anyone else is refused. */
  refusal: string;
}

const CUSTOMER_ID: CustomerField = {
  name: 'customer_id',
  value: (customerId) => customerId,
  wellFormed: (value) => typeof value === 'string',
  refusal: 'customer_id does not match the signed-in customer.',
};

const CUSTOMER_IDS: CustomerField = {
  name: 'customer_ids',
  value: (customerId) => [customerId],
  wellFormed: isStrings,
  refusal: 'customer_ids may name only the signed-in customer.',
};

/** One Metronome call the companion forwards. */
export interface Route {
  /** Metronome's path, which the companion answers under its base path. */
  path: string;
  customer: CustomerField;
  /** The body fields passed on (the customer's apart), with the check each must pass. */
  body: Record<string, Check>;
  /** The query parameters passed on; a call without any takes none. */
  query?: Record<string, Check>;
  /** Body fields refused outright, with why. */
  refused?: Record<string, string>;
  /**
   * What of Metronome's (successful) answer goes back to the browser, where not all of it: a function of its JSON.
   * Without it, the answer goes back as it came (the lists, whose every field the widget reads or may).
   */
  answer?: (json: unknown) => unknown;
}

/** The fields of a prepaid balance threshold configuration the widget shows ("below $20, topped up to $100"). */
const THRESHOLD_FIELDS = ['is_enabled', 'threshold_amount', 'recharge_to_amount', 'custom_credit_type_id'];

/**
 * A contract list with nothing in it but each contract's prepaid balance threshold configuration, and only the
 * fields of it the widget shows: a contract's rates, overrides, discounts, commits, ids and the threshold's
 * commit and payment settings stay on the server. Contracts without one are left out.
 */
function thresholdsOnly(json: unknown): unknown {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new HttpError(502, 'Metronome’s contract list could not be read.');
  return {
    data: data.flatMap((contract: unknown) => {
      const configuration = (contract as { prepaid_balance_threshold_configuration?: unknown } | null)
        ?.prepaid_balance_threshold_configuration;
      if (!configuration || typeof configuration !== 'object') return [];
      const kept = Object.fromEntries(
        THRESHOLD_FIELDS.flatMap((field) => (field in configuration ? [[field, (configuration as Record<string, unknown>)[field]]] : [])),
      );
      return [{ prepaid_balance_threshold_configuration: kept }];
    }),
  };
}

/** Every call the companion forwards. */
const ROUTE_LIST: Route[] = [
  {
    // "List credits": every field it documents, `limit` and `next_page` in the body.
    path: LIST_PATHS.credits,
    customer: CUSTOMER_ID,
    body: {
      include_balance: isBoolean,
      include_contract_credits: isBoolean,
      include_archived: isBoolean,
      include_ledgers: isBoolean,
      covering_date: isTimestamp,
      starting_at: isTimestamp,
      effective_before: isTimestamp,
      credit_id: isString,
      limit: isWhole(1, PAGE_SIZES.credits.max),
      next_page: isString,
    },
  },
  {
    // "List commits": the commits counterpart of "List credits".
    path: LIST_PATHS.commits,
    customer: CUSTOMER_ID,
    body: {
      include_balance: isBoolean,
      include_contract_commits: isBoolean,
      include_archived: isBoolean,
      include_ledgers: isBoolean,
      covering_date: isTimestamp,
      starting_at: isTimestamp,
      effective_before: isTimestamp,
      commit_id: isString,
      limit: isWhole(1, PAGE_SIZES.commits.max),
      next_page: isString,
    },
  },
  {
    // "List balances": commits and credits in one list.
    path: LIST_PATHS.balances,
    customer: CUSTOMER_ID,
    body: {
      include_balance: isBoolean,
      include_contract_balances: isBoolean,
      include_archived: isBoolean,
      include_ledgers: isBoolean,
      exclude_zero_balances: isBoolean,
      covering_date: isTimestamp,
      starting_at: isTimestamp,
      effective_before: isTimestamp,
      id: isString,
      limit: isWhole(1, PAGE_SIZES.balances.max),
      next_page: isString,
    },
  },
  {
    // "List credit grants": `limit` and `next_page` in the query string.
    path: LIST_PATHS.grants,
    customer: CUSTOMER_IDS,
    body: { credit_type_ids: isStrings, effective_before: isTimestamp, not_expiring_before: isTimestamp },
    query: { limit: isWholeText(1, PAGE_SIZES.grants.max), next_page: isString },
    refused: { credit_grant_ids: 'grants are listed by customer only' },
  },
  {
    // "List contracts" (v2), for the automatic top-up: the contracts in force at an instant, answered with their
    // threshold configurations only. No balances or ledgers: the lists above carry those.
    path: CONTRACTS_PATH,
    customer: CUSTOMER_ID,
    body: { covering_date: isTimestamp },
    answer: thresholdsOnly,
  },
];

/** Every call the companion forwards, by Metronome's path. */
export const ROUTES: ReadonlyMap<string, Route> = new Map(ROUTE_LIST.map((route) => [route.path, route]));
