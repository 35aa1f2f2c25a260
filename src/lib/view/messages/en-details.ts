/**
 * The English words only the pages that fetch the details' chunk show: the history's (`include-ledgers`), and the
 * invoice schedule's and the commits' (`source="commits"` and `"balances"`). They come with that chunk, not on
 * every page; the other languages' catalogues have them in full.
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
  // The commits'.
  'kind.credit': 'Credit',
  'kind.prepaid': 'Prepaid',
  'kind.postpaid': 'Spend commitment',
  'kind.grant': 'Grant',
  shares: '{purchased} purchased · {free} free',
  ofCommitted: 'still to be used of {amount} committed',
  commitment: 'You committed to spend {amount} by {date}. Whatever is not used by then is invoiced at the end (true-up).',
  rollover: '{share} of what is unused carries over when your contract renews.',
  'origin.rollover': 'Rolled over from your previous contract.',
  'origin.recurring': 'Part of a recurring commitment.',
  'origin.top-up': 'Added by an automatic top-up.',
  'forecast.runsOut': 'At your recent rate, your {amount} lasts until about {date}.',
  'forecast.runsOutMonth': 'At your recent rate, your {amount} lasts until about {date}.',
  'forecast.expiresUnused': 'About {amount} expires unused on {date} at your recent rate.',
} satisfies Record<string, Message>;
