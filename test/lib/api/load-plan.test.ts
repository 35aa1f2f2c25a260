import { expect } from '@open-wc/testing';
import { type LoadPlan, loadKey, loadPlanOf } from '../../../src/lib/api/load-plan.js';
import type { WidgetOptions } from '../../../src/lib/config.js';
import { defaultOptions } from '../options.js';

const pageUrl = 'https://app.example/settings/billing';

const options = defaultOptions;

const plan: LoadPlan = {
  tokenUrl: 'https://app.example/api/credit-balance/token',
  tokenCredentials: 'same-origin',
  customerId: undefined,
  apiBase: undefined,
  source: 'credits',
  scope: 'all',
  includeArchived: false,
  includeLedgers: false,
  topUp: false,
  excludeZeroBalances: false,
  pageSize: undefined,
  coveringDate: undefined,
  startingAt: undefined,
  effectiveBefore: undefined,
  notExpiringBefore: undefined,
  creditId: undefined,
};

/** A value other than the default for every load field the element's options and the plan share by name. */
const everyField = {
  customerId: 'c',
  source: 'grants',
  scope: 'customer',
  includeArchived: true,
  includeLedgers: true,
  excludeZeroBalances: true,
  pageSize: 10,
  coveringDate: '2026-01-01T00:00:00Z',
  startingAt: '2026-02-01T00:00:00Z',
  effectiveBefore: '2026-03-01T00:00:00Z',
  notExpiringBefore: '2026-04-01T00:00:00Z',
  creditId: 'credit-1',
  tokenCredentials: 'include',
} as const;

const provider = () => Promise.resolve({ token: 't', expires_at: '2030-01-01T00:00:00Z' });

describe('loadPlanOf: what a load fetches, from the element’s options', () => {
  const cases: { name: string; options: Partial<WidgetOptions>; plan: Partial<LoadPlan> }[] = [
    { name: 'the defaults', options: {}, plan: {} },
    {
      name: 'a relative token URL resolved against the page',
      options: { tokenUrl: 'token' },
      plan: { tokenUrl: 'https://app.example/settings/token' },
    },
    { name: 'a token provider: no token URL', options: { tokenProvider: provider }, plan: { tokenUrl: undefined } },
    { name: 'a relative API base, resolved', options: { apiBase: '/proxy' }, plan: { apiBase: 'https://app.example/proxy' } },
    { name: 'an absolute API base', options: { apiBase: 'https://api.example' }, plan: { apiBase: 'https://api.example/' } },
    { name: 'empty attributes are no filter', options: { customerId: '', creditId: '', coveringDate: '', apiBase: '' }, plan: {} },
    { name: 'every load field passes through', options: everyField, plan: everyField },
    { name: 'the forecast and the chart read the ledgers', options: { forecast: true, chart: true }, plan: { includeLedgers: true } },
    {
      name: 'the automatic top-up, on a contract list',
      options: { topUp: true, source: 'balances' },
      plan: { topUp: true, source: 'balances' },
    },
    {
      name: 'no automatic top-up on grants, which have no contract',
      options: { topUp: true, source: 'grants' },
      plan: { source: 'grants' },
    },
    {
      name: 'display options are not part of it',
      options: { expiringSoonDays: 7, headingLevel: 9, lowBalance: 5, invoiceUrl: '/i/{invoice_id}' },
      plan: {},
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(loadPlanOf({ ...options, ...c.options }, pageUrl)).to.deep.equal({ ...plan, ...c.plan });
    });
  }

  it('has a key that tells every load field apart, and ignores display options', () => {
    const base = loadKey(loadPlanOf(options, pageUrl));
    const fields: Partial<WidgetOptions>[] = [
      { customerId: 'c' },
      { apiBase: '/proxy' },
      { source: 'grants' },
      { scope: 'customer' },
      { includeArchived: true },
      { includeLedgers: true },
      { topUp: true },
      { excludeZeroBalances: true },
      { pageSize: 5 },
      { coveringDate: '2026-01-01T00:00:00Z' },
      { startingAt: '2026-01-01T00:00:00Z' },
      { effectiveBefore: '2026-01-01T00:00:00Z' },
      { notExpiringBefore: '2026-01-01T00:00:00Z' },
      { creditId: 'x' },
      { tokenCredentials: 'include' },
      { tokenUrl: '/other/token' },
    ];
    for (const field of fields) {
      expect(loadKey(loadPlanOf({ ...options, ...field }, pageUrl)), JSON.stringify(field)).to.not.deep.equal(base);
    }
    expect(loadKey(loadPlanOf({ ...options, headingLevel: 4, expiringSoonDays: 3 }, pageUrl))).to.deep.equal(base);
  });
});
