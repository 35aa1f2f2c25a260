import { expect } from '@open-wc/testing';
import { type WidgetOptions, configProblem } from '../../src/lib/config.js';
import { defaultOptions } from './options.js';

const valid = defaultOptions;
const page = { pageUrl: 'https://app.example/settings' };
const provider = () => Promise.resolve({ token: 't', expires_at: '2030-01-01T00:00:00Z' });

describe('configProblem: the host developer’s mistakes, each naming its attribute', () => {
  it('accepts a valid configuration, and a token provider without a token URL', () => {
    expect(configProblem(valid, page)).to.equal(undefined);
    expect(configProblem({ ...valid, tokenUrl: undefined, tokenProvider: provider }, page)).to.equal(undefined);
    expect(configProblem({ ...valid, source: 'grants', pageSize: 100, lowBalance: -5, invoiceUrl: '/i/{invoice_id}' }, page)).to.equal(
      undefined,
    );
    expect(configProblem({ ...valid, lowBalance: { USD: 200, 'GPU hours': 0 } }, page)).to.equal(undefined);
  });

  const cases: { name: string; input: Partial<WidgetOptions>; names: string }[] = [
    { name: 'no token URL and no provider', input: { tokenUrl: undefined }, names: 'tokenProvider' },
    { name: 'a token URL that is not a URL', input: { tokenUrl: 'http://[' }, names: 'token-url' },
    { name: 'an API base that is not a URL', input: { apiBase: 'http://[' }, names: 'api-base' },
    { name: 'an unknown source', input: { source: 'plans' }, names: 'source' },
    { name: 'an unknown scope', input: { scope: 'contract' }, names: 'scope' },
    { name: 'a page size past the API’s range', input: { pageSize: 26 }, names: 'page-size' },
    { name: 'a page size of zero', input: { pageSize: 0 }, names: 'page-size' },
    { name: 'a fractional page size', input: { pageSize: 2.5 }, names: 'page-size' },
    { name: 'a page size that is not a number', input: { pageSize: Number.NaN }, names: 'page-size' },
    { name: 'negative expiring-soon days', input: { expiringSoonDays: -1 }, names: 'expiring-soon-days' },
    { name: 'expiring-soon days that are not a number', input: { expiringSoonDays: Number.NaN }, names: 'expiring-soon-days' },
    { name: 'a low balance that is not a number', input: { lowBalance: Number.NaN }, names: 'low-balance' },
    { name: 'a threshold by credit type that is not a number', input: { lowBalance: { USD: '200' } as never }, names: 'low-balance' },
    { name: 'thresholds that are null', input: { lowBalance: null as never }, names: 'low-balance' },
    { name: 'an invoice URL without {invoice_id}', input: { invoiceUrl: '/billing/invoices' }, names: 'invoice-url' },
    { name: 'a heading level past 6', input: { headingLevel: 7 }, names: 'heading-level' },
    { name: 'unknown token credentials', input: { tokenCredentials: 'cookies' }, names: 'token-credentials' },
    { name: 'a heading level of zero', input: { headingLevel: 0 }, names: 'heading-level' },
  ];
  for (const c of cases) {
    it(`${c.name} → a config error naming ${c.names}`, () => {
      const error = configProblem({ ...valid, ...c.input }, page);
      expect(error?.code).to.equal('config');
      expect(error?.message).to.include(c.names);
    });
  }

  it('allows grants a page size up to 100, credits up to 25', () => {
    expect(configProblem({ ...valid, source: 'grants', pageSize: 60 }, page)).to.equal(undefined);
    expect(configProblem({ ...valid, pageSize: 60 }, page)?.message).to.include('from 1 to 25');
  });
});
