import { Task, TaskStatus } from '@lit/task';
import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './credit-balance.styles.js';
import {
  CreditBalanceErrorEvent,
  CreditBalanceExpiringEvent,
  CreditBalanceLoadEvent,
  CreditBalanceLowEvent,
  type ErrorDetail,
} from './events.js';
import { type LoadConfig, type Loaded, type TokenSession, asTokenError, loadCredits, requestToken } from './lib/api/client.js';
import { CreditBalanceError, abortReason, isAbortError } from './lib/api/errors.js';
import { InFlightLoads } from './lib/api/shared.js';
import type { HttpDeps } from './lib/api/http.js';
import { type SourceName, type Total, totalsOf } from './lib/credit.js';
import { DateFormat } from './lib/dates.js';
import { type Messages, Translator } from './lib/messages.js';
import { MoneyFormat, toDisplayAmount } from './lib/money.js';
import { type CreditView, lowTotals, viewCredits } from './lib/schedule.js';
import { TokenCache, type TokenResponse } from './lib/token.js';
import { type ViewContext, commonBalanceDate, renderCredit, renderError, renderSkeleton, renderTotals } from './templates.js';

/** Every widget on the page shares these: one token request and one cached token per token source and customer. */
const sharedTokens = new TokenCache(() => Date.now());
/** …and one load for widgets with the same configuration, while it is in flight. */
const sharedLoads = new InFlightLoads<Loaded>();
const providerIds = new WeakMap<() => Promise<TokenResponse>, number>();
let providerCount = 0;

const browserHttp: HttpDeps = {
  fetch: (input, init) => globalThis.fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};

/** While later pages arrive, the list on screen grows at most this often (each growth costs a render and a layout). */
const PROGRESS_MS = 150;

/** Data on screen, and the configuration it was loaded for. */
interface Shown extends Loaded {
  key: string;
  at: Date;
  /** Every page has arrived (a first load renders page by page). */
  complete: boolean;
}

type Formats = { i18n: Translator; money: MoneyFormat; dates: DateFormat };

/**
 * @summary A customer's Metronome credits: balances, totals per credit type and access schedules.
 *
 * @tag credit-balance
 *
 * @event {CreditBalanceLoadEvent} credit-balance-load - Data was rendered. `detail: { source, credits, totals, skipped }`; `skipped` lists the records that could not be read.
 * @event {CreditBalanceErrorEvent} credit-balance-error - A load failed. `detail: { code, status?, message }`.
 * @event {CreditBalanceExpiringEvent} credit-balance-expiring - Data was rendered with expiring credits. `detail: { credits }`.
 * @event {CreditBalanceLowEvent} credit-balance-low - Data was rendered with a total below `low-balance`. `detail: { totals }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the totals.
 * @csspart total - One total per credit type.
 * @csspart credit - One credit (or grant); carries `data-credit-id`.
 * @csspart credit-name - A credit's name.
 * @csspart balance - A credit's balance.
 * @csspart meter - The bar of what is left of what was granted.
 * @csspart schedule - A credit's access schedule.
 * @csspart segment - One schedule item; carries `data-segment-id`.
 * @csspart badge - A status label (active, upcoming, expired, expiring soon, low balance).
 * @csspart ledger - A credit's history (with `include-ledgers`).
 * @csspart notice - Says how many credits could not be shown (a record the widget could not read).
 * @csspart empty - The message shown when there are no credits.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssprop [--credit-balance-font=inherit] - Font family.
 * @cssprop [--credit-balance-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--credit-balance-muted=light-dark(#59636e, #9198a1)] - Secondary text colour.
 * @cssprop [--credit-balance-background=light-dark(#ffffff, #0d1117)] - Background.
 * @cssprop [--credit-balance-surface=light-dark(#f6f8fa, #151b23)] - Background of each credit.
 * @cssprop [--credit-balance-border=light-dark(#d1d9e0, #3d444d)] - Border colour.
 * @cssprop [--credit-balance-accent=light-dark(#0969da, #4493f8)] - Meter fill, focus ring and button colour.
 * @cssprop [--credit-balance-accent-text=light-dark(#ffffff, #0d1117)] - Text on the accent colour.
 * @cssprop [--credit-balance-success=light-dark(#1a7f37, #3fb950)] - Active status colour.
 * @cssprop [--credit-balance-warning=light-dark(#9a6700, #d29922)] - Expiring and low colour.
 * @cssprop [--credit-balance-danger=light-dark(#d1242f, #f85149)] - Error colour.
 * @cssprop [--credit-balance-radius=8px] - Corner radius.
 * @cssprop [--credit-balance-gap=12px] - Base spacing.
 *
 * @cssstate loading - A load is in flight.
 * @cssstate ready - Data is shown.
 * @cssstate empty - Loaded, and there are no credits.
 * @cssstate error - The last load failed.
 * @cssstate stale - The last good data is shown after a failed refresh.
 * @cssstate expiring - A credit's usable amount expires within `expiring-soon-days`.
 * @cssstate low - A total is below `low-balance`.
 */
