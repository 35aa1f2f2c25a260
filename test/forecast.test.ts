// The run-out forecast through the rendered widget (`forecast`): its words, the expires-unused warning, and the
// load and forecast events. The rule itself is tested case by case in test/lib/view/forecast.test.ts.
import { expect } from '@open-wc/testing';
import { dayStart } from '../demo/mock/fixtures.js';
import type { CreditBalanceForecastEvent, CreditBalanceLoadEvent } from '../src/events.js';
import { TEST_NOW } from './clock.js';
import { mount, part, text } from './helpers.js';
import { USD, startedFiveDaysAgo, usingTenDollarsAMonth } from './usage.js';

const DAY = 86_400_000;

describe('the run-out forecast (forecast)', () => {
  it('says when the money runs out at the recent rate, as an estimate, and tells the host', async () => {
    const { el, find } = await mount({ 'customer-id': await usingTenDollarsAMonth(300), forecast: '' });
    // $30.00 over 90 days lasts the $70.00 left 210 days: past two months, said to the month.
    const month = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
      TEST_NOW.getTime() + 210 * DAY,
    );
    expect(text(part(el, 'forecast'))).to.equal(`At your recent rate, your $70.00 lasts until about ${month}.`);
    // The history is not shown: the ledgers were read for the forecast alone.
    expect(part(el, 'ledger')).to.equal(null);
    const [forecast] = (find('credit-balance-forecast') as CreditBalanceForecastEvent).detail.forecasts;
    expect(forecast).to.include({ basis: 'recent-use' });
    expect((find('credit-balance-load') as CreditBalanceLoadEvent).detail.forecasts).to.deep.equal([forecast]);
  });

  it('warns of the money that expires unused first, in the customer’s language', async () => {
    const id = await usingTenDollarsAMonth(30);
    const end = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(dayStart(TEST_NOW, 29));
    const { el } = await mount({ 'customer-id': id, forecast: '' });
    // About 29.5 days of use ($9.83) before it ends: about $60 expires unused, rounded as the estimate it is.
    expect(text(part(el, 'forecast'))).to.equal(`About $60.00 expires unused on ${end} at your recent rate.`);
    const german = (await mount({ 'customer-id': id, forecast: '', locale: 'de-DE' })).el;
    const tag = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', dateStyle: 'medium' }).format(dayStart(TEST_NOW, 29));
    expect(text(part(german, 'forecast'))).to.equal(`Bei Ihrem bisherigen Verbrauch verfallen am ${tag} etwa 60,00 $ ungenutzt.`);
  });

  it('says nothing with too little history, and nothing without forecast', async () => {
    const id = await startedFiveDaysAgo();
    const { el, find } = await mount({ 'customer-id': id, forecast: '' });
    expect(part(el, 'forecast')).to.equal(null);
    expect((find('credit-balance-forecast') as CreditBalanceForecastEvent).detail.forecasts).to.deep.equal([
      { creditType: USD, basis: 'too-little-history' },
    ]);
    const plain = await mount({ 'customer-id': await usingTenDollarsAMonth(300) });
    expect(part(plain.el, 'forecast')).to.equal(null);
    expect(plain.find('credit-balance-forecast')).to.equal(undefined);
  });
});
