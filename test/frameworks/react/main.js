// A client-only React 19 app with the bare tag: the element registered before React renders (import first),
// attributes as props, tokenProvider and strings set as properties, events through `on<event-name>` props.
import { CUSTOMER, LOW_BALANCE, STRINGS, entry, signedOut, tokenProvider } from '../shared.js';
import 'credit-balance';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [events, setEvents] = useState([]);
  const [scope, setScope] = useState('all');
  const [tokens, setTokens] = useState(() => tokenProvider);
  const log = (event) => setEvents((list) => [...list, entry(event)]);
  return h(
    'main',
    null,
    h('credit-balance', {
      'customer-id': CUSTOMER,
      scope,
      'include-ledgers': true,
      'low-balance': LOW_BALANCE,
      tokenProvider: tokens,
      strings: STRINGS,
      'oncredit-balance-load': log,
      'oncredit-balance-expiring': log,
      'oncredit-balance-low': log,
      'oncredit-balance-error': log,
    }),
    h('button', { id: 'scope', onClick: () => setScope('customer') }, 'Customer-level only'),
    h('button', { id: 'sign-out', onClick: () => setTokens(() => signedOut) }, 'Sign out'),
    h('output', { id: 'events' }, events.join(' ')),
  );
}

createRoot(document.getElementById('root')).render(h(App));
