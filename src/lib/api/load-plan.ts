/**
 * The load plan: what one load fetches, and from where, built field by field from the element's options. It
 * carries nothing but what loading needs (no display option), and its key is made from its fields, so a load
 * field added here is part of the key without another edit.
 */
import type { WidgetOptions } from '../config.js';
import type { SourceName } from '../credit.js';

export interface LoadPlan {
  /** The token endpoint, absolute; absent when a token provider mints the tokens. */
  tokenUrl: string | undefined;
  tokenCredentials: RequestCredentials;
  /** The customer the attribute names (a `customer_id` in the token wins over it). */
  customerId: string | undefined;
  /** The API base, absolute; absent: the token's `api_base`, else Metronome. */
  apiBase: string | undefined;
  source: SourceName;
  scope: 'all' | 'customer';
  includeArchived: boolean;
  includeLedgers: boolean;
  /** Read the contracts' automatic top-up (`top-up`; contracts only: grants have none). */
  topUp: boolean;
  excludeZeroBalances: boolean;
  /** Items per page; absent: the source's default. */
  pageSize: number | undefined;
  coveringDate: string | undefined;
  startingAt: string | undefined;
  effectiveBefore: string | undefined;
  notExpiringBefore: string | undefined;
  creditId: string | undefined;
}

/** An empty attribute (`credit-id=""`) is no filter. */
const text = (value: string | undefined): string | undefined => value || undefined;

/** The plan of options that passed the configuration check (`configProblem`); relative URLs resolved against `pageUrl`. */
export function loadPlanOf(options: WidgetOptions, pageUrl: string): LoadPlan {
  return {
    tokenUrl: options.tokenProvider ? undefined : new URL(options.tokenUrl!, pageUrl).href,
    tokenCredentials: options.tokenCredentials as RequestCredentials,
    customerId: text(options.customerId),
    apiBase: options.apiBase ? new URL(options.apiBase, pageUrl).href : undefined,
    source: options.source as SourceName,
    scope: options.scope as LoadPlan['scope'],
    includeArchived: options.includeArchived,
    // The forecast and the chart read the ledgers too, whether or not the history is shown.
    includeLedgers: options.includeLedgers || options.forecast || options.chart,
    topUp: options.topUp && options.source !== 'grants',
    excludeZeroBalances: options.excludeZeroBalances,
    pageSize: options.pageSize,
    coveringDate: text(options.coveringDate),
    startingAt: text(options.startingAt),
    effectiveBefore: text(options.effectiveBefore),
    notExpiringBefore: text(options.notExpiringBefore),
    creditId: text(options.creditId),
  };
}

/** The plan's key: each field's name and value, in the plan's own order. Two plans with equal keys load the same. */
export const loadKey = (plan: LoadPlan): unknown[] => Object.entries(plan).flat();
