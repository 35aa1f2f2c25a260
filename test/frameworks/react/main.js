// A React 19 app: the element is registered before React renders (import first), attributes as props,
// tokenProvider set as a property, events through `on<event-name>` props.
import 'credit-balance';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CUSTOMER, tokenProvider } from '../customer.js';

function App() {
  const [events, setEvents] = useState([]);
  const [scope, setScope] = useState('all');
  const log = (entry) => setEvents((list) => [...list, entry]);
  return h(
    'main',
    null,
    h('credit-balance', {
      'customer-id': CUSTOMER,
      scope,
      'include-ledgers': true,
      tokenProvider,
      'oncredit-balance-load': (event) => log(`load:${event.detail.credits.length}`),
      'oncredit-balance-expiring': (event) => log(`expiring:${event.detail.credits.length}`),
    }),
    h('button', { id: 'scope', onClick: () => setScope('customer') }, 'Customer-level only'),
    h('output', { id: 'events' }, events.join(' ')),
  );
}

createRoot(document.getElementById('root')).render(h(App));
