// A Vue 3 app: attributes as props, tokenProvider as a DOM property, events as `on<Event-name>` listeners.
import 'credit-balance';
import { createApp, h, ref } from 'vue';
import { CUSTOMER, tokenProvider } from '../customer.js';

createApp({
  setup() {
    const events = ref([]);
    const scope = ref('all');
    return () =>
      h('main', [
        h('credit-balance', {
          'customer-id': CUSTOMER,
          scope: scope.value,
          'include-ledgers': '',
          tokenProvider,
          'onCredit-balance-load': (event) => events.value.push(`load:${event.detail.credits.length}`),
          'onCredit-balance-expiring': (event) => events.value.push(`expiring:${event.detail.credits.length}`),
        }),
        h('button', { id: 'scope', onClick: () => (scope.value = 'customer') }, 'Customer-level only'),
        h('output', { id: 'events' }, events.value.join(' ')),
      ]);
  },
}).mount('#app');
