/**
 * React 19 JSX types for `<credit-balance>`: `import type {} from 'credit-balance/react'` once, or add
 * `"credit-balance/react"` to `compilerOptions.types`. React 19 sets `tokenProvider` and `strings` as
 * properties (the element must be defined before React renders it: import 'credit-balance' first) and
 * listens to `on<event-name>` props, for example `oncredit-balance-load`.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { CreditBalanceAttributes, CreditBalanceEvents, CreditBalanceProperties } from './framework-types.js';
import type { CreditBalance } from './credit-balance.js';

type Listeners = { [E in keyof CreditBalanceEvents as `on${E}`]?: (event: CreditBalanceEvents[E]) => void };

export type CreditBalanceReactProps = Omit<HTMLAttributes<CreditBalance>, keyof CreditBalanceAttributes> &
  RefAttributes<CreditBalance> &
  CreditBalanceAttributes &
  CreditBalanceProperties &
  Listeners;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'credit-balance': CreditBalanceReactProps;
    }
  }
}
