// A Vue 3 app with a template (compiled in the browser here; with single-file components the same template
// sits in a .vue file): <credit-balance> declared a custom element, attributes bound as attributes,
// tokenProvider and strings as DOM properties (`.prop`), the four events with `@`.
import { CUSTOMER, LOW_BALANCE, STRINGS, entry, signedOut, tokenProvider } from '../shared.js';
import 'credit-balance';
import { createApp, ref, shallowRef } from 'vue';

const app = createApp({
  setup() {
    const events = ref([]);
    const scope = ref('all');
    const tokens = shallowRef(tokenProvider);
    const log = (event) => events.value.push(entry(event));
    return { CUSTOMER, LOW_BALANCE, STRINGS, events, scope, tokens, log, signOut: () => (tokens.value = signedOut) };
  },
  template: `
    <credit-balance
      :customer-id="CUSTOMER"
      :scope="scope"
      include-ledgers
      :low-balance="LOW_BALANCE"
      :tokenProvider.prop="tokens"
      :strings.prop="STRINGS"
      @credit-balance-load="log"
      @credit-balance-expiring="log"
      @credit-balance-low="log"
      @credit-balance-error="log"
    />
    <button id="scope" @click="scope = 'customer'">Customer-level only</button>
    <button id="sign-out" @click="signOut">Sign out</button>
    <output id="events">{{ events.join(' ') }}</output>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'credit-balance';
app.mount('#app');
