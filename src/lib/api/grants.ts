/**
 * Plans credit grants ("List credit grants"): the request, and each grant read as strictly as `@metronome/sdk`
 * types it, its balance derived as the README's "Grants" table says. A chunk of its own, fetched on demand.
 */
import { type LedgerEntry, sumAmounts } from '../credit.js';
import { creditType } from './credits.js';
import { LIST_PATHS } from '../metronome.js';
import { type Source, endpoint } from './source.js';
import { type Json, array, nullable, number, object, optional, period, string, stringRecord, timestamp } from './validate.js';

/** The `type` given to a grant's deductions in the normalized ledger. */
export const GRANT_DEDUCTION = 'GRANT_DEDUCTION';

/** The `type` given to a grant's deduction at or after its expiry: what expired unused, not a charge. */
export const GRANT_EXPIRATION = 'GRANT_EXPIRATION';

const amountIn = (value: unknown, path: string) => {
  const amount = object(value, path);
  return { amount: number(amount.amount, `${path}.amount`), creditType: creditType(amount.credit_type, `${path}.credit_type`) };
};

/**
 * A grant's deductions (posted, then pending) as ledger entries in date order. Each takes money out of
 * this grant: `running_balance` is the whole credit type's, across every grant, and Metronome's own
 * examples show deductions with positive amounts, so neither says which way the money went.
 */
export function grantLedger(deductions: unknown[], pending: unknown[], path: string): LedgerEntry[] {
  const read = (value: unknown, where: string, isPending: boolean): LedgerEntry => {
    const entry = object(value, where);
    string(entry.created_by, `${where}.created_by`);
    string(entry.credit_grant_id, `${where}.credit_grant_id`);
    number(entry.running_balance, `${where}.running_balance`);
    const invoiceId = nullable(entry.invoice_id, `${where}.invoice_id`, string);
    const reason = string(entry.reason, `${where}.reason`);
    return {
      type: GRANT_DEDUCTION,
      amount: -Math.abs(number(entry.amount, `${where}.amount`)),
      at: timestamp(entry.effective_at, `${where}.effective_at`),
      ...(reason && { reason }),
      ...(invoiceId && { invoiceId }),
      ...(isPending && { pending: true }),
    };
  };
  return [
    ...deductions.map((d, i) => read(d, `${path}.deductions[${i}]`, false)),
    ...pending.map((d, i) => read(d, `${path}.pending_deductions[${i}]`, true)),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Legacy Plans credit grants: `POST /v1/credits/listGrants`, `limit` and `next_page` in the query string. */
export const grantsSource: Source = {
  name: 'grants',

  request(plan, cursor) {
    const query = new URLSearchParams({ limit: String(plan.limit) });
    if (cursor) query.set('next_page', cursor);
    const body: Json = { customer_ids: [plan.customerId] };
    if (plan.effectiveBefore) body.effective_before = plan.effectiveBefore;
    if (plan.notExpiringBefore) body.not_expiring_before = plan.notExpiringBefore;
    return { url: `${endpoint(plan.apiBase, LIST_PATHS.grants)}?${query}`, body };
  },

  normalize(item, path) {
    const grant = object(item, path);
    const id = string(grant.id, `${path}.id`);
    string(grant.customer_id, `${path}.customer_id`);
    stringRecord(grant.custom_fields, `${path}.custom_fields`);
    for (const field of ['credit_grant_type', 'invoice_id', 'reason', 'uniqueness_key']) {
      nullable(grant[field], `${path}.${field}`, string);
    }
    const granted = amountIn(grant.grant_amount, `${path}.grant_amount`);
    const paid = amountIn(grant.paid_amount, `${path}.paid_amount`);
    const balance = object(grant.balance, `${path}.balance`);
    const balanceAsOf = timestamp(balance.effective_at, `${path}.balance.effective_at`);
    const postedBalance = number(balance.excluding_pending, `${path}.balance.excluding_pending`);
    const includingPending = number(balance.including_pending, `${path}.balance.including_pending`);
    const { startsAt, endsBefore } = period(grant, path, 'effective_at', 'expires_at');
    const products = optional(grant.products, `${path}.products`, array) ?? [];
    // A deduction at or after the grant's expiry is what expired unused (Metronome's reason says "Expiration").
    const ledger = grantLedger(
      array(grant.deductions, `${path}.deductions`),
      array(grant.pending_deductions, `${path}.pending_deductions`),
      path,
    ).map((entry) => (entry.at < endsBefore ? entry : { ...entry, type: GRANT_EXPIRATION }));
    // Metronome measures a grant's balance at the end of the billing period, so one that expires sooner has an
    // `including_pending` of 0 although it is usable until then. What it can still use: the posted balance less
    // the pending charges dated before it expires.
    const expiresInPeriod = endsBefore < balanceAsOf;
    const pendingCharges = ledger.filter((e) => e.pending && e.type === GRANT_DEDUCTION).map((e) => e.amount);
    return {
      id,
      kind: 'grant',
      name: string(grant.name, `${path}.name`),
      creditType: granted.creditType,
      balance: expiresInPeriod ? Math.max(0, sumAmounts([postedBalance, ...pendingCharges])) : includingPending,
      postedBalance,
      balanceAsOf,
      ...(expiresInPeriod && { expiresInPeriod }),
      granted: granted.amount,
      paid,
      priority: number(grant.priority, `${path}.priority`),
      products: products.map((p, i) => {
        const product = object(p, `${path}.products[${i}]`);
        string(product.id, `${path}.products[${i}].id`);
        return string(product.name, `${path}.products[${i}].name`);
      }),
      segments: [{ id, amount: granted.amount, startsAt, endsBefore }],
      ledger,
    };
  },
};
