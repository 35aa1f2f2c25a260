/**
 * Every string the widget shows, in one catalogue per language. Placeholders are `{name}`; a message that
 * depends on a number is an object of plural forms chosen by `Intl.PluralRules` from `{count}`. A host
 * overrides any key through the `strings` property. Values from the API are inserted as text, never HTML.
 */
import { type Catalogue, type MessageKey, type Messages, en } from './messages/en.js';

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
/** English lacks the words of the history and the invoice schedule: they come with the chunk that shows them. */
const loaded = new Map<string, Messages>([['en', en]]);

/** The languages with a catalogue of their own. */
export const LANGUAGES = ['en', ...Object.keys(loaders)];

/** The shipped language for a locale (`de-AT` → `de`), English when there is none. */
export function languageOf(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  return Object.hasOwn(loaders, language) ? language : 'en';
}

/** The catalogue for a locale's language once it has arrived (English always has). */
export const catalogueFor = (locale: string): Messages | undefined => loaded.get(languageOf(locale));

/**
 * Fetches the catalogue for a locale's language (once: later calls share it). One that cannot be fetched
 * gives English words: a widget in the wrong language beats a blank box.
 */
export async function loadCatalogue(locale: string): Promise<Messages> {
  const language = languageOf(locale);
  const ready = loaded.get(language);
  if (ready) return ready;
  const catalogue: Messages = await loaders[language]!().then(
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
  readonly #catalogue: Messages;
  readonly #plurals: Intl.PluralRules;
  readonly #list: Intl.ListFormat;

  /**
   * @param overrides The host's `strings`.
   * @param details The English words of the pages that fetch the details' chunk (`enDetails`), once it has arrived:
   *   English has them only from it, every other catalogue has its own.
   */
  constructor(
    readonly locale: string,
    overrides?: Messages,
    details?: Messages,
  ) {
    this.#plurals = new Intl.PluralRules(locale);
    this.#list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const shipped = catalogueFor(locale);
    if (!shipped) throw new Error(`The catalogue for ${locale} has not arrived: await loadCatalogue() first.`);
    const catalogue: Messages = { ...details, ...shipped };
    for (const [key, value] of Object.entries(overrides ?? {})) {
      const valid = typeof value === 'string' || (!!value && typeof value === 'object' && typeof value.other === 'string');
      if (Object.hasOwn(catalogue, key) && valid) catalogue[key as MessageKey] = value;
    }
    this.#catalogue = catalogue;
  }

  /**
   * The message for `key`, its plural form chosen by `values.count`, placeholders filled. In English, the words of
   * the pages that fetch the details' chunk come with it ({@link constructor}'s `details`): a page whose chunk could
   * not be fetched (a console warning says so) shows nothing for them rather than fail.
   */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    const message = this.#catalogue[key] ?? '';
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
    return Object.hasOwn(this.#catalogue, key);
  }
}
