/**
 * The framework typings' shared parts: the attributes of `<credit-balance>` as markup writes them (generated
 * from the manifest, `attributes.ts`), the properties that take values attributes cannot carry, and its events,
 * derived from the `GlobalEventHandlersEventMap` entries that `events.ts` declares (the one source of the event names).
 * `react.ts`, `vue.ts` and `svelte.ts` build on these.
 */
import type { CreditBalance } from '../credit-balance.js';
import type {} from '../events.js';

export type { CreditBalanceAttributes, CreditBalanceSlot, CreditBalanceSlots } from './attributes.js';

/** The properties that take values attributes cannot carry (functions, objects). */
export type CreditBalanceProperties = Partial<Pick<CreditBalance, 'tokenProvider' | 'strings'>>;

/** Each event of `<credit-balance>`, by name: the `credit-balance-*` entries of `GlobalEventHandlersEventMap`. */
export type CreditBalanceEvents = {
  [E in keyof GlobalEventHandlersEventMap as E extends `credit-balance-${string}` ? E : never]: GlobalEventHandlersEventMap[E];
};

/** `on<event-name>` listener props, as React 19 and Svelte 5 write them: `oncredit-balance-load`. */
export type CreditBalanceListeners = {
  [E in keyof CreditBalanceEvents as `on${E}`]?: (event: CreditBalanceEvents[E]) => void;
};
