/**
 * `<credit-balance>`: the element. It declares the public properties, hands them to its loading controller
 * (`credits-controller.ts`), asks `viewOf` what one update shows, renders it with the templates (`templates.ts`)
 * and says what happened through custom states and events.
 */
import { LitElement, type PropertyValues, adoptStyles, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './credit-balance.styles.js';
import { CreditsController } from './credits-controller.js';
import { DocumentLangController } from './document-lang.js';
import {
  CreditBalanceErrorEvent,
  CreditBalanceExpiringEvent,
  CreditBalanceForecastEvent,
  CreditBalanceLoadEvent,
  CreditBalanceLowEvent,
} from './events.js';
import type { TokenResponse } from './lib/api/token.js';
import type { WidgetOptions } from './lib/config.js';
import type { SourceName } from './lib/credit.js';
import type { CreditsState } from './lib/load-state.js';
import { memo } from './lib/tuple-map.js';
import { DateFormat } from './lib/view/dates.js';
import type { Forecast } from './lib/view/forecast.js';
import { Translator, catalogueFor, loadCatalogue } from './lib/view/messages.js';
import type { MessageKey, Messages } from './lib/view/messages/en.js';
import { MoneyFormat, toDisplayAmount } from './lib/view/money.js';
import { type View, viewOf } from './lib/view/view.js';
import type { LowBalance } from './lib/view/view-model.js';
import { renderCredit, renderError, renderSkeleton, renderTotals } from './templates.js';
import type { InvoicesTemplate, LedgerTemplate, UnderTotalsTemplate, ViewContext } from './view-context.js';

type Formats = { i18n: Translator; money: MoneyFormat; dates: DateFormat };

/** What one update renders: the view, the state it was worked out from, and the templates' context. */
interface Update {
  state: CreditsState;
  view: View;
  formats: Formats | undefined;
  /**
   * Absent while a chunk this widget needs is on its way (its language's catalogue, the history's template):
   * nothing is worded or shown until they have arrived, so a German page never shows English first.
   */
  context: ViewContext | undefined;
  /** With `forecast` or `chart`, once the whole list has loaded and the details' chunk has arrived. */
  forecasts: Forecast[] | undefined;
}

/**
 * Formatters for a requested locale, time zone, set of overrides and precision, with the English words of the
 * details' chunk once a page that shows it has it, made once each (validating a locale is costly); `undefined`
 * until the locale's catalogue has arrived (and not remembered as such).
 */
const formatsFor = memo(
  (
    locale: string,
    timeZone: string,
    strings: Messages | undefined,
    exactAmounts: boolean,
    details: Messages | undefined,
  ): Formats | undefined => {
    const valid = validLocale(locale);
    if (!catalogueFor(valid)) return undefined;
    return {
      i18n: new Translator(valid, strings, details),
      money: new MoneyFormat(valid, exactAmounts),
      dates: new DateFormat(valid, validTimeZone(timeZone)),
    };
  },
);

/**
 * The templates' context: the same object while every part of it is the same (within one minute), so that the
 * templates' guards key on it alone and a part added here can never leave stale markup behind.
 */
const contextOf = memo(
  (
    formats: Formats,
    minute: number,
    renderLedger: LedgerTemplate | undefined,
    renderInvoices: InvoicesTemplate | undefined,
    renderUnderTotals: UnderTotalsTemplate | undefined,
    showKinds: boolean,
    headingLevel: number,
    invoiceUrl: string | undefined,
  ): ViewContext => ({
    ...formats,
    now: new Date(minute * 60_000),
    minute,
    renderLedger,
    renderInvoices,
    renderUnderTotals,
    showKinds,
    headingLevel,
    invoiceUrl,
  }),
);

/**
 * A template in a chunk of its own, fetched in the first update of a widget that needs it, alongside the token
 * request. If it cannot be fetched (a host that copied the bundle without its chunk folder), the credits show
 * without it, and one warning says why.
 */
class TemplateChunk<T> {
  /** The chunk's module, once it has arrived. */
  template: T | undefined;
  #arriving: Promise<void> | undefined;
  #missing = false;

  constructor(
    private readonly what: string,
    private readonly load: () => Promise<T>,
  ) {}

  /** Whether a widget that needs it must wait for it (it is on its way). */
  get pending(): boolean {
    return !this.template && !this.#missing;
  }

  /** Fetches it (once), then tells `host`. */
  fetch(host: { requestUpdate(): void }): void {
    this.#arriving ??= this.load().then(
      (template) => {
        this.template = template;
      },
      (error: unknown) => {
        this.#missing = true;
        console.warn(`<credit-balance>: no ${this.what}, its chunk could not be fetched:`, error);
      },
    );
    void this.#arriving.then(() => host.requestUpdate());
  }
}

