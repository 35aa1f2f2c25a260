/**
 * React: the `CreditBalance` component, and JSX types for the bare `<credit-balance>` tag.
 *
 * `import { CreditBalance } from 'credit-balance/react'` is a React component made with `@lit/react`'s
 * `createComponent`. It registers the element, renders `<credit-balance>` with the attributes you pass (so
 * server-rendered HTML carries them), and sets `tokenProvider`, `strings` and the event handlers through a ref
 * after it mounts. That works where the bare tag does not: React 19 skips custom-element properties and event
 * listeners when it hydrates server-rendered HTML (every Next.js App Router page), and a `tokenProvider` set
 * after the element upgrades is waited for. It is safe to import on the server.
 *
 * The bare tag, for client-only React: `import type {} from 'credit-balance/react'` once (or add
 * `"credit-balance/react"` to `compilerOptions.types`). React 19 sets `tokenProvider` and `strings` as
 * properties (the element must be defined before React renders it: import 'credit-balance' first) and
 * listens to `on<event-name>` props, for example `oncredit-balance-load`.
 */
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import { CreditBalance as CreditBalanceElement } from '../credit-balance.js';
import '../define.js';
import type { CreditBalanceAttributes, CreditBalanceEvents, CreditBalanceListeners, CreditBalanceProperties } from './types.js';

export type { CreditBalanceSlot, CreditBalanceSlots } from './types.js';

/** What the bare tag and the component share: HTML's props, a ref, the attributes and the properties. */
type ElementProps = Omit<HTMLAttributes<CreditBalanceElement>, keyof CreditBalanceAttributes> &
  RefAttributes<CreditBalanceElement> &
  CreditBalanceAttributes &
  CreditBalanceProperties;

/** The bare tag's props: the attributes, the properties and `on<event-name>` listeners. */
export type CreditBalanceReactProps = ElementProps & CreditBalanceListeners;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'credit-balance': CreditBalanceReactProps;
    }
  }
}

/** The component's event props, by the event each one listens to. */
const events = {
  onCreditBalanceLoad: 'credit-balance-load' as EventName<CreditBalanceEvents['credit-balance-load']>,
  onCreditBalanceError: 'credit-balance-error' as EventName<CreditBalanceEvents['credit-balance-error']>,
  onCreditBalanceExpiring: 'credit-balance-expiring' as EventName<CreditBalanceEvents['credit-balance-expiring']>,
  onCreditBalanceLow: 'credit-balance-low' as EventName<CreditBalanceEvents['credit-balance-low']>,
  onCreditBalanceForecast: 'credit-balance-forecast' as EventName<CreditBalanceEvents['credit-balance-forecast']>,
};

/** The component's props: the attributes by their markup names, `tokenProvider`, `strings` and the five events. */
export type CreditBalanceProps = ElementProps & {
  [K in keyof typeof events]?: (event: (typeof events)[K] extends EventName<infer T> ? T : never) => void;
};

/**
 * `<CreditBalance customer-id="…" tokenProvider={…} onCreditBalanceLoad={…} />`: the element as a React
 * component, for server-rendered and client-only React alike.
 */
export const CreditBalance: ForwardRefExoticComponent<CreditBalanceProps> = createComponent({
  react: React,
  tagName: 'credit-balance',
  elementClass: CreditBalanceElement,
  events,
  displayName: 'CreditBalance',
});
