/** The element's four events, as `Event` subclasses with typed details, and their `GlobalEventHandlersEventMap` entries. */
import type { ErrorDetail } from './lib/errors.js';
import type { NormalizedCredit, SkippedCredit, SourceName, Total } from './lib/credit.js';

export interface LoadDetail {
  source: SourceName;
  credits: NormalizedCredit[];
  totals: Total[];
  /** The records that could not be read: left out of `credits` and `totals`, each with what is wrong. */
  skipped: SkippedCredit[];
}

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

/** Data was rendered with a total below `low-balance`. */
export class CreditBalanceLowEvent extends Event {
  static readonly type = 'credit-balance-low';
  constructor(readonly detail: { totals: Total[] }) {
    super(CreditBalanceLowEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'credit-balance-load': CreditBalanceLoadEvent;
    'credit-balance-error': CreditBalanceErrorEvent;
    'credit-balance-expiring': CreditBalanceExpiringEvent;
    'credit-balance-low': CreditBalanceLowEvent;
  }
}
