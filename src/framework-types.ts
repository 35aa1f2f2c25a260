import type { CreditBalance } from './credit-balance.js';
import type {
  CreditBalanceErrorEvent,
  CreditBalanceExpiringEvent,
  CreditBalanceLoadEvent,
  CreditBalanceLowEvent,
} from './events.js';

/** The attributes of `<credit-balance>`, as markup and frameworks write them. */
export interface CreditBalanceAttributes {
  'token-url'?: string;
  'customer-id'?: string;
  'api-base'?: string;
  source?: 'credits' | 'grants';
  scope?: 'all' | 'customer';
  'include-archived'?: boolean;
  'include-ledgers'?: boolean;
  'covering-date'?: string;
  'starting-at'?: string;
  'effective-before'?: string;
  'not-expiring-before'?: string;
  'credit-id'?: string;
  'page-size'?: number | string;
  locale?: string;
  'time-zone'?: string;
  'expiring-soon-days'?: number | string;
  'low-balance'?: number | string;
}

/** The properties that take values attributes cannot carry (functions, objects). */
export type CreditBalanceProperties = Partial<Pick<CreditBalance, 'tokenProvider' | 'strings'>>;

/** Each event of `<credit-balance>`, by name. */
export interface CreditBalanceEvents {
  'credit-balance-load': CreditBalanceLoadEvent;
  'credit-balance-error': CreditBalanceErrorEvent;
  'credit-balance-expiring': CreditBalanceExpiringEvent;
  'credit-balance-low': CreditBalanceLowEvent;
}
