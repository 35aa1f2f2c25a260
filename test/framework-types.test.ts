// The framework typings against the element: the attributes they accept are exactly the ones it observes,
// and their events are exactly the ones it declares. Checked by the type checker and in the browsers.
import { expect } from '@open-wc/testing';
import { CreditBalance } from '../src/credit-balance.js';
import { CreditBalanceErrorEvent, CreditBalanceExpiringEvent, CreditBalanceLoadEvent, CreditBalanceLowEvent } from '../src/events.js';
import type { CreditBalanceAttributes, CreditBalanceEvents } from '../src/frameworks/types.js';

/** Every attribute the typings accept; the type checker refuses a list that misses one or names another. */
const typedAttributes = [
  'token-url',
  'token-credentials',
  'customer-id',
  'api-base',
  'source',
  'scope',
  'include-archived',
  'include-ledgers',
  'covering-date',
  'starting-at',
  'effective-before',
  'not-expiring-before',
  'credit-id',
  'page-size',
  'locale',
  'time-zone',
  'expiring-soon-days',
  'low-balance',
  'invoice-url',
  'heading-level',
  'hide-title',
] as const satisfies readonly (keyof CreditBalanceAttributes)[];
type Untyped = Exclude<keyof CreditBalanceAttributes, (typeof typedAttributes)[number]>;
const everyTypedAttributeListed: [Untyped] extends [never] ? true : false = true;

/** Every event the typings derive; likewise checked both ways. */
const typedEvents = [
  'credit-balance-load',
  'credit-balance-error',
  'credit-balance-expiring',
  'credit-balance-low',
] as const satisfies readonly (keyof CreditBalanceEvents)[];
type Unlisted = Exclude<keyof CreditBalanceEvents, (typeof typedEvents)[number]>;
const everyTypedEventListed: [Unlisted] extends [never] ? true : false = true;

describe('framework typings', () => {
  it('accept exactly the attributes the element observes', () => {
    expect(everyTypedAttributeListed).to.equal(true);
    expect([...typedAttributes].sort()).to.deep.equal([...CreditBalance.observedAttributes].sort());
  });

  it('derive exactly the events the element dispatches', () => {
    expect(everyTypedEventListed).to.equal(true);
    const dispatched = [CreditBalanceLoadEvent, CreditBalanceErrorEvent, CreditBalanceExpiringEvent, CreditBalanceLowEvent].map(
      (e) => e.type,
    );
    expect([...typedEvents].sort()).to.deep.equal(dispatched.sort());
  });
});