/** The history, a commit's invoice schedule, and what some pages show under the totals (`details.ts`). */
const detailsChunk = new TemplateChunk('details', () => import('./details.js'));

/**
 * @summary A customer's Metronome credits and commits: balances, totals per credit type, access and invoice schedules.
 *
 * @tag credit-balance
 *
 * @event {CreditBalanceLoadEvent} credit-balance-load - Data was rendered. `detail: { source, credits, totals, skipped }`;
 *   each item's `kind` says what it is; `skipped` lists the records that could not be read.
 * @event {CreditBalanceErrorEvent} credit-balance-error - A load failed. `detail: { code, status?, message }`.
 * @event {CreditBalanceExpiringEvent} credit-balance-expiring - Data was rendered with expiring credits. `detail: { credits }`.
 * @event {CreditBalanceForecastEvent} credit-balance-forecast - Data was rendered with `forecast` or `chart`, the whole list loaded.
 *   `detail: { forecasts }`, one per credit type held (see the README's forecast rule).
 * @event {CreditBalanceLowEvent} credit-balance-low - Data was rendered with a total below its `low-balance` threshold.
 *   `detail: { totals, thresholds }`.
 *
 * @slot actions - The host's way to get more: a "Buy credits" button or link. Under the header, at its end; a row of
 *   its own, as wide as the widget, while a balance is low or there is none (`:state(low)`, `:state(empty)`).
 * @slot help - Help text, or a link to the host's billing help: under everything else.
 * @slot empty - What a customer without credits sees instead of "There are no credits on this account."
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the totals.
 * @csspart total - One total per credit type; carries `data-credit-type-id`.
 * @csspart total-low - Beside `total`: the total is below `low-balance`.
 * @csspart total-shares - Under a total of prepaid commits and credits: the purchased and free shares.
 * @csspart credit - One credit, commit or grant; carries `data-credit-id`.
 * @csspart kind-credit - Beside `credit`: a contract credit (free or promotional money).
 * @csspart kind-prepaid - Beside `credit`: a prepaid commit (money paid in advance).
 * @csspart kind-postpaid - Beside `credit`: a postpaid commit (a commitment to spend, not money held).
 * @csspart kind-grant - Beside `credit`: a Plans credit grant.
 * @csspart kind - The label that says what an item is, where a list mixes kinds (`commits`, `balances`).
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
 * @csspart forecast - Under the totals (with `forecast`): what each credit type's recent use says comes next.
 * @csspart top-up - Under the totals (with `top-up`): a contract's automatic top-up.
 * @csspart chart - The balance chart of one credit type (with `chart`); carries `data-credit-type-id`.
 * @csspart ledger - A credit's history (with `include-ledgers`).
 * @csspart invoices - A commit's invoice schedule.
 * @csspart instalment - One instalment of an invoice schedule.
 * @csspart instalment-invoiced - Beside `instalment`: it is on an invoice.
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
 * @cssprop [--credit-balance-chart-color=var(--credit-balance-accent-color)] - The chart's balance line and area.
 * @cssprop [--credit-balance-chart-projection-color=var(--credit-balance-muted-color)] - The chart's dashed projection.
 * @cssprop [--credit-balance-chart-start-color=var(--credit-balance-success-color)] - The chart's ticks where money arrived.
 * @cssprop [--credit-balance-chart-end-color=var(--credit-balance-warning-color)] - The chart's dotted lines where periods end.
 * @cssprop [--credit-balance-chart-height=72px] - The chart's height.
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
 * @cssstate prepaid - A prepaid commit is shown.
 * @cssstate postpaid - A postpaid commit (a commitment to spend) is shown.
 */
export class CreditBalance extends LitElement implements WidgetOptions {
  static override styles = styles;

