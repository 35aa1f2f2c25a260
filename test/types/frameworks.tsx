// Type-level tests (checked by `npm run typecheck`): the shipped React and Vue declarations accept what the
// README shows and refuse what the element does not take.
import type { GlobalComponents } from 'vue';
import type {} from '../../src/react.js';
import type {} from '../../src/vue.js';
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

type VueProps = GlobalComponents['credit-balance'] extends new () => { $props: infer P } ? P : never;
export const vueProps: VueProps = {
  'token-url': '/api/credit-balance/token',
  'onCredit-balance-low': (event) => event.detail.totals,
  // @ts-expect-error: the element has no such attribute
  'token-uri': '/typo',
};
