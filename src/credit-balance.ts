/**
 * `<credit-balance>`: the element. It holds the public properties, turns them into a request for its
 * loading controller (`credits-controller.ts`), works out one view per update from the controller's value,
 * renders it with the templates (`templates.ts`) and says what happened through custom states and events.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues, html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './credit-balance.styles.js';
import { CreditsController, type CreditsRequest, type CreditsState } from './credits-controller.js';
import { CreditBalanceErrorEvent, CreditBalanceExpiringEvent, CreditBalanceLoadEvent, CreditBalanceLowEvent } from './events.js';
import { type NormalizedCredit, type SourceName, type Total, totalsOf } from './lib/credit.js';
import { DateFormat } from './lib/view/dates.js';
import { Translator, catalogueFor, loadCatalogue } from './lib/view/messages.js';
import type { Messages } from './lib/view/messages/en.js';
import { MoneyFormat, toDisplayAmount } from './lib/view/money.js';
import type { TokenResponse } from './lib/api/token.js';
import { memo } from './lib/tuple-map.js';
import { type CreditView, lowTotals, viewCredits } from './lib/view/view-model.js';
import {
  type LedgerTemplate,
  type ViewContext,
  commonBalanceDate,
  renderCredit,
  renderError,
  renderSkeleton,
  renderTotals,
} from './templates.js';

type Formats = { i18n: Translator; money: MoneyFormat; dates: DateFormat };

/** What one update shows, worked out once before rendering; render() and updated() read it. */
interface View {
  source: SourceName;
  state: CreditsState;
  formats: Formats | undefined;
  /**
   * Absent while a chunk this widget needs is on its way (its language's catalogue, the history's template):
   * nothing is worded or shown until they have arrived, so a German page never shows English first.
   */
  context: ViewContext | undefined;
  views: CreditView[];
  totals: Total[];
  low: Total[];
  expiring: NormalizedCredit[];
  /** What goes under the header: the loading skeleton, the credits, the empty message, or nothing more. */
  body: 'loading' | 'credits' | 'empty' | 'none';
}

/**
 * Formatters for a requested locale, time zone and set of overrides, made once each (validating a locale is
 * costly); `undefined` until the locale's catalogue has arrived (and not remembered as such).
 */
const formatsFor = memo((locale: string, timeZone: string, strings: Messages | undefined): Formats | undefined => {
  const valid = validLocale(locale);
  if (!catalogueFor(valid)) return undefined;
  return {
    i18n: new Translator(valid, strings),
    money: new MoneyFormat(valid),
    dates: new DateFormat(valid, validTimeZone(timeZone)),
  };
});

/**
 * The templates' context: the same object while every part of it is the same (within one minute), so that the
 * templates' guards key on it alone and a part added here can never leave stale markup behind.
 */
const contextOf = memo(
  (
    formats: Formats,
    minute: number,
    renderLedger: LedgerTemplate | undefined,
    headingLevel: number,
    sharedAsOf: Date | undefined,
    invoiceUrl: string | undefined,
  ): ViewContext => ({ ...formats, now: new Date(minute * 60_000), minute, renderLedger, headingLevel, sharedAsOf, invoiceUrl }),
);

/**
 * The history's template: a chunk of its own, fetched in the first update of a widget that shows history.
 * If it cannot be fetched (a host that copied the bundle without its chunk folder), the credits show without
 * their history, and one warning says why.
 */
let ledgerTemplate: LedgerTemplate | undefined;
let ledgerArriving: Promise<void> | undefined;
let ledgerMissing = false;
const fetchLedgerTemplate = () =>
  (ledgerArriving ??= import('./ledger.js').then(
    (module) => {
      ledgerTemplate = module.renderLedger;
    },
    (error: unknown) => {
      ledgerMissing = true;
      console.warn('<credit-balance>: no history, its chunk could not be fetched:', error);
    },
  ));

