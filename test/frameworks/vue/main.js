// A Vue 3 app: attributes as props, tokenProvider and strings as DOM properties, events as `on<Event-name>`
// listeners.
import { CUSTOMER, LOW_BALANCE, STRINGS, entry, signedOut, tokenProvider } from '../shared.js';
import 'credit-balance';
import { createApp, h, ref, shallowRef } from 'vue';

createApp({
  setup() {
    const events = ref([]);
    const scope = ref('all');
    const tokens = shallowRef(tokenProvider);
    const log = (event) => events.value.push(entry(event));
    return () =>
      h('main', [
        h('credit-balance', {
          'customer-id': CUSTOMER,
          scope: scope.value,
          'include-ledgers': '',
          'low-balance': LOW_BALANCE,
          tokenProvider: tokens.value,
          strings: STRINGS,
          'onCredit-balance-load': log,
          'onCredit-balance-expiring': log,
          'onCredit-balance-low': log,
          'onCredit-balance-error': log,
        }),
        h('button', { id: 'scope', onClick: () => (scope.value = 'customer') }, 'Customer-level only'),
        h('button', { id: 'sign-out', onClick: () => (tokens.value = signedOut) }, 'Sign out'),
        h('output', { id: 'events' }, events.value.join(' ')),
      ]);
  },
}).mount('#app');
