/**
 * The English catalogue, the one every page has (the others are chunks), but for the words only the pages that
 * fetch the details' chunk show (the history, the invoice schedule, the commits', the grants', the forecast's, the
 * chart's and the top-up's), which come with it (`en-details.ts`); and the types every catalogue and the `strings`
 * property share. Placeholders are `{name}`; a message that depends on a number is an object of plural forms
 * chosen by `Intl.PluralRules` from `{count}`.
 */
import type { enDetails } from './en-details.js';
import type { Message } from './message.js';

export type { Message, PluralMessage } from './message.js';

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
  toCome: 'to come',
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
  utcDays: 'Dates are UTC days, as billing counts them: the last period ends {end} ({zone}).',
  schedule: 'Schedule',
  periods: { one: '{count} period', other: '{count} periods' },
  now: 'Now',
  paid: 'Paid {amount}',
  appliesTo: 'Applies to {products}',
  skipped: { one: '{count} credit could not be shown.', other: '{count} credits could not be shown.' },
  balanceUnavailable: 'Balance unavailable',
} satisfies Record<string, Message>;

/** Every key: the English catalogue's and its details'. */
export type MessageKey = keyof typeof en | keyof typeof enDetails;
export type Catalogue = Record<MessageKey, Message>;
/** The `strings` property: any subset of keys, each a string or plural forms. */
export type Messages = Partial<Record<MessageKey, Message>>;