export class CreditBalance extends LitElement {
  static override styles = styles;

  /** Registers the element; a second call (a second copy of the script) does nothing. */
  static define(tag = 'credit-balance', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The host's token endpoint. Required unless `tokenProvider` is set. */
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /** Mints tokens in the host's own code; wins over `token-url`. */
  @property({ attribute: false }) tokenProvider?: () => Promise<TokenResponse>;

  /** Metronome customer id; a `customer_id` in the token response wins over it. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** Base URL of the API (normally the host's proxy); default: the token's `api_base`, else Metronome. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** `credits` (contract credits) or `grants` (legacy Plans credit grants). */
  @property() source: SourceName = 'credits';

  /** Credits only: `all` includes contract-level credits, `customer` only customer-level ones. */
  @property() scope: 'all' | 'customer' = 'all';

  /** Credits only: include archived credits. */
  @property({ type: Boolean, attribute: 'include-archived' }) includeArchived = false;

  /** Credits only: load each credit's ledger and show its history. */
  @property({ type: Boolean, attribute: 'include-ledgers' }) includeLedgers = false;

  /** Credits: only credits whose schedule covers this RFC 3339 instant. */
  @property({ attribute: 'covering-date' }) coveringDate?: string;

  /** Credits: only credits with access on or after this instant. */
  @property({ attribute: 'starting-at' }) startingAt?: string;

  /** Credits and grants: only those with access before this instant (exclusive). */
  @property({ attribute: 'effective-before' }) effectiveBefore?: string;

  /** Grants: only grants expiring at or after this instant. */
  @property({ attribute: 'not-expiring-before' }) notExpiringBefore?: string;

  /** Credits: show this one credit. */
  @property({ attribute: 'credit-id' }) creditId?: string;

  /** Items per page (default 25 for credits, 100 for grants), clamped to the API's range. */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  /** BCP 47 locale for numbers, money and dates; default: the nearest `lang`, else the browser's. */
  @property() locale?: string;

  /** IANA time zone in which dates are shown. */
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  /** A credit with a balance whose active segment ends within this many days is "expiring". */
  @property({ type: Number, attribute: 'expiring-soon-days' }) expiringSoonDays = 30;

  /** A total available below this, in display units (dollars for `USD (cents)`), is "low". */
  @property({ type: Number, attribute: 'low-balance' }) lowBalance?: number;

  /**
   * The host's invoice page, `{invoice_id}` standing for the id (`/billing/invoices/{invoice_id}`): each history
   * entry with an invoice links to it. Only same-origin and `https:` links are made.
   */
  @property({ attribute: 'invoice-url' }) invoiceUrl?: string;

  /** Message overrides, keyed as in the message catalogue: a string, or plural forms (`{ one, other }`). */
  @property({ attribute: false }) strings?: Messages;

  readonly #internals = this.attachInternals();
  #shown?: Shown;
  /** Formatters for the requested locale and time zone (as written: validating them is costly), and strings. */
  #formats?: Formats & { requested: string; strings: Messages | undefined };
  /** The last load replaced data already on screen: say so to screen readers. */
  #refreshed = false;
  /** Events owed once the next render has put the result on screen. */
  #announce?: 'load' | 'error';
  #interrupted = false;

  readonly #task = new Task(this, {
    args: () => [this.#config()] as const,
    argsEqual: ([a], [b]) => a.key === b.key,
    task: async ([config], { signal }) => {
      const { key, session, load } = config;
      if (!session) {
        throw new CreditBalanceError('token', 'Set the token-url attribute or the tokenProvider property.');
      }
      // A first load shows each page as it arrives; a reload keeps the last good data until it is complete.
      const progressive = this.#shown?.key !== key || !this.#shown.complete;
      const previous = this.#shown?.key === key ? this.#shown.credits : [];
      let loaded: Loaded = { credits: [], skipped: [] };
      let renderedAt = -Infinity;
      const pages = sharedLoads.follow(key, (shared) => loadCredits(load, session, browserHttp, shared, previous), signal);
      for await (loaded of pages) {
        if (signal.aborted) break;
        // The first page at once; later ones at most every PROGRESS_MS, then the whole list when complete.
        if (progressive && performance.now() - renderedAt >= PROGRESS_MS) {
          renderedAt = performance.now();
          this.#shown = { key, ...loaded, at: new Date(), complete: false };
          this.requestUpdate();
        }
      }
      signal.throwIfAborted();
      this.#shown = { key, ...loaded, at: new Date(), complete: true };
      this.#refreshed = !progressive;
      return loaded;
    },
    onComplete: () => {
      this.#announce = 'load';
    },
    onError: (error) => {
      this.#interrupted = isAbortError(error);
      if (this.#interrupted) return;
      this.#announce = 'error';
      // Part of a first load is not "last good data": show the error alone.
      if (!this.#shown?.complete) this.#shown = undefined;
    },
  });

  /** Loads again; resolves when the new data (or the error) is rendered. */
  async refresh(): Promise<void> {
    await this.#task.run();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.#task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#task.status === TaskStatus.PENDING) this.#task.abort();
  }

  /** The request-shaping configuration, and the key that tells one configuration from another. */
  #config(): { key: string; session?: TokenSession; load: LoadConfig } {
    const customerId = this.customerId || undefined;
    const load: LoadConfig = {
      source: this.source === 'grants' ? 'grants' : 'credits',
      scope: this.scope === 'customer' ? 'customer' : 'all',
      includeArchived: this.includeArchived,
      includeLedgers: this.includeLedgers,
      pageUrl: document.baseURI,
      ...(customerId && { customerId }),
      ...(this.apiBase && { apiBase: this.apiBase }),
      ...(this.pageSize !== undefined && { pageSize: this.pageSize }),
      ...(this.coveringDate && { coveringDate: this.coveringDate }),
      ...(this.startingAt && { startingAt: this.startingAt }),
      ...(this.effectiveBefore && { effectiveBefore: this.effectiveBefore }),
      ...(this.notExpiringBefore && { notExpiringBefore: this.notExpiringBefore }),
      ...(this.creditId && { creditId: this.creditId }),
    };
    const session = this.#session(customerId);
    return { key: JSON.stringify([session?.key, load]), ...(session && { session }), load };
  }

  #session(customerId: string | undefined): TokenSession | undefined {
    const provider = this.tokenProvider;
    if (provider) {
      let id = providerIds.get(provider);
      if (id === undefined) providerIds.set(provider, (id = ++providerCount));
      return {
        key: `provider:${id}|${customerId ?? ''}`,
        cache: sharedTokens,
        fetch: () =>
          Promise.resolve()
            .then(provider)
            .catch((error: unknown) => {
              throw asTokenError(error);
            }),
      };
    }
    if (!this.tokenUrl) return undefined;
    let url: string;
    try {
      url = new URL(this.tokenUrl, document.baseURI).href;
    } catch {
      const error = new CreditBalanceError('token', `The token-url "${this.tokenUrl}" is not a URL.`);
      return { key: `invalid:${this.tokenUrl}`, cache: sharedTokens, fetch: () => Promise.reject(error) };
    }
    return { key: `url:${url}|${customerId ?? ''}`, cache: sharedTokens, fetch: () => requestToken(url, customerId, browserHttp) };
  }

