import { expect } from '@open-wc/testing';
import { USD_CENTS_ID } from '../../../src/lib/metronome.js';
import { MoneyFormat, toDisplayAmount, unitOf } from '../../../src/lib/view/money.js';

const USD = { id: USD_CENTS_ID, name: 'USD (cents)' };
const EUR = { id: 'eur-id', name: 'EUR' };
const JPY = { id: 'jpy-id', name: 'JPY' };
const BHD = { id: 'bhd-id', name: 'BHD' };
const API_CALLS = { id: 'calls-id', name: 'API calls' };

describe('money', () => {
  // What every amount reads by default: the currency's minor unit, cut (never rounded up), never zero when it is not.
  const shown: { name: string; amount: number; type: { id: string; name: string }; locale?: string; text: string }[] = [
    { name: 'dollars and cents', amount: 1250, type: USD, text: '$12.50' },
    { name: 'a sub-cent amount is cut, not rounded up', amount: 16546.6, type: USD, text: '$165.46' },
    { name: 'nine tenths of a cent is cut too', amount: 12345.99, type: USD, text: '$123.45' },
    { name: 'a positive amount below one cent is not zero', amount: 0.8, type: USD, text: '< $0.01' },
    { name: 'a negative one is not zero either', amount: -0.8, type: USD, text: '> -$0.01' },
    { name: 'the smallest double is still not zero', amount: 5e-324, type: USD, text: '< $0.01' },
    { name: 'exactly one cent', amount: 1, type: USD, text: '$0.01' },
    { name: 'zero is zero', amount: 0, type: USD, text: '$0.00' },
    { name: 'a negative amount is cut toward zero', amount: -50_050.5, type: USD, text: '-$500.50' },
    { name: 'euros in German are cut to cents', amount: 187.509, type: EUR, locale: 'de-DE', text: '187,50 €' },
    { name: 'yen have no minor unit', amount: 1000.9, type: JPY, text: '¥1,000' },
    { name: 'half a yen is below it', amount: 0.5, type: JPY, text: '< ¥1' },
    { name: 'dinars keep three decimals', amount: 1.2349, type: BHD, text: 'BHD 1.234' },
    { name: 'float noise does not lose a cent', amount: 0.1 + 0.2, type: EUR, text: '€0.30' },
    { name: 'a custom unit is shown exactly', amount: 1250.125, type: API_CALLS, text: '1,250.125 \u2068API calls\u2069' },
  ];
  for (const c of shown) {
    it(c.name, () => {
      expect(new MoneyFormat(c.locale ?? 'en-US').amount(c.amount, c.type).replace(/\u00a0/g, ' ')).to.equal(c.text);
    });
  }

  it('shows every digit when the host asks for it', () => {
    expect(new MoneyFormat('en-US', true).amount(16546.6, USD)).to.equal('$165.466');
    expect(new MoneyFormat('en-US').exactAmount(16546.6, USD)).to.equal('$165.466');
  });

  // Every digit: what `exact-amounts` shows, and what a cut amount reveals.
  const cases: { name: string; amount: number; type: { id: string; name: string }; locale?: string; text: string }[] = [
    { name: 'USD (cents) is shown in dollars', amount: 1250, type: USD, text: '$12.50' },
    { name: 'zero dollars keeps its cents', amount: 0, type: USD, text: '$0.00' },
    { name: 'a fractional cent is not rounded to zero', amount: 0.8, type: USD, text: '$0.008' },
    { name: 'half a cent keeps its precision', amount: 1234.5, type: USD, text: '$12.345' },
    { name: 'an amount below the shown precision reads as less than it', amount: 1e-7, type: USD, text: '< $0.000001' },
    { name: 'a negative one as more than its negative', amount: -1e-7, type: USD, text: '> -$0.000001' },
    { name: 'the smallest double is still not zero', amount: 5e-324, type: USD, text: '< $0.000001' },
    { name: 'a tiny custom amount', amount: 1e-9, type: API_CALLS, text: '< 0.0001 \u2068API calls\u2069' },
    { name: 'float noise does not show', amount: 0.1 + 0.2, type: EUR, text: '€0.30' },
    { name: 'six decimals are the most a dollar amount shows', amount: 12.3456789, type: USD, text: '$0.123457' },
    { name: 'a negative amount keeps its sign', amount: -500, type: USD, text: '-$5.00' },
    { name: 'large amounts are grouped', amount: 123_456_789, type: USD, text: '$1,234,567.89' },
    { name: 'the USD cents id wins over an odd name', amount: 100, type: { id: USD_CENTS_ID, name: 'Dollars' }, text: '$1.00' },
    { name: 'the USD cents name is enough', amount: 100, type: { id: 'other', name: 'USD (cents)' }, text: '$1.00' },
    { name: 'EUR is in whole euros', amount: 10, type: EUR, text: '€10.00' },
    { name: 'EUR in German', amount: 1234.5, type: EUR, locale: 'de-DE', text: '1.234,50 €' },
    { name: 'JPY has no decimals', amount: 1000, type: JPY, text: '¥1,000' },
    { name: 'a fractional yen is not truncated', amount: 0.5, type: JPY, text: '¥0.5' },
    { name: 'BHD has three decimals', amount: 1.5, type: BHD, text: 'BHD 1.500' },
    { name: 'a custom unit is a number and its name', amount: 1250, type: API_CALLS, text: '1,250 \u2068API calls\u2069' },
    { name: 'a fractional custom amount keeps its fraction', amount: 0.25, type: API_CALLS, text: '0.25 \u2068API calls\u2069' },
    {
      name: 'a three-letter name that is no currency is a custom unit',
      amount: 3,
      type: { id: 'g', name: 'GPU' },
      text: '3 \u2068GPU\u2069',
    },
    { name: 'a lower-case code is a custom unit', amount: 3, type: { id: 'e', name: 'eur' }, text: '3 \u2068eur\u2069' },
    { name: 'an unnamed credit type is a plain number', amount: 1250, type: { id: '', name: '' }, text: '1,250' },
  ];
  // A custom unit's name is bidi-isolated (U+2068 … U+2069): its direction marks stay inside it.
  for (const c of cases) {
    it(`exactly: ${c.name}`, () => {
      expect(new MoneyFormat(c.locale ?? 'en-US').exactAmount(c.amount, c.type).replace(/\u00a0/g, ' ')).to.equal(c.text);
    });
  }

  it('reads units from credit types', () => {
    expect(unitOf(USD)).to.deep.equal({ kind: 'currency', currency: 'USD', divisor: 100 });
    expect(unitOf(EUR)).to.deep.equal({ kind: 'currency', currency: 'EUR', divisor: 1 });
    expect(unitOf(API_CALLS)).to.deep.equal({ kind: 'custom', name: 'API calls' });
  });

  it('converts to display units for thresholds', () => {
    expect(toDisplayAmount(1250, USD)).to.equal(12.5);
    expect(toDisplayAmount(12.5, EUR)).to.equal(12.5);
    expect(toDisplayAmount(40, API_CALLS)).to.equal(40);
  });
});
