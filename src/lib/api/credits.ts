import type { LedgerEntry, Segment } from '../credit.js';
import type { CreditType } from '../money.js';
import { type Source, endpoint } from './source.js';
import { type Json, array, number, object, optional, period, string, timestamp } from './validate.js';

/** A credit type the response did not name: shown as a plain number. */
export const UNKNOWN_CREDIT_TYPE: CreditType = { id: '', name: '' };

export const creditType = (value: unknown, path: string): CreditType => {
  const type = object(value, path);
  return { id: string(type.id, `${path}.id`), name: string(type.name, `${path}.name`) };
};

function segment(value: unknown, path: string): Segment {
  const item = object(value, path);
  const { startsAt, endsBefore } = period(item, path, 'starting_at', 'ending_before');
  return { id: string(item.id, `${path}.id`), amount: number(item.amount, `${path}.amount`), startsAt, endsBefore };
}

function ledgerEntry(value: unknown, path: string): LedgerEntry {
  const entry = object(value, path);
  const segmentId = optional(entry.segment_id, `${path}.segment_id`, string);
  return {
    type: string(entry.type, `${path}.type`),
    amount: number(entry.amount, `${path}.amount`),
    at: timestamp(entry.timestamp, `${path}.timestamp`),
    ...(segmentId !== undefined && { segmentId }),
  };
}

const byStart = (a: Segment, b: Segment) => a.startsAt.getTime() - b.startsAt.getTime();

/** Contract credits: `POST /v1/contracts/customerCredits/list`, `limit` and `next_page` in the body. */
export const creditsSource: Source = {
  name: 'credits',
  limits: { min: 1, max: 25, default: 25 },

  request(plan, cursor) {
    const body: Json = {
      customer_id: plan.customerId,
      include_balance: true,
      include_contract_credits: plan.scope === 'all',
      limit: plan.limit,
    };
    if (plan.includeArchived) body.include_archived = true;
    if (plan.includeLedgers) body.include_ledgers = true;
    if (plan.coveringDate) body.covering_date = plan.coveringDate;
    if (plan.startingAt) body.starting_at = plan.startingAt;
    if (plan.effectiveBefore) body.effective_before = plan.effectiveBefore;
    if (plan.creditId) body.credit_id = plan.creditId;
    if (cursor) body.next_page = cursor;
    return { url: endpoint(plan.apiBase, '/v1/contracts/customerCredits/list'), body };
  },

  normalize(item, path) {
    const credit = object(item, path);
    const product = optional(credit.product, `${path}.product`, object);
    const schedule = optional(credit.access_schedule, `${path}.access_schedule`, object);
    const items = schedule ? array(schedule.schedule_items, `${path}.access_schedule.schedule_items`) : [];
    const segments = items.map((s, i) => segment(s, `${path}.access_schedule.schedule_items[${i}]`)).sort(byStart);
    const ledger = optional(credit.ledger, `${path}.ledger`, array) ?? [];
    const priority = optional(credit.priority, `${path}.priority`, number);
    return {
      id: string(credit.id, `${path}.id`),
      kind: 'credit',
      name:
        optional(credit.name, `${path}.name`, string) ||
        (product && optional(product.name, `${path}.product.name`, string)) ||
        '',
      creditType: optional(schedule?.credit_type, `${path}.access_schedule.credit_type`, creditType) ?? UNKNOWN_CREDIT_TYPE,
      balance: number(credit.balance, `${path}.balance`),
      granted: segments.reduce((sum, s) => sum + s.amount, 0),
      ...(priority !== undefined && { priority }),
      products: [],
      segments,
      ledger: ledger.map((e, i) => ledgerEntry(e, `${path}.ledger[${i}]`)),
    };
  },
};