  /** Registers the element; a second call (a second copy of the script) does nothing. */
  static define(tag = 'credit-balance', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The host's token endpoint. Required unless `tokenProvider` is set. */
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /**
   * Whether the token request carries the session cookie: `same-origin` (the default) or `include`, for a
   * token endpoint on a sibling origin (it must then answer CORS with credentials, see the README).
   */
  @property({ attribute: 'token-credentials' }) tokenCredentials: 'same-origin' | 'include' | 'omit' = 'same-origin';

  /**
   * Mints tokens in the host's own code; wins over `token-url`. Set after the element upgrades (hydration, a
   * ref), it is waited for: with neither token source, the widget reports `config` only after 3 s.
   */
  @property({ attribute: false }) tokenProvider?: () => Promise<TokenResponse>;

  /** Metronome customer id; a `customer_id` in the token response wins over it. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** Base URL of the API (normally the host's proxy); default: the token's `api_base`, else Metronome. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * What is listed: `credits` (contract credits), `balances` (a contract's commits and credits together), `commits`
   * (prepaid and postpaid commits) or `grants` (legacy Plans credit grants).
   */
  @property() source: 'credits' | 'balances' | 'commits' | 'grants' = 'credits';

  /** Credits, commits and balances: `all` includes contract-level items, `customer` only customer-level ones. */
  @property() scope: 'all' | 'customer' = 'all';

  /** Credits, commits and balances: include archived items. */
  @property({ type: Boolean, attribute: 'include-archived' }) includeArchived = false;

  /** Load each item's ledger and show its history. */
  @property({ type: Boolean, attribute: 'include-ledgers' }) includeLedgers = false;

  /**
   * Forecast from the ledgers' recent use when each credit type's money runs out, and what expires unused first
   * (it loads the ledgers, as `include-ledgers` does, without showing the history).
   */
  @property({ type: Boolean }) forecast = false;

  /**
   * Draw a chart of each credit type's balance over time: from the ledgers (it loads them, as `forecast` does), with
   * the periods' starts and ends and today marked, and the forecast's projection dashed; the same in words under it.
   */
  @property({ type: Boolean }) chart = false;

  /**
   * Credits, commits and balances: show the contract's automatic top-up, where it has one ("When your balance falls
   * to $20.00, it is topped up to $100.00 automatically."), read beside the first page.
   */
  @property({ type: Boolean, attribute: 'top-up' }) topUp = false;

  /** Balances only: leave out commits and credits whose balance is zero. */
  @property({ type: Boolean, attribute: 'exclude-zero-balances' }) excludeZeroBalances = false;

  /** Credits, commits and balances: only items whose schedule covers this RFC 3339 instant. */
  @property({ attribute: 'covering-date' }) coveringDate?: string;

  /** Credits, commits and balances: only items with access on or after this instant. */
  @property({ attribute: 'starting-at' }) startingAt?: string;

  /** Every source: only items with access before this instant (exclusive). */
  @property({ attribute: 'effective-before' }) effectiveBefore?: string;

  /** Grants: only grants expiring at or after this instant. */
  @property({ attribute: 'not-expiring-before' }) notExpiringBefore?: string;

  /** Every source: show this one item (a credit's, a commit's or a grant's id). */
  @property({ attribute: 'credit-id' }) creditId?: string;

  /** Items per page (default 25, 100 for grants), within the API's range (1–25, 1–100 for grants). */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  /** BCP 47 locale for numbers, money and dates; default: the nearest `lang`, else the browser's. */
  @property() locale?: string;

  /** IANA time zone in which dates are shown. */
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  /** A credit with a balance whose active segment ends within this many days is "expiring". */
  @property({ type: Number, attribute: 'expiring-soon-days' }) expiringSoonDays = 30;

  /**
   * Every amount with every digit ("$165.466"), not in the currency's minor unit ("$165.46", cut, never rounded up;
   * the exact amount shown on hover and focus, and read to screen readers).
   */
  @property({ type: Boolean, attribute: 'exact-amounts' }) exactAmounts = false;

  /**
   * A total available below this, in display units (dollars for `USD (cents)`), is "low". One number for every
   * credit type, or thresholds by credit type, each keyed by its id, its name or its currency's code (as an
   * attribute, JSON: `{"USD": 200, "EUR": 150, "GPU hours": 1000}`); a credit type without one is never low.
   */
  @property({ attribute: 'low-balance', converter: { fromAttribute: parseLowBalance } }) lowBalance?: LowBalance;

  /**
   * The host's invoice page, `{invoice_id}` standing for the id (`/billing/invoices/{invoice_id}`): each history
   * entry with an invoice links to it. Only same-origin and `https:` links are made.
   */
  @property({ attribute: 'invoice-url' }) invoiceUrl?: string;

  /** The level of the title's heading, 1 to 6 (each credit's name is one below it), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 1 | 2 | 3 | 4 | 5 | 6 = 2;

  /** Hides the title from sight, for a page with a heading of its own; screen readers still hear it. */
  @property({ type: Boolean, attribute: 'hide-title' }) hideTitle = false;

  /** Message overrides, keyed as in the message catalogue: a string, or plural forms (`{ one, other }`). */
  @property({ attribute: false }) strings?: Messages;

  /** Each reactive property's value as declared above: what a removed attribute reads as again. */
  readonly #defaults = new Map<PropertyKey, unknown>();

  readonly #internals = this.attachInternals();

  readonly #credits = new CreditsController(this);

  readonly #lang = new DocumentLangController(this);

  #update!: Update;

  constructor() {
    super();
    for (const name of (this.constructor as typeof CreditBalance).elementProperties.keys()) {
      this.#defaults.set(name, this[name as keyof this]);
    }
  }

  /**
   * Loads again, past the caches on the way (the companion's keeps Metronome's answers for a few seconds): the
   * data of now. Resolves when the new data (or the error) is rendered.
   */
  async refresh(): Promise<void> {
    await this.#credits.run();
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A removed attribute (which Lit turns into `null`), or a property set to null or undefined, reads as its
    // default; the loading controller reads the properties next.
    const properties = this as unknown as Record<PropertyKey, unknown>;
    for (const name of changed.keys()) {
      if (properties[name] == null) properties[name] = this.#defaults.get(name);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    // The controllers' hostUpdate has run: a load the new properties call for is already under way.
    this.#update = this.#computeUpdate();
    this.#adoptDetailsStyles();
    super.update(changed);
  }

  #detailsStyled = false;

  /**
   * The details' styles (the history's, an invoice schedule's, a forecast's), added to this widget's own once their
   * chunk has arrived: before the first update that can show them.
   */
  #adoptDetailsStyles(): void {
    if (this.#detailsStyled || !detailsChunk.template) return;
    const { elementStyles } = this.constructor as typeof CreditBalance;
    adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, detailsChunk.template.detailsStyles]);
    this.#detailsStyled = true;
  }

