/** Contract credits ("List credits"): the request body, and each credit read as strictly as `@metronome/sdk` types it. */
import { type CreditType, type Segment, sumAmounts } from '../credit.js';
import { LIST_PATHS, USD_CENTS_ID } from '../metronome.js';
import { type ListPlan, type Source, endpoint } from './source.js';
import { type Json, array, number, object, oneOf, optional, period, string } from './validate.js';

/**
 * The credit type of an item whose response names none (a credit without an access schedule): USD (cents), the
 * default Metronome documents for every credit, commit and grant created without one.
 */
export const DEFAULT_CREDIT_TYPE: CreditType = { id: USD_CENTS_ID, name: 'USD (cents)' };

export const creditType = (value: unknown, path: string): CreditType => {
  const type = object(value, path);
  return { id: string(type.id, `${path}.id`), name: string(type.name, `${path}.name`) };
};

export function segment(value: unknown, path: string): Segment {
  const item = object(value, path);
  const { startsAt, endsBefore } = period(item, path, 'starting_at', 'ending_before');
  return { id: string(item.id, `${path}.id`), amount: number(item.amount, `${path}.amount`), startsAt, endsBefore };
}

const byStart = (a: Segment, b: Segment) => a.startsAt.getTime() - b.startsAt.getTime();

/** An access schedule's segments in date order, and its credit type (none in the schedule: unknown). */
export function accessSchedule(value: unknown, path: string): { segments: Segment[]; creditType: CreditType | undefined } {
  const schedule = optional(value, path, object);
  const items = schedule ? array(schedule.schedule_items, `${path}.schedule_items`) : [];
  return {
    segments: items.map((s, i) => segment(s, `${path}.schedule_items[${i}]`)).sort(byStart),
    creditType: optional(schedule?.credit_type, `${path}.credit_type`, creditType),
  };
}

/**
 * How many products and tags the item is restricted to (`applicable_product_ids`, `applicable_product_tags`):
 * Metronome draws down the one restricted to fewer first. Absent when it applies to every product.
 */
export function applicableProducts(item: Json, path: string): number | undefined {
  const count = ['applicable_product_ids', 'applicable_product_tags']
    .map((field) => optional(item[field], `${path}.${field}`, array)?.map((v, i) => string(v, `${path}.${field}[${i}]`)).length ?? 0)
    .reduce((a, b) => a + b);
  return count || undefined;
}

/**
 * The body fields the contract lists share ("List credits", "List commits", "List balances"), for the page after
 * `cursor`; `contractField` is the list's own `include_contract_*` field.
 */
export function contractListBody(plan: ListPlan, cursor: string | undefined, contractField: string): Json {
  const body: Json = { customer_id: plan.customerId, include_balance: true, [contractField]: plan.scope === 'all', limit: plan.limit };
  if (plan.includeArchived) body.include_archived = true;
  if (plan.includeLedgers) body.include_ledgers = true;
  if (plan.coveringDate) body.covering_date = plan.coveringDate;
  if (plan.startingAt) body.starting_at = plan.startingAt;
  if (plan.effectiveBefore) body.effective_before = plan.effectiveBefore;
  if (cursor) body.next_page = cursor;
  return body;
}

/** Contract credits: `POST /v1/contracts/customerCredits/list`, `limit` and `next_page` in the body. */
export const creditsSource: Source = {
  name: 'credits',

  request(plan, cursor) {
    const body = contractListBody(plan, cursor, 'include_contract_credits');
    if (plan.creditId) body.credit_id = plan.creditId;
    return { url: endpoint(plan.apiBase, LIST_PATHS.credits), body };
  },

  normalize(item, path, readLedger) {
    const credit = object(item, path);
    const id = string(credit.id, `${path}.id`);
    oneOf('CREDIT')(credit.type, `${path}.type`);
    const product = object(credit.product, `${path}.product`);
    string(product.id, `${path}.product.id`);
    const productName = string(product.name, `${path}.product.name`);
    const schedule = accessSchedule(credit.access_schedule, `${path}.access_schedule`);
    const { segments } = schedule;
    const priority = optional(credit.priority, `${path}.priority`, number);
    const balance = optional(credit.balance, `${path}.balance`, number);
    const products = applicableProducts(credit, path);
    return {
      id,
      kind: 'credit',
      name: optional(credit.name, `${path}.name`, string) || productName,
      creditType: schedule.creditType ?? DEFAULT_CREDIT_TYPE,
      ...(balance !== undefined && { balance }),
      granted: sumAmounts(segments.map((s) => s.amount)),
      ...(priority !== undefined && { priority }),
      ...(products && { applicableProducts: products }),
      products: [],
      segments,
      ledger: readLedger?.(credit.ledger, `${path}.ledger`, 'credit') ?? [],
    };
  },
};
