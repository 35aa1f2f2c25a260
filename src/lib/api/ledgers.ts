/**
 * Reading ledgers, the history of each credit and commit: a chunk of its own, fetched alongside the token request
 * by the pages that ask for ledgers (`include-ledgers`, `forecast`, `chart`); the lists carry none otherwise.
 */
import type { LedgerEntry } from '../credit.js';
import { array, number, object, optional, string, timestamp } from './validate.js';

/** The string fields each ledger entry type requires beside `amount`, `timestamp` and `type`. */
type LedgerFields = Record<string, readonly string[]>;

/**
 * By list: those of the SDK's `Credit.ledger` union, and of its 14 commit ledger entry types. A type Metronome adds
 * later is read with all of them optional.
 */
const LEDGER_FIELDS: Record<'credit' | 'commit', LedgerFields> = {
  credit: {
    CREDIT_SEGMENT_START: ['segment_id'],
    CREDIT_AUTOMATED_INVOICE_DEDUCTION: ['segment_id', 'invoice_id'],
    CREDIT_EXPIRATION: ['segment_id'],
    CREDIT_CANCELED: ['segment_id', 'invoice_id'],
    CREDIT_CREDITED: ['segment_id', 'invoice_id'],
    CREDIT_MANUAL: ['reason'],
    CREDIT_SEAT_BASED_ADJUSTMENT: ['segment_id'],
    CREDIT_ROLLOVER: ['segment_id', 'new_contract_id'],
  },
  commit: {
    PREPAID_COMMIT_SEGMENT_START: ['segment_id'],
    PREPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION: ['segment_id', 'invoice_id'],
    PREPAID_COMMIT_ROLLOVER: ['segment_id', 'new_contract_id'],
    PREPAID_COMMIT_EXPIRATION: ['segment_id'],
    PREPAID_COMMIT_CANCELED: ['segment_id', 'invoice_id'],
    PREPAID_COMMIT_CREDITED: ['segment_id', 'invoice_id'],
    PREPAID_COMMIT_SEAT_BASED_ADJUSTMENT: ['segment_id'],
    PREPAID_COMMIT_MANUAL: ['reason'],
    POSTPAID_COMMIT_INITIAL_BALANCE: [],
    POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION: ['segment_id', 'invoice_id'],
    POSTPAID_COMMIT_ROLLOVER: ['segment_id', 'new_contract_id'],
    POSTPAID_COMMIT_TRUEUP: ['invoice_id'],
    POSTPAID_COMMIT_MANUAL: ['reason'],
    POSTPAID_COMMIT_EXPIRATION: [],
  },
};

/** One ledger entry, its type's fields required as `fields` says (the others optional). */
function ledgerEntry(value: unknown, path: string, fields: LedgerFields): LedgerEntry {
  const entry = object(value, path);
  const type = string(entry.type, `${path}.type`);
  // The type comes from the API: only the table's own keys count (a type named `toString` is an unknown one).
  const required = Object.hasOwn(fields, type) ? fields[type]! : [];
  const text = (field: string) =>
    required.includes(field) ? string(entry[field], `${path}.${field}`) : optional(entry[field], `${path}.${field}`, string);
  const segmentId = text('segment_id');
  const invoiceId = text('invoice_id');
  const reason = text('reason');
  text('new_contract_id');
  optional(entry.contract_id, `${path}.contract_id`, string);
  return {
    type,
    amount: number(entry.amount, `${path}.amount`),
    at: timestamp(entry.timestamp, `${path}.timestamp`),
    ...(segmentId !== undefined && { segmentId }),
    ...(invoiceId && { invoiceId }),
    // Only a manual adjustment's reason is written for the customer; the SDK declares no other (and requires it).
    ...(required.includes('reason') && reason && { reason }),
  };
}

/** A credit's or a commit's `ledger` (at `path`), each entry checked; none: an empty ledger. */
export function readLedger(value: unknown, path: string, list: 'credit' | 'commit'): LedgerEntry[] {
  return (optional(value, path, array) ?? []).map((entry, i) => ledgerEntry(entry, `${path}[${i}]`, LEDGER_FIELDS[list]));
}

/** What reads ledgers, handed to a source's `normalize` once this chunk has arrived. */
export type ReadLedger = typeof readLedger;
