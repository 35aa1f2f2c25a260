/**
 * Commits ("List commits") and a contract's commits and credits together ("List balances"): the requests, and each
 * commit read as strictly as `@metronome/sdk` types `Shared.Commit`. A chunk of its own, fetched on demand.
 */
import { type Instalment, type NormalizedCredit, sumAmounts } from '../credit.js';
import { LIST_PATHS } from '../metronome.js';
import { DEFAULT_CREDIT_TYPE, accessSchedule, applicableProducts, contractListBody, creditType, creditsSource } from './credits.js';
import type { ReadLedger } from './ledgers.js';
import type { Source } from './source.js';
import { endpoint } from './source.js';
import { array, boolean, nullable, number, object, oneOf, optional, string, timestamp } from './validate.js';

const strings = (value: unknown, path: string) => array(value, path).map((item, i) => string(item, `${path}[${i}]`));

/** A commit's invoice schedule (`SchedulePointInTime`): its instalments in date order, and their credit type. */
function invoiceSchedule(
  value: unknown,
  path: string,
): { instalments: Instalment[]; creditType: NormalizedCredit['creditType'] | undefined } {
  const schedule = optional(value, path, object);
  optional(schedule?.do_not_invoice, `${path}.do_not_invoice`, boolean);
  const items = optional(schedule?.schedule_items, `${path}.schedule_items`, array) ?? [];
  const instalments = items.map((raw, i): Instalment => {
    const where = `${path}.schedule_items[${i}]`;
    const item = object(raw, where);
    string(item.id, `${where}.id`);
    number(item.quantity, `${where}.quantity`);
    number(item.unit_price, `${where}.unit_price`);
    const invoiceId = nullable(item.invoice_id, `${where}.invoice_id`, string);
    return {
      amount: number(item.amount, `${where}.amount`),
      at: timestamp(item.timestamp, `${where}.timestamp`),
      ...(invoiceId && { invoiceId }),
    };
  });
  return {
    instalments: instalments.sort((a, b) => a.at.getTime() - b.at.getTime()),
    creditType: optional(schedule?.credit_type, `${path}.credit_type`, creditType),
  };
}

/**
 * One commit (`Shared.Commit`), normalized: required fields checked, optional ones read when present, its ledger
 * with `readLedger` (on a page that asked for ledgers).
 */
export function normalizeCommit(item: unknown, path: string, readLedger?: ReadLedger): NormalizedCredit {
  const commit = object(item, path);
  const id = string(commit.id, `${path}.id`);
  timestamp(commit.created_at, `${path}.created_at`);
  const type = oneOf('PREPAID', 'POSTPAID')(commit.type, `${path}.type`);
  const product = object(commit.product, `${path}.product`);
  string(product.id, `${path}.product.id`);
  const productName = string(product.name, `${path}.product.name`);
  const access = accessSchedule(commit.access_schedule, `${path}.access_schedule`);
  const invoices = invoiceSchedule(commit.invoice_schedule, `${path}.invoice_schedule`);
  const read = <T>(field: string, reader: (value: unknown, where: string) => T) => optional(commit[field], `${path}.${field}`, reader);
  const balance = read('balance', number);
  const priority = read('priority', number);
  const costBasis = read('cost_basis', number);
  const rolloverFraction = read('rollover_fraction', number);
  const rolledOverFrom = read('rolled_over_from', object);
  if (rolledOverFrom) {
    string(rolledOverFrom.commit_id, `${path}.rolled_over_from.commit_id`);
    string(rolledOverFrom.contract_id, `${path}.rolled_over_from.contract_id`);
  }
  const recurring = read('recurring_commit_id', string);
  const createdBy = read('created_by', string);
  read('applicable_contract_ids', strings);
  const products = applicableProducts(commit, path);
  const kind = type === 'PREPAID' ? 'prepaid' : 'postpaid';
  const creditTypeOf = access.creditType ?? invoices.creditType ?? DEFAULT_CREDIT_TYPE;
  const origin = rolledOverFrom ? 'rollover' : recurring ? 'recurring' : createdBy === undefined ? 'top-up' : undefined;
  return {
    id,
    kind,
    name: read('name', string) || productName,
    creditType: creditTypeOf,
    ...(balance !== undefined && { balance }),
    granted: sumAmounts(access.segments.map((s) => s.amount)),
    ...(priority !== undefined && { priority }),
    ...(products && { applicableProducts: products }),
    ...(costBasis !== undefined && { costBasis }),
    ...(invoices.instalments.length && {
      invoices: invoices.instalments,
      uninvoiced: sumAmounts(invoices.instalments.filter((item) => !item.invoiceId).map((item) => item.amount)),
    }),
    ...(invoices.creditType && invoices.creditType.id !== creditTypeOf.id && { invoiceCreditType: invoices.creditType }),
    ...(rolloverFraction !== undefined && { rolloverFraction }),
    ...(origin && { origin }),
    products: [],
    segments: access.segments,
    ledger: readLedger?.(commit.ledger, `${path}.ledger`, 'commit') ?? [],
  };
}

/** Commits: `POST /v1/contracts/customerCommits/list`, `limit` and `next_page` in the body. */
export const commitsSource: Source = {
  name: 'commits',

  request(plan, cursor) {
    const body = contractListBody(plan, cursor, 'include_contract_commits');
    if (plan.creditId) body.commit_id = plan.creditId;
    return { url: endpoint(plan.apiBase, LIST_PATHS.commits), body };
  },

  normalize: normalizeCommit,
};

/** A contract's commits and credits: `POST /v1/contracts/customerBalances/list`, each item read by its `type`. */
export const balancesSource: Source = {
  name: 'balances',

  request(plan, cursor) {
    const body = contractListBody(plan, cursor, 'include_contract_balances');
    if (plan.excludeZeroBalances) body.exclude_zero_balances = true;
    if (plan.creditId) body.id = plan.creditId;
    return { url: endpoint(plan.apiBase, LIST_PATHS.balances), body };
  },

  normalize(item, path, readLedger) {
    return object(item, path).type === 'CREDIT' ? creditsSource.normalize(item, path, readLedger) : normalizeCommit(item, path, readLedger);
  },
};
