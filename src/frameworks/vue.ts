/**
 * Vue 3 types for `<credit-balance>`: `import type {} from 'credit-balance/vue'` once, or add
 * `"credit-balance/vue"` to `compilerOptions.types`. In templates, tell Vue it is a custom element
 * (`compilerOptions.isCustomElement: (tag) => tag === 'credit-balance'`) and pass functions and objects
 * as properties under their camelCase names: `:tokenProvider.prop="…"` (Vue does not camelize a `.prop`
 * binding). Events: `@credit-balance-load="…"`.
 */
import type { DefineComponent } from 'vue';
import type { CreditBalanceAttributes, CreditBalanceEvents, CreditBalanceProperties } from './types.js';

export type { CreditBalanceSlot, CreditBalanceSlots } from './types.js';

type Listeners = {
  [E in keyof CreditBalanceEvents as `on${Capitalize<E>}`]?: (event: CreditBalanceEvents[E]) => void;
};

export type CreditBalanceVueProps = CreditBalanceAttributes & CreditBalanceProperties & Listeners;

declare module 'vue' {
  interface GlobalComponents {
    'credit-balance': DefineComponent<CreditBalanceVueProps>;
  }
}