/**
 * @summary A customer's Metronome credits: balances, totals per credit type and access schedules.
 *
 * @tag credit-balance
 *
 * @event {CreditBalanceLoadEvent} credit-balance-load - Data was rendered. `detail: { source, credits, totals, skipped }`;
 *   `skipped` lists the records that could not be read.
 * @event {CreditBalanceErrorEvent} credit-balance-error - A load failed. `detail: { code, status?, message }`.
 * @event {CreditBalanceExpiringEvent} credit-balance-expiring - Data was rendered with expiring credits. `detail: { credits }`.
 * @event {CreditBalanceLowEvent} credit-balance-low - Data was rendered with a total below `low-balance`. `detail: { totals }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the totals.
 * @csspart total - One total per credit type; carries `data-credit-type-id`.
 * @csspart total-low - Beside `total`: the total is below `low-balance`.
 * @csspart credit - One credit (or grant); carries `data-credit-id`.
 * @csspart credit-active - Beside `credit`: a period of it is usable now.
 * @csspart credit-upcoming - Beside `credit`: its first period is still to start.
 * @csspart credit-expired - Beside `credit`: every period has ended.
 * @csspart credit-unscheduled - Beside `credit`: it has no access schedule.
 * @csspart credit-expiring - Beside `credit`: what is left of it expires within `expiring-soon-days`.
 * @csspart credit-name - A credit's name.
 * @csspart balance - A credit's balance.
 * @csspart meter - The bar of what is left of what was granted.
 * @csspart schedule - A credit's access schedule.
 * @csspart segment - One schedule item; carries `data-segment-id`.
 * @csspart segment-active - Beside `segment`: usable now.
 * @csspart segment-upcoming - Beside `segment`: still to start.
 * @csspart segment-expired - Beside `segment`: ended.
 * @csspart badge - A status label (active, upcoming, expired, expiring soon, used next, low balance).
 * @csspart badge-active - Beside `badge`: the "Active" label.
 * @csspart badge-upcoming - Beside `badge`: the "Upcoming" label.
 * @csspart badge-expired - Beside `badge`: the "Expired" label.
 * @csspart badge-expiring - Beside `badge`: the "Expiring soon" label.
 * @csspart badge-next - Beside `badge`: the "Used next" label.
 * @csspart badge-low - Beside `badge`: the "Low balance" label of a total.
 * @csspart ledger - A credit's history (with `include-ledgers`).
 * @csspart notice - Says how many credits could not be shown (a record the widget could not read).
 * @csspart empty - The message shown when there are no credits.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssprop [--credit-balance-font=inherit] - Font family.
 * @cssprop [--credit-balance-text-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--credit-balance-muted-color=light-dark(#59636e, #9198a1)] - Secondary text colour.
 * @cssprop [--credit-balance-background-color=light-dark(#ffffff, #0d1117)] - Background.
 * @cssprop [--credit-balance-surface-color=light-dark(#f6f8fa, #151b23)] - Background of each credit.
 * @cssprop [--credit-balance-border-color=light-dark(#d1d9e0, #3d444d)] - Border colour.
 * @cssprop [--credit-balance-accent-color=light-dark(#0969da, #4493f8)] - Meter fill, focus ring and button colour.
 * @cssprop [--credit-balance-accent-text-color=light-dark(#ffffff, #0d1117)] - Text on the accent colour.
 * @cssprop [--credit-balance-success-color=light-dark(#1a7f37, #3fb950)] - Active status colour.
 * @cssprop [--credit-balance-warning-color=light-dark(#9a6700, #d29922)] - Expiring and low colour.
 * @cssprop [--credit-balance-danger-color=light-dark(#d1242f, #f85149)] - Error colour.
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

  /** The reactive properties, and the attribute each reflects from (the fields below say what each means). */
  static override properties: PropertyDeclarations = {
    tokenUrl: { attribute: 'token-url' },
    tokenCredentials: { attribute: 'token-credentials' },
    tokenProvider: { attribute: false },
    customerId: { attribute: 'customer-id' },
    apiBase: { attribute: 'api-base' },
    source: {},
    scope: {},
    includeArchived: { type: Boolean, attribute: 'include-archived' },
    includeLedgers: { type: Boolean, attribute: 'include-ledgers' },
    coveringDate: { attribute: 'covering-date' },
    startingAt: { attribute: 'starting-at' },
    effectiveBefore: { attribute: 'effective-before' },
    notExpiringBefore: { attribute: 'not-expiring-before' },
    creditId: { attribute: 'credit-id' },
    pageSize: { type: Number, attribute: 'page-size' },
    locale: {},
    timeZone: { attribute: 'time-zone' },
    expiringSoonDays: { type: Number, attribute: 'expiring-soon-days' },
    lowBalance: { type: Number, attribute: 'low-balance' },
    invoiceUrl: { attribute: 'invoice-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideTitle: { type: Boolean, attribute: 'hide-title' },
    strings: { attribute: false },
  };

  /** The host's token endpoint. Required unless `tokenProvider` is set. */
  tokenUrl?: string;

  /**
   * Whether the token request carries the session cookie: `same-origin` (the default) or `include`, for a
   * token endpoint on a sibling origin (it must then answer CORS with credentials, see the README).
   */
  tokenCredentials: 'same-origin' | 'include' | 'omit' = 'same-origin';

  /**
   * Mints tokens in the host's own code; wins over `token-url`. Set after the element upgrades (hydration, a
   * ref), it is waited for: with neither token source, the widget reports `config` only after 3 s.
   */
  tokenProvider?: () => Promise<TokenResponse>;

  /** Metronome customer id; a `customer_id` in the token response wins over it. */
  customerId?: string;

  /** Base URL of the API (normally the host's proxy); default: the token's `api_base`, else Metronome. */
  apiBase?: string;

  /** `credits` (contract credits) or `grants` (legacy Plans credit grants). */
  source: 'credits' | 'grants' = 'credits';

  /** Credits only: `all` includes contract-level credits, `customer` only customer-level ones. */
  scope: 'all' | 'customer' = 'all';

  /** Credits only: include archived credits. */
  includeArchived = false;

  /** Credits only: load each credit's ledger and show its history. */
  includeLedgers = false;

  /** Credits: only credits whose schedule covers this RFC 3339 instant. */
  coveringDate?: string;

  /** Credits: only credits with access on or after this instant. */
  startingAt?: string;

  /** Credits and grants: only those with access before this instant (exclusive). */
  effectiveBefore?: string;

  /** Grants: only grants expiring at or after this instant. */
  notExpiringBefore?: string;

  /** Credits: show this one credit. */
  creditId?: string;

  /** Items per page (default 25 for credits, 100 for grants), within the API's range (1–25, 1–100). */
  pageSize?: number;

  /** BCP 47 locale for numbers, money and dates; default: the nearest `lang`, else the browser's. */
  locale?: string;

  /** IANA time zone in which dates are shown. */
  timeZone = 'UTC';

  /** A credit with a balance whose active segment ends within this many days is "expiring". */
  expiringSoonDays = 30;

  /** A total available below this, in display units (dollars for `USD (cents)`), is "low". */
  lowBalance?: number;

  /**
   * The host's invoice page, `{invoice_id}` standing for the id (`/billing/invoices/{invoice_id}`): each history
   * entry with an invoice links to it. Only same-origin and `https:` links are made.
   */
  invoiceUrl?: string;

  /** The level of the title's heading, 1 to 6 (each credit's name is one below it), to fit the page's outline. */
  headingLevel = 2;

  /** Hides the title from sight, for a page with a heading of its own; screen readers still hear it. */
  hideTitle = false;

  /** Message overrides, keyed as in the message catalogue: a string, or plural forms (`{ one, other }`). */
  strings?: Messages;

  readonly #internals = this.attachInternals();

  readonly #credits = new CreditsController(this, () => this.#request());

  /**
   * The properties as the controller and the view read them. A removed attribute (which Lit turns into `null`)
   * reads as unset: its default again.
   */
  #request(): CreditsRequest {
    return {
      tokenUrl: this.tokenUrl || undefined,
      tokenCredentials: this.tokenCredentials ?? 'same-origin',
      tokenProvider: this.tokenProvider ?? undefined,
      tokenProviderAttribute: this.hasAttribute('tokenprovider'),
      customerId: this.customerId || undefined,
      apiBase: this.apiBase || undefined,
      source: this.source ?? 'credits',
      scope: this.scope ?? 'all',
      includeArchived: this.includeArchived,
      includeLedgers: this.includeLedgers,
      pageSize: this.pageSize ?? undefined,
      coveringDate: this.coveringDate || undefined,
      startingAt: this.startingAt || undefined,
      effectiveBefore: this.effectiveBefore || undefined,
      notExpiringBefore: this.notExpiringBefore || undefined,
      creditId: this.creditId || undefined,
      expiringSoonDays: this.expiringSoonDays ?? 30,
      lowBalance: this.lowBalance ?? undefined,
      invoiceUrl: this.invoiceUrl ?? undefined,
      headingLevel: this.headingLevel ?? 2,
      pageUrl: document.baseURI,
    };
  }

  #view!: View;

  /** Loads again; resolves when the new data (or the error) is rendered. */
  async refresh(): Promise<void> {
    await this.#credits.run();
    await this.updateComplete;
  }

  protected override update(changed: PropertyValues<this>): void {
    // The controllers' hostUpdate has run: a load the new properties call for is already under way.
    this.#view = this.#computeView();
    super.update(changed);
  }

  #computeView(): View {
    const { source, expiringSoonDays, lowBalance, invoiceUrl, includeLedgers, headingLevel } = this.#request();
    const state = this.#credits.value;
    const { shown } = state;
    const lang = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
    const formats = formatsFor(lang, this.timeZone, this.strings);
    // The catalogue and the history's template are fetched now, alongside the token request the controller has
    // just started, never after it.
    if (!formats) void loadCatalogue(validLocale(lang)).then(() => this.requestUpdate());
    const ledgerPending = includeLedgers && !ledgerTemplate && !ledgerMissing;
    if (ledgerPending) void fetchLedgerTemplate().then(() => this.requestUpdate());
    const now = new Date();
    const complete = state.status === 'complete' || state.status === 'error';
    const views = shown ? viewCredits(shown.credits, { now, expiringSoonDays, drawOrder: shown.complete }) : [];
    const totals = shown ? totalsOf(shown.credits) : [];
    const loading = state.status === 'loading';
    return {
      source: source === 'grants' ? 'grants' : 'credits',
      state,
      formats,
      context:
        formats && !ledgerPending
          ? contextOf(
              formats,
              Math.floor(now.getTime() / 60_000),
              includeLedgers ? ledgerTemplate : undefined,
              headingLevel,
              commonBalanceDate(views),
              invoiceUrl,
            )
          : undefined,
      views,
      totals,
      low: lowTotals(totals, lowBalance),
      expiring: views.filter((v) => v.expiring).map((v) => v.credit),
      body: views.length
        ? 'credits'
        : !shown && loading
          ? 'loading'
          : shown && complete && !shown.skipped.length && !state.error
            ? 'empty'
            : 'none',
    };
  }

  override render() {
    const { state, formats, context, totals, low, body } = this.#view;
    if (!formats || !context) {
      return html`<section part="base" class="base" aria-busy="true">${renderSkeleton(undefined)}</section>`;
    }
    const { i18n, money } = formats;
    const { shown, error } = state;
    const announcement = state.refreshed
      ? i18n.t('updated', {
          totals: i18n.list(
            totals.map(
              (t) =>
                `${money.amount(t.available, t.creditType)} ${i18n.t('available', { count: toDisplayAmount(t.available, t.creditType) })}`,
            ),
          ),
        })
      : '';
    return html`
      <section part="base" class="base" aria-busy=${String(state.status === 'loading') as 'true' | 'false'} aria-labelledby="title">
        <header part="header" class="header">
          <div id="title" class="title ${this.hideTitle ? 'visually-hidden' : ''}" role="heading" aria-level=${context.headingLevel}>
            ${i18n.t('title')}
          </div>
          ${totals.length ? renderTotals(totals, low, context) : nothing}
          ${
            context.sharedAsOf
              ? html`<p class="header__note">${i18n.t('balanceAsOf', { date: formats.dates.lastDayBefore(context.sharedAsOf) })}</p>`
              : nothing
          }
        </header>
        ${error ? renderError(error, shown?.at, () => this.refresh(), context) : nothing}
        ${
          state.skipped.length
            ? html`<p part="notice" class="notice" role="note">${i18n.t('skipped', { count: state.skipped.length })}</p>`
            : nothing
        }
        ${this.#renderBody(body, context)}
        <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
      </section>
    `;
  }

  /** Under the header: one branch per state of the body. */
  #renderBody(body: View['body'], context: ViewContext) {
    const { views } = this.#view;
    switch (body) {
      case 'loading':
        return renderSkeleton(context.i18n);
      case 'empty':
        return html`<p part="empty" class="empty">${context.i18n.t('empty')}</p>`;
      case 'none':
        return nothing;
      case 'credits':
        return html`<div class="credits">
          ${repeat(
            views,
            (v) => v.credit.id,
            // An unchanged credit (same object after a reload) in an unchanged context: skip its template.
            (v) => guard([v.credit, context, v.expiring, v.drawPosition, v.drawsAfter], () => renderCredit(v, context)),
          )}
        </div>`;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { source, state, context, totals, low, expiring } = this.#view;
    const { shown, error, status } = state;
    // The records on screen, the unreadable ones included (their notice is shown).
    const records = shown && shown.credits.length + shown.skipped.length;
    this.#setStates({
      loading: status === 'loading',
      ready: !!context && !!records,
      empty: status === 'complete' && records === 0,
      error: !!error,
      stale: !!error && !!shown,
      expiring: expiring.length > 0,
      low: low.length > 0,
    });

    // Events say what is on screen: none until the widget's chunks have arrived and the result is shown.
    if (!context) return;
    const outcome = this.#credits.takeOutcome();
    if (outcome === 'error' && error) {
      this.dispatchEvent(new CreditBalanceErrorEvent(error));
    } else if (outcome === 'load' && shown) {
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
