// The automatic top-up (`top-up`) through the rendered widget: the contract's threshold configuration read beside
// the first page, in the customer's language and unit, and what happens when it cannot be read. What the
// companion passes back of a contract is tested in test/server/handler.test.ts.
import { expect, oneEvent } from '@open-wc/testing';
import { API_CALLS, CUSTOMERS, credit, dayStart } from '../demo/mock/fixtures.js';
import { TEST_NOW } from './clock.js';
import { mount, openGate, part, received, requestLog, routes, scenario, text } from './helpers.js';

/** A contract list of one contract with this prepaid balance threshold configuration. */
const contractWith = (configuration: Record<string, unknown>) => [
  {
    id: 'contract-1',
    customer_id: 'ignored',
    starting_at: dayStart(TEST_NOW, -30).toISOString(),
    prepaid_balance_threshold_configuration: {
      commit: { product_id: 'top-up' },
      payment_gate_config: { payment_gate_type: 'NONE' },
      ...configuration,
    },
  },
];

describe('the automatic top-up (top-up)', () => {
  it('says when the balance is topped up, read beside the first page without holding it back', async () => {
    const id = await scenario({ base: CUSTOMERS.contract, faults: [{ route: 'contracts', gate: 'contracts' }] });
    const { el } = await mount({ 'customer-id': id, source: 'balances', 'top-up': '' }, {}, { settle: false });
    // The credits are painted while the contracts' answer is held back: it cost no round trip before them.
    await received(id, 'contracts');
    await el.updateComplete;
    await new Promise<void>((resolve) => {
      const check = () => (el.matches(':state(ready)') ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(part(el, 'credit')).to.not.equal(null);
    expect(part(el, 'top-up')).to.equal(null);
    const loaded = oneEvent(el, 'credit-balance-load');
    await openGate(id, 'contracts');
    await loaded;
    expect(text(part(el, 'top-up'))).to.equal('When your balance falls to $20.00, it is topped up to $100.00 automatically.');
    // One contracts call, asked for the contracts in force this hour.
    const [call] = routes(await requestLog(id), 'contracts');
    const { customer_id: customer, covering_date: covering } = call!.body as { customer_id: string; covering_date: string };
    expect(customer).to.equal(id);
    expect(Date.parse(covering) % 3_600_000).to.equal(0);
    expect(Date.now() - Date.parse(covering)).to.be.within(0, 3_600_000);
  });

  it('speaks the customer’s language, and a custom credit type’s name', async () => {
    const german = await mount({ 'customer-id': CUSTOMERS.contract, source: 'balances', 'top-up': '', locale: 'de-DE' });
    expect(text(part(german.el, 'top-up'))).to.equal('Sinkt Ihr Guthaben auf 20,00 $, wird es automatisch auf 100,00 $ aufgefüllt.');
    const id = await scenario({
      credits: [
        credit({
          now: TEST_NOW,
          seed: 'top-up-calls',
          name: 'API calls',
          product: 'API',
          creditType: API_CALLS,
          segments: [{ amount: 50_000, start: dayStart(TEST_NOW, -10), end: dayStart(TEST_NOW, 100) }],
          balance: 40_000,
        }),
      ],
      contracts: contractWith({
        is_enabled: true,
        threshold_amount: 1_000,
        recharge_to_amount: 20_000,
        custom_credit_type_id: API_CALLS.id,
      }),
    });
    const { el } = await mount({ 'customer-id': id, 'top-up': '' });
    expect(text(part(el, 'top-up'))).to.equal(
      'When your balance falls to 1,000 API calls, it is topped up to 20,000 API calls automatically.',
    );
  });

  it('says nothing of a disabled top-up, of none, or without the attribute (which asks for no contract)', async () => {
    const disabled = await scenario({
      base: CUSTOMERS.acme,
      contracts: contractWith({ is_enabled: false, threshold_amount: 2_000, recharge_to_amount: 10_000 }),
    });
    expect(part((await mount({ 'customer-id': disabled, 'top-up': '' })).el, 'top-up')).to.equal(null);
    const none = await scenario({ base: CUSTOMERS.acme, contracts: [{ id: 'contract-2' }] });
    expect(part((await mount({ 'customer-id': none, 'top-up': '' })).el, 'top-up')).to.equal(null);
    const plain = await scenario({ base: CUSTOMERS.contract });
    const { el } = await mount({ 'customer-id': plain, source: 'balances' });
    expect(part(el, 'top-up')).to.equal(null);
    expect(routes(await requestLog(plain), 'contracts')).to.deep.equal([]);
  });

  it('shows the balances without it, and says why in the console, when it cannot be read', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const refused = await scenario({ base: CUSTOMERS.contract, faults: [{ route: 'contracts', status: 404 }] });
      const bad = await scenario({
        base: CUSTOMERS.contract,
        contracts: contractWith({ is_enabled: 'yes', threshold_amount: 2_000, recharge_to_amount: 10_000 }),
      });
      for (const id of [refused, bad]) {
        const { el, outcome } = await mount({ 'customer-id': id, source: 'balances', 'top-up': '' });
        expect(outcome.type).to.equal('credit-balance-load');
        expect(el.matches(':state(error)')).to.equal(false);
        expect(part(el, 'top-up')).to.equal(null);
      }
      expect(warnings.map(([message]) => message)).to.deep.equal([
        '<credit-balance>: the automatic top-up could not be read:',
        '<credit-balance>: the automatic top-up could not be read:',
      ]);
      expect(String(warnings[1]![1])).to.include('data[0].prepaid_balance_threshold_configuration.is_enabled is not a boolean');
    } finally {
      console.warn = warn;
    }
  });
});
