/**
 * The templates' context: the formats of one locale and time zone, the minute they word, and the display options
 * the templates read. Its own module, so that the templates and the history's chunk both import it, not each other.
 */
import type { TemplateResult } from 'lit';
import type { WidgetOptions } from './lib/config.js';
import type { NormalizedCredit } from './lib/credit.js';
import type { Shown } from './lib/load-state.js';
import type { Forecast } from './lib/view/forecast.js';
import type { View } from './lib/view/view.js';
import type { DateFormat } from './lib/view/dates.js';
import type { Translator } from './lib/view/messages.js';
import type { MoneyFormat } from './lib/view/money.js';

/** What every template words and formats with, the same object while every part of it is the same. */
export interface ViewContext {
  i18n: Translator;
  money: MoneyFormat;
  dates: DateFormat;
  /**
   * The minute relative times and the timeline's marker are worded for (its first instant): the templates are a
   * function of the minute, as their guards assume.
   */
  now: Date;
  /**
   * `now` in whole minutes: Metronome's boundaries are hour-aligned, so statuses and relative times only
   * change from one minute to the next, and templates for the same minute can be skipped.
   */
  minute: number;
  /** The history's template, when the widget shows history (`include-ledgers`) and its chunk has arrived. */
  renderLedger?: LedgerTemplate | undefined;
  /** A commit's invoice schedule, when the widget reads commits and the chunk has arrived. */
  renderInvoices?: InvoicesTemplate | undefined;
  /** What the header shows under the totals, beside them, once the details' chunk has arrived. */
  renderUnderTotals?: UnderTotalsTemplate | undefined;
  /** Each item says what it is (a credit, a prepaid or postpaid commit): the lists that mix kinds. */
  showKinds: boolean;
  /** The level of the widget's title (`heading-level`); each credit's name is one below it. */
  headingLevel: number;
  /** `invoice-url`: the host's invoice page, `{invoice_id}` standing for the id. */
  invoiceUrl?: string | undefined;
}

/** A commit's invoice schedule, from the details' chunk (`details.ts`). */
export type InvoicesTemplate = (credit: NormalizedCredit, context: ViewContext) => TemplateResult;

/**
 * What the header shows under the totals, from the details' chunk (`details.ts`): of the forecast's words, the
 * automatic top-up and the balance charts, those the widget's options show; and the grants' balance date.
 */
export type UnderTotalsTemplate = (
  shows: Pick<WidgetOptions, 'forecast' | 'chart' | 'topUp'>,
  shown: Shown | undefined,
  forecasts: readonly Forecast[] | undefined,
  view: View,
  context: ViewContext,
) => unknown[];

/** The history's template, from the details' chunk (`details.ts`). */
export type LedgerTemplate = (
  credit: NormalizedCredit,
  amount: (value: number) => TemplateResult | string,
  context: ViewContext,
) => TemplateResult;
