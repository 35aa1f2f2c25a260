// Input that bends a widget, through the rendered element: sums past the largest number, names with no spaces,
// names that carry direction overrides, impossible dates. Each is shown honestly or set aside, never as NaN,
// never wider than the page gave, never turning the widget's own words around.
import type Metronome from '@metronome/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { CUSTOMERS, mount, part, parts, scenario, text } from './helpers.js';

const USD = { id: '2714e483-4ff1-48e4-9e25-ac732e8f24f2', name: 'USD (cents)' };
const item = (id: string, amount: number, start = '2026-01-01T00:00:00Z', end = '2099-01-01T00:00:00Z') => ({
  id,
  amount,
  starting_at: start,
  ending_before: end,
});
const credit = (id: string, fields: Partial<Metronome.Credit> = {}): Metronome.Credit => ({
  id,
  type: 'CREDIT',
  product: { id: 'p', name: `Credit ${id}` },
  access_schedule: { credit_type: USD, schedule_items: [item(`${id}-s`, 1_000)] },
  balance: 500,
  ...fields,
});

describe('input that bends the widget', () => {
  it('never shows NaN or Infinity: sums past the largest number read as a bound', async () => {
    const huge = [credit('a', { balance: 1e308 }), credit('b', { balance: 1e308 })];
    huge.push(credit('c', { access_schedule: { credit_type: USD, schedule_items: [item('c1', 1e308), item('c2', 1e308)] } }));
    const id = await scenario({ credits: huge });
    const { el, outcome } = await mount({ 'customer-id': id, 'low-balance': '1' });
    expect(outcome.type).to.equal('credit-balance-load');
    const shown = text(el.shadowRoot!.querySelector('[part~="base"]'));
    expect(shown).to.not.match(/NaN|Infinity/);
    expect(text(part(el, 'total'))).to.match(/^> \$1(,\d{3})+\.00 available$/);
    expect(
      text(
        parts(el, 'credit')
          .find((c) => c.dataset.creditId === 'c')!
          .querySelector('.credit__granted'),
      ),
    ).to.match(/^left of > \$1(,\d{3})+\.00 granted$/);
    const detail = (outcome as unknown as { detail: { totals: { available: number; granted: number }[] } }).detail;
    for (const total of detail.totals) {
      expect(Number.isFinite(total.available) && Number.isFinite(total.granted)).to.equal(true);
    }
  });

  for (const width of [300, 240]) {
    it(`stays within a ${width}px container, whatever the length of a name without spaces`, async () => {
      const unit = { id: 'u', name: 'x'.repeat(80) };
      const id = await scenario({
        credits: [
          credit('long', { name: 'N'.repeat(80), access_schedule: { credit_type: unit, schedule_items: [item('s', 10)] }, balance: 5 }),
        ],
      });
      const container = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px"></div>`);
      const { el } = await mount({ 'customer-id': id }, {}, { parent: container });
      const base = part(el, 'base')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(width);
      expect(base.scrollWidth, 'nothing overflows the widget').to.be.at.most(base.clientWidth);
      for (const card of parts(el, 'credit')) expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    });
  }

  for (const dir of ['ltr', 'rtl']) {
    it(`keeps API text from turning the widget's own words around (${dir})`, async () => {
      // A unit name that ends in RIGHT-TO-LEFT OVERRIDE, and a credit name too.
      const unit = { id: 'u', name: 'calls\u202e' };
      const id = await scenario({
        credits: [
          credit('bidi', { name: 'Promo\u202e', access_schedule: { credit_type: unit, schedule_items: [item('s', 1_000)] }, balance: 500 }),
        ],
      });
      const container = await fixture<HTMLElement>(html`<div dir=${dir} lang="en"></div>`);
      const { el } = await mount({ 'customer-id': id }, {}, { parent: container });
      const granted = el.shadowRoot!.querySelector('.credit__granted')!;
      // In the DOM the unit sits in isolates; on screen "granted" reads in its own order.
      expect(granted.textContent).to.include('\u2068calls\u202e\u2069');
      const walker = document.createTreeWalker(granted, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode() as Text;
      while (!node.data.includes('granted')) node = walker.nextNode() as Text;
      // WebKit measures a range in a shadow tree from stale layout (all zeros) until something else asks for it.
      granted.getBoundingClientRect();
      const at = (index: number) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect().left;
      };
      const word = node.data.lastIndexOf('granted');
      expect(at(word), '"g" comes before "d" in left-to-right English').to.be.lessThan(at(word + 'granted'.length - 1));
      expect(getComputedStyle(part(el, 'credit-name')!).unicodeBidi).to.equal('isolate');
    });
  }

  const impossible = [
    ['February 30th', '2026-02-30T00:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['an offset past 23 hours', '2026-01-01T00:00:00+25:00'],
  ];
  for (const [name, timestamp] of impossible) {
    it(`sets aside a credit dated ${name}, naming the field, and shows the rest`, async () => {
      const id = await scenario({
        credits: [credit('bad', { access_schedule: { credit_type: USD, schedule_items: [item('s', 10, timestamp!)] } }), credit('good')],
      });
      const { el, outcome } = await mount({ 'customer-id': id });
      const { skipped } = (outcome as unknown as { detail: { skipped: { id?: string; message: string }[] } }).detail;
      expect(skipped.map((s) => s.id)).to.deep.equal(['bad']);
      expect(skipped[0]!.message).to.include('schedule_items[0].starting_at is not an RFC 3339 timestamp');
      expect(parts(el, 'credit').map((c) => c.dataset.creditId)).to.deep.equal(['good']);
    });
  }

  it('reads real leap days and offsets', async () => {
    const { el } = await mount({ 'customer-id': CUSTOMERS.acme });
    expect(parts(el, 'credit')).to.have.length(7);
    const id = await scenario({
      credits: [credit('leap', { access_schedule: { credit_type: USD, schedule_items: [item('s', 10, '2024-02-29T00:00:00+05:30')] } })],
    });
    const leap = await mount({ 'customer-id': id, 'time-zone': 'Asia/Kolkata' });
    expect(text(part(leap.el, 'segment'))).to.include('Feb 29, 2024');
  });
});
