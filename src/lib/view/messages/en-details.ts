/**
 * The English words of the history and the invoice schedule: only the templates in `details.ts` use them, so they
 * come with that chunk, not on every page (the other languages' catalogues have them in full).
 */
import type { Message } from './message.js';

export const enDetails = {
  history: { one: 'History ({count} entry)', other: 'History ({count} entries)' },
  pending: '{label} (pending)',
  period: 'Period {range}',
  balanceAfter: 'Balance {amount}',
  'ledger.CREDIT_SEGMENT_START': 'Credit available',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Used on an invoice',
  'ledger.CREDIT_EXPIRATION': 'Expired unused',
  'ledger.CREDIT_EXPIRATION.pending': 'Expires unused',
  'ledger.CREDIT_CANCELED': 'Canceled',
  'ledger.CREDIT_CREDITED': 'Credited back',
  'ledger.CREDIT_MANUAL': 'Manual adjustment',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Seat change adjustment',
  'ledger.CREDIT_ROLLOVER': 'Rolled over to a new contract',
  'ledger.GRANT_DEDUCTION': 'Deduction',
  'ledger.other': 'Balance change',
  invoice: 'View invoice',
  invoiceSchedule: 'Invoice schedule',
  invoiced: 'Invoiced',
  toBeInvoiced: 'To be invoiced',
  stillToInvoice: '{amount} still to be invoiced',
  'ledger.PREPAID_COMMIT_SEGMENT_START': 'Prepaid balance available',
  'ledger.POSTPAID_COMMIT_INITIAL_BALANCE': 'Commitment to spend',
  'ledger.POSTPAID_COMMIT_AUTOMATED_INVOICE_DEDUCTION': 'Usage counted towards the commitment',
  'ledger.POSTPAID_COMMIT_TRUEUP': 'Unused commitment invoiced (true-up)',
  'ledger.POSTPAID_COMMIT_EXPIRATION': 'Commitment period ended',
} satisfies Record<string, Message>;
