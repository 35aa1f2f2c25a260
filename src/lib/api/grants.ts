import type { LedgerEntry } from '../credit.js';
import { creditType } from './credits.js';
import { type Source, endpoint } from './source.js';
import { type Json, array, number, object, optional, period, string, timestamp } from './validate.js';

/** The `type` given to a grant's deductions in the normalized ledger. */
export const GRANT_DEDUCTION = 'GRANT_DEDUCTION';

const amountIn = (value: unknown, path: string) => {
  const amount = object(value, path);
  return { amount: number(amount.amount, `${path}.amount`), creditType: creditType(amount.credit_type, `${path}.credit_type`) };
};

/**
 * A grant's deductions as signed ledger entries. Metronome's own examples show deductions with positive
 * amounts while the field is documented as "the change to the balance", so the sign on the wire is not
 * trusted: a deduction takes from the balance unless the running balances show it added to it.
 */
export function grantLedger(deductions: unknown[], pending: unknown[], granted: number, path: string): LedgerEntry[] {
  const read = (value: unknown, where: string, isPending: boolean) => {
    const entry = object(value, where);
    return {
      magnitude: Math.abs(number(entry.amount, `${where}.amount`)),
      at: timestamp(entry.effective_at, `${where}.effective_at`),
      runningBalance: optional(entry.running_balance, `${where}.running_balance`, number),
      pending: isPending,
    };
  };
  const entries = [
    ...deductions.map((d, i) => read(d, `${path}.deductions[${i}]`, false)),
    ...pending.map((d, i) => read(d, `${path}.pending_deductions[${i}]`, true)),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  let previous = granted;
  return entries.map(({ magnitude, at, runningBalance, pending: isPending }) => {
    const roseBy = runningBalance === undefined ? undefined : runningBalance - previous;
    const added = roseBy !== undefined && roseBy > 0 && Math.abs(roseBy - magnitude) < 1e-9 * Math.max(1, magnitude);
    if (runningBalance !== undefined) previous = runningBalance;
    return {
      type: GRANT_DEDUCTION,
      amount: added ? magnitude : -magnitude,
      at,
      ...(isPending && { pending: true }),
      ...(runningBalance !== undefined && { runningBalance }),
    };
  });
}

/** Legacy Plans credit grants: `POST /v1/credits/listGrants`, `limit` and `next_page` in the query string. */
export const grantsSource: Source = {
  name: 'grants',
  limits: { min: 1, max: 100, default: 100 },

  request(plan, cursor) {
    const query = new URLSearchParams({ limit: String(plan.limit) });
    if (cursor) query.set('next_page', cursor);
    const body: Json = { customer_ids: [plan.customerId] };
    if (plan.effectiveBefore) body.effective_before = plan.effectiveBefore;
    if (plan.notExpiringBefore) body.not_expiring_before = plan.notExpiringBefore;
    return { url: `${endpoint(plan.apiBase, '/v1/credits/listGrants')}?${query}`, body };
  },

  normalize(item, path) {
    const grant = object(item, path);
    const id = string(grant.id, `${path}.id`);
    const granted = amountIn(grant.grant_amount, `${path}.grant_amount`);
    const paid = optional(grant.paid_amount, `${path}.paid_amount`, amountIn);
    const balance = object(grant.balance, `${path}.balance`);
    const { startsAt, endsBefore } = period(grant, path, 'effective_at', 'expires_at');
    const products = optional(grant.products, `${path}.products`, array) ?? [];
    const priority = optional(grant.priority, `${path}.priority`, number);
    return {
      id,
      kind: 'grant',
      name: optional(grant.name, `${path}.name`, string) ?? '',
      creditType: granted.creditType,
      balance: number(balance.including_pending, `${path}.balance.including_pending`),
      postedBalance: number(balance.excluding_pending, `${path}.balance.excluding_pending`),
      balanceAsOf: timestamp(balance.effective_at, `${path}.balance.effective_at`),
      granted: granted.amount,
      ...(paid && { paid }),
      ...(priority !== undefined && { priority }),
      products: products.map((p, i) => string(object(p, `${path}.products[${i}]`).name, `${path}.products[${i}].name`)),
      segments: [{ id, amount: granted.amount, startsAt, endsBefore }],
      ledger: grantLedger(
        optional(grant.deductions, `${path}.deductions`, array) ?? [],
        optional(grant.pending_deductions, `${path}.pending_deductions`, array) ?? [],
        granted.amount,
        path,
      ),
    };
  },
};