  #formatsFor(): Formats {
    const requested = `${this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language}|${this.timeZone}`;
    if (this.#formats?.requested !== requested || this.#formats.strings !== this.strings) {
      const locale = validLocale(requested.split('|')[0]!);
      const timeZone = validTimeZone(this.timeZone);
      this.#formats = {
        requested,
        strings: this.strings,
        i18n: new Translator(locale, this.strings),
        money: new MoneyFormat(locale),
        dates: new DateFormat(locale, timeZone),
      };
    }
    return this.#formats;
  }

  /** What this update shows, worked out once (in render(), after the task has started) for render() and updated(). */
  #view!: {
    source: SourceName;
    shown?: Shown;
    status: TaskStatus;
    error?: ErrorDetail;
    now: Date;
    views: CreditView[];
    totals: Total[];
    low: Total[];
  };

  #computeView(): void {
    const { key, load } = this.#config();
    const shown = this.#shown?.key === key ? this.#shown : undefined;
    const status = this.#task.status;
    const error = status === TaskStatus.ERROR && !this.#interrupted ? toErrorDetail(this.#task.error) : undefined;
    const now = new Date();
    const totals = shown ? totalsOf(shown.credits) : [];
    this.#view = {
      source: load.source,
      ...(shown && { shown }),
      status,
      ...(error && { error }),
      now,
      views: shown ? viewCredits(shown.credits, { now, expiringSoonDays: this.expiringSoonDays, drawOrder: shown.complete }) : [],
      totals,
      low: lowTotals(totals, this.lowBalance),
    };
  }

  override render() {
    this.#computeView();
    const formats = this.#formatsFor();
    const { i18n, money } = formats;
    const { shown, status, error, now, views, totals, low } = this.#view;
    const loading = status === TaskStatus.PENDING || (status === TaskStatus.INITIAL && !shown);
    const announcement =
      this.#refreshed && shown?.complete && !error
        ? i18n.t('updated', {
            totals: i18n.list(totals.map((t) => `${money.amount(t.available, t.creditType)} ${i18n.t('available', { count: toDisplayAmount(t.available, t.creditType) })}`)),
          })
        : '';
    const context: ViewContext = {
      ...formats,
      now,
      minute: Math.floor(now.getTime() / 60_000),
      includeLedgers: this.includeLedgers,
      sharedAsOf: commonBalanceDate(views),
      invoiceUrl: this.invoiceUrl,
      pageUrl: document.baseURI,
    };

    return html`
      <section part="base" class="base" aria-busy=${loading ? 'true' : 'false'} aria-labelledby="title">
        <header part="header" class="header">
          <h2 id="title" class="title">${i18n.t('title')}</h2>
          ${totals.length ? renderTotals(totals, low, context) : nothing}
          ${context.sharedAsOf
            ? html`<p class="header__note">${i18n.t('balanceAsOf', { date: formats.dates.lastDayBefore(context.sharedAsOf) })}</p>`
            : nothing}
        </header>
        ${error ? renderError(error, shown?.at, () => this.refresh(), context) : nothing}
        ${shown?.skipped.length ? html`<p part="notice" class="notice" role="note">${i18n.t('skipped', { count: shown.skipped.length })}</p>` : nothing}
        ${shown
          ? views.length
            ? html`<div class="credits">
                ${repeat(
                  views,
                  (v) => v.credit.id,
                  // An unchanged credit (same object after a reload), same minute, same formats: skip its template.
                  (v) => guard([v.credit, context.minute, formats, context.includeLedgers, context.invoiceUrl, context.sharedAsOf?.getTime(), v.expiring, v.drawPosition, v.drawsAfter], () => renderCredit(v, context)),
                )}
              </div>`
            : loading || shown.skipped.length
              ? nothing
              : html`<p part="empty" class="empty">${i18n.t('empty')}</p>`
          : loading
            ? renderSkeleton(i18n)
            : nothing}
        <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { source, shown, status, error, views, totals, low } = this.#view;
    const expiring = views.filter((v) => v.expiring).map((v) => v.credit);
    this.#setStates({
      loading: status === TaskStatus.PENDING,
      ready: !!shown && shown.credits.length + shown.skipped.length > 0,
      empty: status === TaskStatus.COMPLETE && !!shown && shown.credits.length + shown.skipped.length === 0,
      error: !!error,
      stale: !!error && !!shown,
      expiring: expiring.length > 0,
      low: low.length > 0,
    });

    const announce = this.#announce;
    this.#announce = undefined;
    if (announce === 'error' && error) {
      this.dispatchEvent(new CreditBalanceErrorEvent(error));
    } else if (announce === 'load' && shown) {
      this.dispatchEvent(new CreditBalanceLoadEvent({ source, credits: shown.credits, totals, skipped: shown.skipped }));
      if (expiring.length) this.dispatchEvent(new CreditBalanceExpiringEvent({ credits: expiring }));
      if (low.length) this.dispatchEvent(new CreditBalanceLowEvent({ totals: low }));
    }
  }

  #setStates(states: Record<string, boolean>): void {
    for (const [state, on] of Object.entries(states)) {
      if (on) this.#internals.states.add(state);
      else this.#internals.states.delete(state);
    }
  }
}

function toErrorDetail(error: unknown): ErrorDetail {
  if (error instanceof CreditBalanceError) {
    return { code: error.code, message: error.message, ...(error.status !== undefined && { status: error.status }) };
  }
  return { code: 'invalid-response', message: error instanceof Error ? error.message : String(error) };
}

function validLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function validTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}