  #computeUpdate(): Update {
    const state = this.#credits.value;
    const lang = this.locale || this.#lang.lang;
    const commits = listsCommits(this.source);
    const details = this.includeLedgers || commits || this.forecast || this.chart || this.topUp || this.source === 'grants';
    const formats = formatsFor(
      lang,
      this.timeZone,
      this.strings,
      this.exactAmounts,
      details ? detailsChunk.template?.enDetails : undefined,
    );
    // The catalogue and the history's template are fetched now, alongside the token request the controller has
    // just started, never after it.
    if (!formats) void loadCatalogue(validLocale(lang)).then(() => this.requestUpdate());
    const detailsPending = details && detailsChunk.pending;
    if (detailsPending) detailsChunk.fetch(this);
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    const chunk = detailsChunk.template;
    const context =
      formats && !detailsPending
        ? contextOf(
            formats,
            minute,
            this.includeLedgers ? chunk?.renderLedger : undefined,
            commits ? chunk?.renderInvoiceSchedule : undefined,
            chunk?.renderUnderTotals,
            commits,
            this.headingLevel,
            this.invoiceUrl,
          )
        : undefined;
    const view = viewOf(state, { expiringSoonDays: this.expiringSoonDays, lowBalance: this.lowBalance, worded: !!context }, now);
    // A later page may hold money or use that changes it: only the whole list is forecast.
    const { shown } = state;
    const forecasts = (this.forecast || this.chart) && chunk && shown?.complete ? chunk.forecastsAt(shown.credits, minute) : undefined;
    return { state, view, formats, context, forecasts };
  }

  override render() {
    const { state, view, formats, context, forecasts } = this.#update;
    if (!formats || !context) {
      return html`<section part="base" class="base" aria-busy="true">${renderSkeleton(undefined)}</section>`;
    }
    const { i18n, money } = formats;
    const { shown, error } = state;
    const { totals, low, announced, sharedAsOf } = view;
    const announcement = announced
      ? i18n.t('updated', {
          totals: i18n.list(
            announced.map(
              (t) =>
                `${money.exactAmount(t.available, t.creditType)} ${i18n.t('available', { count: toDisplayAmount(t.available, t.creditType) })}`,
            ),
          ),
        })
      : '';
    const title = html`<div id="title" class="title ${this.hideTitle ? 'visually-hidden' : ''}" role="heading" aria-level=${context.headingLevel}>
      ${i18n.t(this.#sourceMessage('title'))}
    </div>`;
    return html`
      <section part="base" class="base" aria-busy=${String(state.status === 'loading') as 'true' | 'false'} aria-labelledby="title">
        ${
          // A header with nothing in sight is not drawn (a host's divider under it would stand alone): the
          // hidden title alone, still the widget's name for screen readers.
          this.hideTitle && !totals.length && !sharedAsOf
            ? title
            : html`<header part="header" class="header">
                ${title} ${totals.length ? renderTotals(totals, low, context) : nothing}
                ${context.renderUnderTotals ? context.renderUnderTotals(this, shown, forecasts, view, context) : nothing}
              </header>`
        }
        <slot name="actions"></slot>
        ${error ? renderError(error, shown?.at, () => this.refresh(), context) : nothing}
        ${
          state.skipped.length
            ? html`<p part="notice" class="notice" role="note">${i18n.t('skipped', { count: state.skipped.length })}</p>`
            : nothing
        }
        ${this.#renderBody(view, context)}
        <slot name="help"></slot>
        <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
      </section>
    `;
  }

  /** The title or the empty message: their own words for the lists with commits, the credits' for the others. */
  #sourceMessage(key: 'title' | 'empty'): MessageKey {
    return listsCommits(this.source) ? `${key}.${this.source}` : key;
  }

  /** Under the header: one branch per state of the body. */
  #renderBody({ body, credits }: View, context: ViewContext) {
    switch (body) {
      case 'loading':
        return renderSkeleton(context.i18n);
      case 'empty':
        return html`<p part="empty" class="empty"><slot name="empty">${context.i18n.t(this.#sourceMessage('empty'))}</slot></p>`;
      case 'none':
        return nothing;
      case 'credits':
        return html`<div class="credits">
          ${repeat(
            credits,
            (v) => v.credit.id,
            // The same shown credit (unchanged since the last update) in the same context: skip its template.
            (v) => guard([v, context], () => renderCredit(v, context)),
          )}
        </div>
        ${
          // Later pages are on their way: placeholders under the list say that more is coming.
          this.#update.state.shown?.complete ? nothing : renderSkeleton(context.i18n)
        }`;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { state, view, context, forecasts } = this.#update;
    const { shown, error } = state;
    for (const [name, on] of Object.entries(view.states)) {
      if (on) this.#internals.states.add(name);
      else this.#internals.states.delete(name);
    }

    // Events say what is on screen: none until the widget's chunks have arrived and the result is shown.
    if (!context) return;
    const outcome = this.#credits.takeOutcome();
    if (outcome === 'error' && error) {
      this.dispatchEvent(new CreditBalanceErrorEvent(error));
    } else if (outcome === 'load' && shown) {
      this.dispatchEvent(
        new CreditBalanceLoadEvent({
          source: this.source,
          credits: shown.credits,
          totals: view.totals,
          skipped: shown.skipped,
          ...(forecasts && { forecasts }),
        }),
      );
      if (forecasts) this.dispatchEvent(new CreditBalanceForecastEvent({ forecasts }));
      if (view.expiring.length) this.dispatchEvent(new CreditBalanceExpiringEvent({ credits: view.expiring }));
      if (view.low.length) {
        const thresholds = view.low.map(({ total, threshold, key }) => ({ creditType: total.creditType, threshold, ...(key && { key }) }));
        this.dispatchEvent(new CreditBalanceLowEvent({ totals: view.low.map((l) => l.total), thresholds }));
      }
    }
  }
}

/**
 * `low-balance` as written: a number, or JSON thresholds by credit type. Anything else reads as `NaN`, which the
 * configuration check names.
 */
function parseLowBalance(value: string | null): LowBalance | undefined {
  if (value === null) return undefined;
  if (!value.trim().startsWith('{')) return Number(value);
  try {
    return JSON.parse(value) as LowBalance;
  } catch {
    return Number.NaN;
  }
}

/** The source lists commits (`commits`, `balances`): kinds, invoice schedules and their own title. */
const listsCommits = (source: SourceName): source is 'commits' | 'balances' => source === 'commits' || source === 'balances';

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
