/**
 * Every string the widget shows, in one catalogue per language. Placeholders are `{name}`; a message that
 * depends on a number is an object of plural forms chosen by `Intl.PluralRules` from `{count}`. A host
 * overrides any key through the `strings` property. Values from the API are inserted as text, never HTML.
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
  timeline: 'Timeline',
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

/**
 * The shipped catalogues besides English, each in a file of its own: a page fetches only its language's,
 * alongside its token request, and shows no text until it has arrived (never English first).
 */
const loaders: Record<string, () => Promise<{ catalogue: Catalogue }>> = {
  de: () => import('./messages/de.js'),
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  ja: () => import('./messages/ja.js'),
};
const loaded = new Map<string, Catalogue>([['en', en]]);

/** The languages with a catalogue of their own. */
export const LANGUAGES = ['en', ...Object.keys(loaders)];

/** The shipped language for a locale (`de-AT` → `de`), English when there is none. */
export function languageOf(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  return language in loaders ? language : 'en';
}

/** The catalogue for a locale's language once it has arrived (English always has). */
export const catalogueFor = (locale: string): Catalogue | undefined => loaded.get(languageOf(locale));

/**
 * Fetches the catalogue for a locale's language (once: later calls share it). One that cannot be fetched
 * gives English words: a widget in the wrong language beats a blank box.
 */
export async function loadCatalogue(locale: string): Promise<Catalogue> {
  const language = languageOf(locale);
  const ready = loaded.get(language);
  if (ready) return ready;
  const catalogue = await loaders[language]!().then(
    (module) => module.catalogue,
    () => en,
  );
  loaded.set(language, catalogue);
  return catalogue;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

/**
 * Messages in one locale, with a host's overrides on top (unknown keys and values of the wrong shape are
 * ignored). The locale's catalogue must have arrived ({@link loadCatalogue}).
 */
export class Translator {
  readonly #catalogue: Catalogue;
  readonly #plurals: Intl.PluralRules;
  readonly #list: Intl.ListFormat;

  constructor(
    readonly locale: string,
    overrides?: Messages,
  ) {
    this.#plurals = new Intl.PluralRules(locale);
    this.#list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const shipped = catalogueFor(locale);
    if (!shipped) throw new Error(`The catalogue for ${locale} has not arrived: await loadCatalogue() first.`);
    const catalogue: Catalogue = { ...shipped };
    for (const [key, value] of Object.entries(overrides ?? {})) {
      const valid = typeof value === 'string' || (!!value && typeof value === 'object' && typeof value.other === 'string');
      if (key in en && valid) catalogue[key as MessageKey] = value;
    }
    this.#catalogue = catalogue;
  }

  /** The message for `key`, its plural form chosen by `values.count`, placeholders filled. */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    const message = this.#catalogue[key];
    if (typeof message === 'string') return fill(message, values);
    const form = typeof values.count === 'number' ? this.#plurals.select(values.count) : 'other';
    return fill(message[form] ?? message.other, values);
  }

  /** Items joined as the language does ("A, B, and C", "A, B und C", "A、B、C"). */
  list(items: readonly string[]): string {
    return this.#list.format(items);
  }

  /** Whether the catalogue has a message for `key` (ledger types added later have none). */
  has(key: string): key is MessageKey {
    return key in this.#catalogue;
  }
}
