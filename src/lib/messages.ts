/**
 * Every string the widget shows, in one catalogue. Placeholders are `{name}`; a host overrides any key
 * through the `strings` property. Values from the API are inserted as text, never as HTML.
 */
export const en = {
  title: 'Credits',
  loading: 'Loading credits…',
  empty: 'There are no credits on this account.',
  retry: 'Try again',
  'error.token': 'Your session could not be verified. Reload the page or sign in again, then try again.',
  'error.auth': 'Your session has expired or is not allowed to see these credits. Sign in again, then try again.',
  'error.network': 'The billing service could not be reached. Check your connection, then try again.',
  'error.timeout': 'The billing service took too long to answer. Try again in a moment.',
  'error.http': 'The billing service answered with an error (HTTP {status}). Try again in a moment.',
  'error.invalid-response': 'The billing service sent data this page cannot read. Try again later.',
  stale: 'Showing balances as of {time}: the latest refresh failed.',
  unnamed: 'Credit',
  available: 'available',
  totalAvailable: '{amount} available',
  totalLabel: 'Total {unit}',
  ofGranted: 'of {amount} granted',
  grantedInTotal: '{amount} granted in total, across every period',
  meterLabel: '{name}: {balance} of {max} remaining',
  scheduledLater: '+{amount} scheduled later',
  'status.active': 'Active',
  'status.upcoming': 'Upcoming',
  'status.expired': 'Expired',
  expires: 'Expires {relative}',
  starts: 'Starts {relative}',
  ended: 'Ended {relative}',
  expiringSoon: 'Expiring soon',
  lowBalance: 'Low balance',
  rangeDays: '{range}',
  rangeInstants: '{start} – before {end}',
  schedule: 'Access schedule',
  segmentAmount: '{amount}',
  pendingBalance: '{amount} before pending charges',
  balanceAsOf: 'Balances as of the end of the billing period ({date}), after pending charges.',
  paid: 'Paid {amount}',
  appliesTo: 'Applies to {products}',
  history: 'History',
  pending: 'pending',
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
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** The catalogue with a host's overrides on top (unknown keys and non-strings are ignored). */
export function messages(overrides?: Partial<Record<string, unknown>>): Messages {
  const result: Messages = { ...en };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (key in en && typeof value === 'string') result[key as MessageKey] = value;
  }
  return result;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
