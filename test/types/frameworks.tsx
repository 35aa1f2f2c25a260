// Type-level tests (checked by `npm run typecheck`): the shipped React, Vue and Svelte declarations, and the
// React component, accept what the README shows and refuse what the element does not take.
import type { SvelteHTMLElements } from 'svelte/elements';
import type { GlobalComponents } from 'vue';
import { CreditBalance as CreditBalanceComponent, type CreditBalanceSlot } from '../../src/frameworks/react.js';
import type { CreditBalanceSlot as SvelteSlot } from '../../src/frameworks/svelte.js';
import type { CreditBalanceSlot as VueSlot } from '../../src/frameworks/vue.js';
import type { CreditBalance } from '../../src/credit-balance.js';

export const reactUsage = (
  <credit-balance
    token-url="/api/credit-balance/token"
    include-ledgers
    page-size={10}
    source="grants"
    tokenProvider={async () => ({ token: 't', expires_in: 60 })}
    strings={{ empty: 'Nothing yet.' }}
    oncredit-balance-load={(event) => event.detail.totals.map((t) => t.available)}
    oncredit-balance-error={(event) => event.detail.code}
    ref={(el: CreditBalance | null) => {
      void el?.refresh();
    }}
  />
);

// @ts-expect-error: not a source the element knows
export const wrongSource = <credit-balance source="plans" />;

// @ts-expect-error: headings go from 1 to 6
export const wrongHeadingLevel = <credit-balance heading-level={7} />;

type VueProps = GlobalComponents['credit-balance'] extends new () => { $props: infer P } ? P : never;
export const vueProps: VueProps = {
  'token-url': '/api/credit-balance/token',
  'onCredit-balance-low': (event) => event.detail.totals,
  // @ts-expect-error: the element has no such attribute
  'token-uri': '/typo',
};

export const componentUsage = (
  <CreditBalanceComponent
    customer-id="c-1"
    include-ledgers
    locale="de-DE"
    tokenProvider={async () => ({ token: 't', expires_in: 60 })}
    onCreditBalanceLoad={(event) => event.detail.credits.length}
    onCreditBalanceError={(event) => event.detail.code}
    onCreditBalanceExpiring={(event) => event.detail.credits}
    onCreditBalanceLow={(event) => event.detail.totals}
    ref={(el: CreditBalance | null) => {
      void el?.refresh();
    }}
  >
    <a slot={'actions' satisfies CreditBalanceSlot} href="/billing/buy">
      Buy credits
    </a>
    <p slot={'help' satisfies CreditBalanceSlot}>Billing help</p>
  </CreditBalanceComponent>
);

// @ts-expect-error: the element has no such slot
export const wrongSlot: CreditBalanceSlot = 'footer';

/** The same slot names in every framework's typings. */
export const everyFrameworkSlot: [CreditBalanceSlot, SvelteSlot, VueSlot][] = [
  ['actions', 'actions', 'actions'],
  ['help', 'help', 'help'],
  ['empty', 'empty', 'empty'],
];

// @ts-expect-error: not a scope the element knows
export const wrongScope = <CreditBalanceComponent scope="everyone" />;

// @ts-expect-error: an error event's detail has no credits
export const wrongDetail = <CreditBalanceComponent onCreditBalanceError={(event) => event.detail.credits} />;

export const svelteProps: SvelteHTMLElements['credit-balance'] = {
  'token-url': '/api/credit-balance/token',
  'include-ledgers': true,
  tokenProvider: async () => ({ token: 't', expires_in: 60 }),
  'oncredit-balance-load': (event) => event.detail.credits.length,
  'oncredit-balance-error': (event) => event.detail.code,
  // @ts-expect-error: the element has no such attribute
  'token-uri': '/typo',
};

// @ts-expect-error: not a source the element knows
export const svelteWrongSource: SvelteHTMLElements['credit-balance'] = { source: 'plans' };
