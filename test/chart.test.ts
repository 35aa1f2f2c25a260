// The balance chart through the rendered widget (`chart`): what it draws, its words, its theme, right to left, a
// 240 px sidebar. What it draws is worked out case by case in test/lib/view/chart.test.ts.
import { expect } from '@open-wc/testing';
import { dayStart } from '../demo/mock/fixtures.js';
import type { CreditBalanceForecastEvent } from '../src/events.js';
import { TEST_NOW } from './clock.js';
import { mount, part, text } from './helpers.js';
import { USD, startedFiveDaysAgo, usingTenDollarsAMonth } from './usage.js';

const DAY = 86_400_000;
const day = (offset: number, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(TEST_NOW.getTime() + offset * DAY);

/** The chart's drawing: its paths by class. */
const drawing = (chart: HTMLElement) => {
  const svg = chart.querySelector('svg')!;
  const paths = (name: string) => [...svg.querySelectorAll(`.chart__${name}`)];
  return { svg, line: paths('line'), projection: paths('projection'), today: paths('today'), starts: paths('start'), ends: paths('end') };
};

describe('the balance chart (chart)', () => {
  it('draws the balance, today and the projection, says the same in words, and tells the host the forecast', async () => {
    const { el, find } = await mount({ 'customer-id': await usingTenDollarsAMonth(300), chart: '' });
    const chart = part(el, 'chart')!;
    expect(chart.dataset.creditTypeId).to.equal(USD.id);
    const { svg, line, projection, today, ends } = drawing(chart);
    expect([line.length, projection.length, today.length]).to.deep.equal([1, 1, 1]);
    // $100.00 90 days ago, $70.00 today; at $0.3333 a day, $0.00 210 days from now.
    expect(text(chart.querySelector('figcaption'))).to.equal(
      `Balance: $100.00 on ${day(-90)}, $70.00 today. Dashed, at your recent rate: $0.00 on ${day(210)}.`,
    );
    expect(ends).to.have.length(0);
    // The words are the text alternative: the drawing itself is hidden from assistive technology.
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    const box = svg.getBoundingClientRect();
    expect(box.width).to.be.closeTo(chart.getBoundingClientRect().width, 1);
    expect(box.height).to.equal(72);
    // The chart alone: no forecast words, no history, but the forecast event for the host.
    expect(part(el, 'forecast')).to.equal(null);
    expect(part(el, 'ledger')).to.equal(null);
    expect((find('credit-balance-forecast') as CreditBalanceForecastEvent).detail.forecasts[0]).to.include({ basis: 'recent-use' });
    // Nothing in it moves.
    expect(el.shadowRoot!.getAnimations()).to.have.length(0);
  });

  it('marks the period that ends within the span, in German', async () => {
    const { el } = await mount({ 'customer-id': await usingTenDollarsAMonth(60), chart: '', locale: 'de-DE' });
    const chart = part(el, 'chart')!;
    expect(drawing(chart).ends).to.have.length(1);
    // The money left when the period ends expires: the projection stops there, above zero, on its last day.
    const left = 7_000 - ((dayStart(TEST_NOW, 60).getTime() - TEST_NOW.getTime()) / DAY) * (3_000 / 90);
    const dollars = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD' })
      .format(Math.trunc(left) / 100)
      .replace(/\s/g, ' ');
    expect(text(chart.querySelector('figcaption'))).to.equal(
      `Guthaben: 100,00 $ am ${day(-90, 'de-DE')}, heute 70,00 $. Gestrichelt, bei Ihrem bisherigen Verbrauch: ${dollars} am ${day(59, 'de-DE')}. ` +
        'Striche markieren eingehendes Guthaben, gepunktete Linien das Ende eines Zeitraums.',
    );
  });

  it('draws no projection with too little history, and no chart without the attribute', async () => {
    const id = await startedFiveDaysAgo();
    const { el } = await mount({ 'customer-id': id, chart: '' });
    const chart = part(el, 'chart')!;
    expect(drawing(chart).projection).to.have.length(0);
    expect(drawing(chart).starts).to.have.length(1);
    expect(text(chart.querySelector('figcaption'))).to.equal(
      `Balance: $100.00 on ${day(-5)}, $90.00 today. Ticks mark money arriving; dotted lines, periods ending.`,
    );
    const plain = await mount({ 'customer-id': id });
    expect(part(plain.el, 'chart')).to.equal(null);
  });

  it('follows the theme and dark mode, runs right to left, and stays inside a 240 px sidebar', async () => {
    const id = await usingTenDollarsAMonth(300);
    const stroke = (el: Element, name: string) => getComputedStyle(el.shadowRoot!.querySelector(`.chart__${name}`)!).stroke;
    const themed = await mount({ 'customer-id': id, chart: '', style: '--credit-balance-chart-color: rgb(1, 2, 3)' });
    expect(stroke(themed.el, 'line')).to.equal('rgb(1, 2, 3)');
    const dark = await mount({ 'customer-id': id, chart: '', style: 'color-scheme: dark' });
    expect(stroke(dark.el, 'line')).to.equal('rgb(68, 147, 248)');
    const light = await mount({ 'customer-id': id, chart: '', style: 'color-scheme: light' });
    expect(stroke(light.el, 'line')).to.equal('rgb(9, 105, 218)');

    const rtl = await mount({ 'customer-id': id, chart: '', dir: 'rtl', locale: 'en', style: 'width: 240px' });
    const plot = rtl.el.shadowRoot!.querySelector('.chart__plot')!;
    expect(getComputedStyle(plot).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    const host = rtl.el.getBoundingClientRect();
    for (const node of part(rtl.el, 'chart')!.querySelectorAll('*')) {
      const box = node.getBoundingClientRect();
      expect(box.left, node.className.toString()).to.be.at.least(host.left - 0.5);
      expect(box.right, node.className.toString()).to.be.at.most(host.right + 0.5);
    }
  });
});
