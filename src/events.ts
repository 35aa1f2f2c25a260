/** The element's five events, as `Event` subclasses with typed details, and their `GlobalEventHandlersEventMap` entries. */
import type { ErrorDetail } from './lib/errors.js';
import type { CreditType, NormalizedCredit, SkippedCredit, SourceName, Total } from './lib/credit.js';
import type { Forecast } from './lib/view/forecast.js';

export interface LoadDetail {
  source: SourceName;
  credits: NormalizedCredit[];
  totals: Total[];
  /** The records that could not be read: left out of `credits` and `totals`, each with what is wrong. */
  skipped: SkippedCredit[];
  /** With `forecast` or `chart`: what each credit type's recent use says comes next. */
  forecasts?: Forecast[];
}

export type { BalancePoint, Forecast, ExpiringUnused } from './lib/view/forecast.js';

export type { ErrorDetail } from './lib/errors.js';

const init = { bubbles: true, composed: true } as const;

/** Data was rendered. */
export class CreditBalanceLoadEvent extends Event {
  static readonly type = 'credit-balance-load';
  constructor(readonly detail: LoadDetail) {
    super(CreditBalanceLoadEvent.type, init);
  }
}

/** A load failed; `detail.code` says why. */
export class CreditBalanceErrorEvent extends Event {
  static readonly type = 'credit-balance-error';
  constructor(readonly detail: ErrorDetail) {
    super(CreditBalanceErrorEvent.type, init);
  }
}

/** Data was rendered with credits whose usable amount expires within `expiring-soon-days`. */
export class CreditBalanceExpiringEvent extends Event {
  static readonly type = 'credit-balance-expiring';
  constructor(readonly detail: { credits: NormalizedCredit[] }) {
    super(CreditBalanceExpiringEvent.type, init);
  }
}

/** A threshold of `low-balance` that a total is below. */
export interface CrossedThreshold {
  creditType: CreditType;
  /** In display units (dollars for `USD (cents)`). */
  threshold: number;
  /** The key of `low-balance` it is set under (the credit type's id, name or currency code); absent for a single number. */
  key?: string;
}

export interface LowDetail {
  /** The totals below their threshold. */
  totals: Total[];
  /** The threshold each of them is below, in the same order. */
  thresholds: CrossedThreshold[];
}

/** Data was rendered with a total below its `low-balance` threshold. */
export class CreditBalanceLowEvent extends Event {
  static readonly type = 'credit-balance-low';
  constructor(readonly detail: LowDetail) {
    super(CreditBalanceLowEvent.type, init);
  }
}

/** Data was rendered with a forecast (`forecast` or `chart`), once the whole list has loaded. */
export class CreditBalanceForecastEvent extends Event {
  static readonly type = 'credit-balance-forecast';
  constructor(readonly detail: { forecasts: Forecast[] }) {
    super(CreditBalanceForecastEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'credit-balance-load': CreditBalanceLoadEvent;
    'credit-balance-error': CreditBalanceErrorEvent;
    'credit-balance-expiring': CreditBalanceExpiringEvent;
    'credit-balance-low': CreditBalanceLowEvent;
    'credit-balance-forecast': CreditBalanceForecastEvent;
  }
}
