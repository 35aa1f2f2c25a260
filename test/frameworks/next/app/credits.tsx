'use client';
// The React component from credit-balance/react: attributes by their markup names (in the server-rendered
// HTML), tokenProvider and strings as properties and the four events, all set through a ref as it hydrates, and
// the host's own content in the widget's slots (children, server-rendered too).
import { CUSTOMER, LOW_BALANCE, STRINGS, entry, signedOut, tokenProvider } from '../../shared.js';
import { CreditBalance } from 'credit-balance/react';
import { useState } from 'react';

export function Credits() {
  const [events, setEvents] = useState<string[]>([]);
  const [scope, setScope] = useState<'all' | 'customer'>('all');
  const [tokens, setTokens] = useState(() => tokenProvider);
  const log = (event: Event) => setEvents((list) => [...list, entry(event)]);
  return (
    <>
      <CreditBalance
        customer-id={CUSTOMER}
        scope={scope}
        include-ledgers
        low-balance={LOW_BALANCE}
        tokenProvider={tokens}
        strings={STRINGS}
        onCreditBalanceLoad={log}
        onCreditBalanceExpiring={log}
        onCreditBalanceLow={log}
        onCreditBalanceError={log}
      >
        <a slot="actions" href="/billing/buy">
          Buy credits
        </a>
        <p slot="help">Questions about your bill? Write to billing@example.com.</p>
      </CreditBalance>
      <button id="scope" onClick={() => setScope('customer')}>
        Customer-level only
      </button>
      <button id="sign-out" onClick={() => setTokens(() => signedOut)}>
        Sign out
      </button>
      <output id="events">{events.join(' ')}</output>
    </>
  );
}
