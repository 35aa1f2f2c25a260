/**
 * Svelte 5 types for `<credit-balance>`: `import type {} from 'credit-balance/svelte'` once (in a `.d.ts` or
 * the app's entry), or add `"credit-balance/svelte"` to `compilerOptions.types`. Svelte sets `tokenProvider`
 * and `strings` as properties only when the element is defined before the component mounts (import
 * 'credit-balance' first); otherwise it writes them as attributes, which cannot carry a function or an
 * object. Events: `oncredit-balance-load={…}`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { CreditBalance } from '../credit-balance.js';
import type { CreditBalanceAttributes, CreditBalanceListeners, CreditBalanceProperties } from './types.js';

export type { CreditBalanceSlot, CreditBalanceSlots } from './types.js';

export type CreditBalanceSvelteProps = Omit<HTMLAttributes<CreditBalance>, keyof CreditBalanceAttributes> &
  CreditBalanceAttributes &
  CreditBalanceProperties &
  CreditBalanceListeners;

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'credit-balance': CreditBalanceSvelteProps;
  }
}
