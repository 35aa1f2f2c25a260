/**
 * The English catalogue, the one every page has (the others are chunks), and the types every catalogue and the
 * `strings` property share. Placeholders are `{name}`; a message that depends on a number is an object of plural
 * forms chosen by `Intl.PluralRules` from `{count}`.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export const en = {
  title: 'Credits',
  loading: 'Loading credits…',
  empty: 'There are no credits on this account.',
  retry: 'Try again',
  'error.token': 'Your session could not be verified. Reload the page or sign in again, then try again.',
  'error.auth': 'Your session has expired, or you don’t have access to these credits. Sign in again, then try again.',
  'error.network': 'The billing service could not be reached. Check your connection, then try again.',
  'error.timeout': 'The billing service took too long to answer. Try again in a moment.',
  'error.http': 'The billing service answered with an error (HTTP {status}). Try again in a moment.',
  'error.invalid-response': 'The billing service sent data this page cannot read. Try again later.',
  'error.config': 'Credits cannot be shown here at the moment.',
  'error.unexpected': 'Something went wrong while showing your credits. Try again later.',
  stale: 'Showing balances as of {time}: the latest refresh failed.',
  updated: 'Credits updated: {totals}.',
  unnamed: 'Credit',
  available: { one: 'available', other: 'available' },
  ofGranted: 'left of {amount} granted',
  grantedInTotal: '{amount} granted in total, across every period',
  meterLabel: '{name}: {balance} of {max} remaining',
  scheduledLater: '+{amount} scheduled later',
  'status.active': 'Active',
  'status.upcoming': 'Upcoming',
  'status.expired': 'Expired',
  expires: 'Expires {relative}',
  starts: 'Starts {relative}',
  expiringSoon: 'Expiring soon',
  lowBalance: 'Low balance',
  usedNext: 'Used next',
  usedNextHint: 'Your next usage draws from this credit first.',
  drawOrder: 'Used after {name}',
  rangeInstants: '{start} – before {end}',
  schedule: 'Schedule',
  periods: { one: '{count} period', other: '{count} periods' },
  now: 'Now',
  balanceAsOf: 'Balances as of the end of the billing period ({date}), with pending charges deducted.',
  pendingBalance: '{amount} before pending charges',
  paid: 'Paid {amount}',
  appliesTo: 'Applies to {products}',
  history: { one: 'History ({count} entry)', other: 'History ({count} entries)' },
  pending: '{label} (pending)',
  period: 'Period {range}',
  'ledger.CREDIT_SEGMENT_START': 'Credit available',
  'ledger.CREDIT_AUTOMATED_INVOICE_DEDUCTION': 'Used on an invoice',
  'ledger.CREDIT_EXPIRATION': 'Expired unused',
  'ledger.CREDIT_CANCELED': 'Canceled',
  'ledger.CREDIT_CREDITED': 'Credited back',
  'ledger.CREDIT_MANUAL': 'Manual adjustment',
  'ledger.CREDIT_SEAT_BASED_ADJUSTMENT': 'Seat change adjustment',
  'ledger.CREDIT_ROLLOVER': 'Rolled over to a new contract',
  'ledger.GRANT_DEDUCTION': 'Deduction',
  'ledger.other': 'Balance change',
  skipped: { one: '{count} credit could not be shown.', other: '{count} credits could not be shown.' },
  balanceUnavailable: 'Balance unavailable',
  expiresInPeriod: 'Expires before the end of the billing period: this is what is left to use until then.',
  invoice: 'View invoice',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, Message>;
/** The `strings` property: any subset of keys, each a string or plural forms. */
export type Messages = Partial<Record<MessageKey, Message>>;
