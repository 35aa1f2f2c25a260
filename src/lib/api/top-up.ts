/**
 * A contract's automatic top-up (`top-up`): the request for the customer's contracts in force, and each enabled
 * prepaid balance threshold configuration read from the answer. A chunk of its own, fetched alongside the token
 * request by widgets that show it.
 */
import { isAbortError } from '../abort.js';
import { CONTRACTS_PATH, USD_CENTS_ID } from '../metronome.js';
import type { CreditType } from '../credit.js';
import { DEFAULT_CREDIT_TYPE } from './credits.js';
import { type ListPlan, endpoint } from './source.js';
import { array, boolean, number, object, optional, string } from './validate.js';

/** "When your balance falls to `threshold`, it is topped up to `rechargeTo`", in `creditType`'s API units. */
export interface TopUp {
  /**
   * The contract's currency (USD cents, Metronome's default, the name unknown for another), or its custom credit
   * type, whose name the widget takes from the items it lists.
   */
  creditType: CreditType;
  threshold: number;
  rechargeTo: number;
}

const HOUR = 3_600_000;

/**
 * The top-ups of the customer's contracts in force, with `fetchPage` (the load's, its token and retries). It is not
 * the balance: a failure to read it costs its line only (none is shown), and a warning.
 */
export async function loadTopUps(
  plan: ListPlan,
  fetchPage: (request: { url: string; body: unknown }) => Promise<unknown>,
  now: number,
): Promise<TopUp[] | undefined> {
  try {
    return readTopUps(await fetchPage(topUpRequest(plan, now)));
  } catch (error) {
    if (!isAbortError(error)) console.warn('<credit-balance>: the automatic top-up could not be read:', error);
    return undefined;
  }
}

/**
 * "List contracts" for the contracts in force now. The instant is the hour's start (Metronome's boundaries are
 * hours): the same request all hour long, which the companion's cache can answer.
 */
export function topUpRequest(plan: ListPlan, now: number): { url: string; body: unknown } {
  return {
    url: endpoint(plan.apiBase, CONTRACTS_PATH),
    body: { customer_id: plan.customerId, covering_date: new Date(Math.floor(now / HOUR) * HOUR).toISOString() },
  };
}

/** The enabled top-ups of the contracts in `json`; a field of the wrong type is an `invalid-response` error. */
export function readTopUps(json: unknown): TopUp[] {
  return array(object(json, 'answer').data, 'data').flatMap((item, i): TopUp[] => {
    const path = `data[${i}].prepaid_balance_threshold_configuration`;
    const configuration = optional(object(item, `data[${i}]`).prepaid_balance_threshold_configuration, path, object);
    if (!configuration || !boolean(configuration.is_enabled, `${path}.is_enabled`)) return [];
    const custom = optional(configuration.custom_credit_type_id, `${path}.custom_credit_type_id`, string);
    return [
      {
        creditType: custom && custom !== USD_CENTS_ID ? { id: custom, name: '' } : DEFAULT_CREDIT_TYPE,
        threshold: number(configuration.threshold_amount, `${path}.threshold_amount`),
        rechargeTo: number(configuration.recharge_to_amount, `${path}.recharge_to_amount`),
      },
    ];
  });
}
