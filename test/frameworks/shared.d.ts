// Types for shared.js, for the apps written in TypeScript (Angular, Next.js).
import type {
  CreditBalanceErrorEvent,
  CreditBalanceExpiringEvent,
  CreditBalanceLoadEvent,
  CreditBalanceLowEvent,
  TokenResponse,
} from 'credit-balance';

export const CUSTOMER: string;
export const LOW_BALANCE: string;
export const STRINGS: { title: string };
export const tokenProvider: () => Promise<TokenResponse>;
export const signedOut: () => Promise<TokenResponse>;
export function entry(
  event: CreditBalanceLoadEvent | CreditBalanceErrorEvent | CreditBalanceExpiringEvent | CreditBalanceLowEvent | Event,
): string;
