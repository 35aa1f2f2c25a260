// The framework typings against the element: the attributes they accept (generated from the manifest) are exactly the ones it observes,
// and their events are exactly the ones it declares. Checked by the type checker and in the browsers.
import { expect } from '@open-wc/testing';
import { CreditBalance } from '../src/credit-balance.js';
import {
  CreditBalanceErrorEvent,
  CreditBalanceExpiringEvent,
  CreditBalanceForecastEvent,
  CreditBalanceLoadEvent,
  CreditBalanceLowEvent,
} from '../src/events.js';
import { ATTRIBUTE_NAMES, SLOT_NAMES } from '../src/frameworks/attributes.js';
import { CUSTOMERS, mount } from './helpers.js';
import type { CreditBalanceAttributes, CreditBalanceEvents } from '../src/frameworks/types.js';

/** Every attribute the typings accept, generated with them from the manifest; the type checker refuses a list that misses one or names another. */
type Untyped = Exclude<keyof CreditBalanceAttributes, (typeof ATTRIBUTE_NAMES)[number]>;
type Unknown = Exclude<(typeof ATTRIBUTE_NAMES)[number], keyof CreditBalanceAttributes>;
const everyTypedAttributeListed: [Untyped | Unknown] extends [never] ? true : false = true;

/** Every event the typings derive; likewise checked both ways. */
const typedEvents = [
  'credit-balance-load',
  'credit-balance-error',
  'credit-balance-expiring',
  'credit-balance-low',
  'credit-balance-forecast',
] as const satisfies readonly (keyof CreditBalanceEvents)[];
type Unlisted = Exclude<keyof CreditBalanceEvents, (typeof typedEvents)[number]>;
const everyTypedEventListed: [Unlisted] extends [never] ? true : false = true;

describe('framework typings', () => {
  it('accept exactly the attributes the element observes', () => {
    expect(everyTypedAttributeListed).to.equal(true);
    expect([...ATTRIBUTE_NAMES].sort()).to.deep.equal([...CreditBalance.observedAttributes].sort());
  });

  it('name exactly the slots the element renders, in every state', async () => {
    const names = new Set<string>();
    for (const customer of [CUSTOMERS.acme, CUSTOMERS.empty]) {
      const { el } = await mount({ 'customer-id': customer });
      for (const slot of el.shadowRoot!.querySelectorAll('slot')) names.add(slot.name);
    }
    expect([...names].sort()).to.deep.equal([...SLOT_NAMES].sort());
  });

  it('derive exactly the events the element dispatches', () => {
    expect(everyTypedEventListed).to.equal(true);
    const dispatched = [
      CreditBalanceLoadEvent,
      CreditBalanceErrorEvent,
      CreditBalanceExpiringEvent,
      CreditBalanceLowEvent,
      CreditBalanceForecastEvent,
    ].map((e) => e.type);
    expect([...typedEvents].sort()).to.deep.equal(dispatched.sort());
  });
});
