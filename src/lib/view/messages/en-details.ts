/**
 * The English words only the pages that fetch the details' chunk show: the history's (`include-ledgers`), the
 * invoice schedule's and the commits' (`source="commits"` and `"balances"`), the grants' (`source="grants"`), and
 * the forecast's, the chart's and the top-up's (`forecast`, `chart`, `top-up`). They come with that chunk, not on
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
  'title.balances': 'Balances',
  'title.commits': 'Commitments',
  'empty.balances': 'There are no commitments or credits on this account.',
  'empty.commits': 'There are no commitments on this account.',
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
  // The grants'.
  balanceAsOf: 'Balances as of the end of the billing period ({date}), with pending charges deducted.',
  pendingBalance: '{amount} before pending charges',
  expiresInPeriod: 'Expires before the end of the billing period: this is what is left to use until then.',
  'forecast.runsOut': 'At your recent rate, your {amount} lasts until about {date}.',
  'forecast.runsOutMonth': 'At your recent rate, your {amount} lasts until about {date}.',
  'forecast.expiresUnused': 'About {amount} expires unused on {date} at your recent rate.',
  'chart.history': 'Balance: {from} on {date}, {now} today.',
  'chart.projection': 'Dashed, at your recent rate: {amount} on {date}.',
  'chart.marks': 'Ticks mark money arriving; dotted lines, periods ending.',
  topUp: 'When your balance falls to {threshold}, it is topped up to {amount} automatically.',
} satisfies Record<string, Message>;
