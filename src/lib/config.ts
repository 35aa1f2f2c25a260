/**
 * The host developer's mistakes, caught before any request: what the element's attributes say, checked
 * against what the widget can work with. Each problem names the attribute, for the one console warning.
 */
import { CreditBalanceError } from './errors.js';
import { LIST_PATHS, PAGE_SIZES } from './metronome.js';
import type { SourceName } from './credit.js';
import type { LowBalance } from './view/view-model.js';

/** The lists a widget can read: one per list call. */
const SOURCES = Object.keys(LIST_PATHS) as SourceName[];
const isSource = (source: string): source is SourceName => (SOURCES as readonly string[]).includes(source);

/**
 * The element's options, as its properties hold them (a removed attribute reads as its default). The element
 * itself is one: each property is declared once, on the element, with its attribute and its JSDoc.
 */
export interface WidgetOptions {
  tokenUrl?: string | undefined;
  tokenCredentials: string;
  tokenProvider?: (() => Promise<unknown>) | undefined;
  customerId?: string | undefined;
  apiBase?: string | undefined;
  source: string;
  scope: string;
  includeArchived: boolean;
  includeLedgers: boolean;
  forecast: boolean;
  chart: boolean;
  topUp: boolean;
  excludeZeroBalances: boolean;
  coveringDate?: string | undefined;
  startingAt?: string | undefined;
  effectiveBefore?: string | undefined;
  notExpiringBefore?: string | undefined;
  creditId?: string | undefined;
  pageSize?: number | undefined;
  expiringSoonDays: number;
  lowBalance?: LowBalance | undefined;
  invoiceUrl?: string | undefined;
  headingLevel: number;
}

/** What the page says beside the options. */
export interface PageContext {
  /** The page's URL, which relative URLs are resolved against. */
  pageUrl: string;
  /**
   * The element carries a `tokenprovider` attribute: a framework that set `tokenProvider` before the element was
   * defined, and wrote it as an attribute (which cannot carry a function) instead.
   */
  tokenProviderAttribute?: boolean;
}

const isUrl = (value: string, base: string) => {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
};

/** The first mistake in `input`, as a `config` error naming the attribute; `undefined` when there is none. */
export function configProblem(input: WidgetOptions, { pageUrl, tokenProviderAttribute }: PageContext): CreditBalanceError | undefined {
  const hasTokenProvider = !!input.tokenProvider;
  const problem = (attribute: string, what: string) => new CreditBalanceError('config', `The ${attribute} attribute ${what}.`);
  if (!input.tokenUrl && !hasTokenProvider) {
    return tokenProviderAttribute
      ? problem('tokenprovider', 'cannot carry a function: define <credit-balance> before the app mounts')
      : new CreditBalanceError('config', 'Set the token-url attribute or the tokenProvider property.');
  }
  if (!hasTokenProvider && input.tokenUrl && !isUrl(input.tokenUrl, pageUrl)) {
    return problem('token-url', `"${input.tokenUrl}" is not a URL`);
  }
  if (input.apiBase && !isUrl(input.apiBase, pageUrl)) return problem('api-base', `"${input.apiBase}" is not a URL`);
  if (!['same-origin', 'include', 'omit'].includes(input.tokenCredentials)) {
    return problem('token-credentials', `must be same-origin, include or omit, not "${input.tokenCredentials}"`);
  }
  if (!isSource(input.source)) return problem('source', `"${input.source}" is not one of ${SOURCES.join(', ')}`);
  if (input.scope !== 'all' && input.scope !== 'customer') return problem('scope', `"${input.scope}" is neither "all" nor "customer"`);
  const max = PAGE_SIZES[input.source].max;
  if (input.pageSize !== undefined && !(Number.isInteger(input.pageSize) && input.pageSize >= 1 && input.pageSize <= max)) {
    return problem('page-size', `must be a whole number from 1 to ${max} for ${input.source}, not ${input.pageSize}`);
  }
  if (!(Number.isFinite(input.expiringSoonDays) && input.expiringSoonDays >= 0)) {
    return problem('expiring-soon-days', `must be 0 days or more, not ${input.expiringSoonDays}`);
  }
  const { lowBalance } = input;
  if (
    lowBalance !== undefined &&
    !(typeof lowBalance === 'object' && lowBalance ? Object.values(lowBalance) : [lowBalance]).every(Number.isFinite)
  ) {
    const written = typeof lowBalance === 'object' ? JSON.stringify(lowBalance) : lowBalance;
    return problem('low-balance', `must be a number, or numbers by credit type ({"USD": 200, "EUR": 150}), not ${written}`);
  }
  if (!(Number.isInteger(input.headingLevel) && input.headingLevel >= 1 && input.headingLevel <= 6)) {
    return problem('heading-level', `must be a whole number from 1 to 6, not ${input.headingLevel}`);
  }
  if (input.invoiceUrl !== undefined && !input.invoiceUrl.includes('{invoice_id}')) {
    return problem('invoice-url', `"${input.invoiceUrl}" has no {invoice_id} placeholder`);
  }
  return undefined;
}
