// How the widget lays out where it is narrow: in a 240 px and a 300 px container, in German, in the demo's brand
// theme (demo/demo.css, the page's own stylesheet, loaded as a host would). Each test measures boxes and lines in
// the engine it runs in.
import { expect } from '@open-wc/testing';
import { credit } from '../demo/mock/fixtures.js';
import type { CreditBalance } from '../src/credit-balance.js';
import { TEST_NOW } from './clock.js';
import { CUSTOMERS, mount, part, parts, scenario, useDemoStyles } from './helpers.js';

/** One word of 80 letters, as a pricing unit's, a product's, a credit's name or a reason may be. */
const LONG = `Enterprise${'Compute'.repeat(10)}`;

/** A customer whose every text from the API is one unbreakable word. */
async function longNames(): Promise<string> {
  const day = 86_400_000;
  return scenario({
    credits: [
      credit({
        now: TEST_NOW,
        seed: 'layout/long',
        name: LONG,
        product: LONG,
        creditType: { id: 'long-unit', name: LONG },
        segments: [
          { amount: 5000, start: new Date(TEST_NOW.getTime() - 40 * day), end: new Date(TEST_NOW.getTime() + 20 * day) },
          { amount: 5000, start: new Date(TEST_NOW.getTime() + 20 * day), end: new Date(TEST_NOW.getTime() + 80 * day) },
        ],
        balance: 3900,
        ledger: ([first]) => [
          {
            type: 'CREDIT_SEGMENT_START',
            amount: 5000,
            segment_id: first!,
            timestamp: new Date(TEST_NOW.getTime() - 40 * day).toISOString(),
          },
          { type: 'CREDIT_MANUAL', amount: -1100, reason: LONG, timestamp: new Date(TEST_NOW.getTime() - day).toISOString() },
        ],
      }),
    ],
  });
}

/** `el` in a box `width` px wide, its every toggle open, once loaded. */
async function widgetAt(width: number, attributes: Record<string, string>): Promise<CreditBalance> {
  await useDemoStyles();
  const box = document.createElement('div');
  box.style.inlineSize = `${width}px`;
  document.body.append(box);
  const { el } = await mount({ class: 'brand', locale: 'de-DE', 'include-ledgers': '', ...attributes }, {}, { parent: box });
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  await el.updateComplete;
  return el;
}

/** Whether `element` is out of sight by design: inside a visually hidden element or a closed toggle. */
const hidden = (element: Element) => !!element.closest('.visually-hidden, .amount__exact, details:not([open]) > :not(summary)');

/** The lines a range of text takes: the distinct tops of its boxes. */
const lines = (range: Range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 3))).size;

/**
 * Every word (a run without white space, a no-break space included, so "165,46 $" is one) that the engine broke
 * across lines, though it is short enough to fit: an amount, a currency sign and a word never break inside. A
 * dash joins two words that may each start a line ("01.–31.07.2026").
 */
function brokenWords(el: Element): string[] {
  const broken: string[] = [];
  let measured = 0;
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || hidden(node.parentElement)) continue;
    const text = node.textContent ?? '';
    for (const match of text.matchAll(/[^ \t\n–-]+[–-]?/g)) {
      if (match[0].length > 40) continue; // the 80-letter word may only break
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const count = lines(range);
      if (count) measured++;
      if (count > 1) broken.push(`${match[0]} in .${node.parentElement.className}`);
    }
  }
  // Words with no box at all would make this check pass whatever the layout: every card must have been laid out.
  expect(measured, 'words laid out').to.be.above(50);
  return broken;
}

/** Every element that sticks out of the widget, by how many pixels. */
function overflowing(el: Element): string[] {
  const { left, right } = el.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll('*')]
    .filter((child) => !hidden(child))
    .flatMap((child) => {
      const box = child.getBoundingClientRect();
      if (!box.width) return [];
      const past = Math.max(left - box.left, box.right - right);
      return past > 0.5 ? [`${child.className || child.tagName}: ${Math.round(past)} px`] : [];
    });
}

for (const width of [240, 300]) {
  describe(`at ${width} px, in German, in the brand theme`, () => {
    afterEach(() => {
      for (const box of document.querySelectorAll('body > div:has(> credit-balance)')) box.remove();
    });

    it('breaks no amount, currency sign or word inside', async () => {
      for (const customer of [CUSTOMERS.acme, CUSTOMERS.edge]) {
        const el = await widgetAt(width, { 'customer-id': customer, 'low-balance': '{"USD": 200, "EUR": 200}' });
        expect(brokenWords(el), customer).to.deep.equal([]);
        expect(overflowing(el), customer).to.deep.equal([]);
      }
    });

    it('wraps an unbreakable name from the API in every part, never past the widget', async () => {
      const el = await widgetAt(width, { 'customer-id': await longNames() });
      expect(overflowing(el)).to.deep.equal([]);
      // Each part holding it shows all of it, wrapped.
      const shown = (selector: string) => el.shadowRoot!.querySelector(selector)!.textContent!.replace(/[\u2068\u2069]/g, '');
      expect(shown('[part~="credit-name"]')).to.equal(LONG);
      expect(shown('[part~="total"] .total__amount')).to.include(LONG);
      expect(shown('.segment__amount')).to.include(LONG);
      expect(shown('.ledger__reason')).to.equal(LONG);
      expect(brokenWords(el)).to.deep.equal([]);
    });

    for (const dir of ['ltr', 'rtl']) {
      it(`keeps the history’s amounts and balances in a column at the end of each entry, ${dir}`, async () => {
        document.documentElement.dir = dir;
        try {
          const el = await widgetAt(width, { 'customer-id': CUSTOMERS.acme });
          const entries = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.ledger__entry')];
          expect(entries.length).to.be.above(10);
          for (const entry of entries) {
            const box = entry.getBoundingClientRect();
            for (const figure of entry.querySelectorAll('.ledger__amount, .ledger__balance')) {
              const at = figure.getBoundingClientRect();
              // The line's end: the right edge left to right, the left edge right to left.
              expect(Math.abs(dir === 'ltr' ? box.right - at.right : at.left - box.left), figure.textContent!).to.be.below(1);
            }
          }
        } finally {
          document.documentElement.dir = 'ltr';
        }
      });
    }

    it('keeps a schedule row’s status badge the size of its word', async () => {
      const el = await widgetAt(width, { 'customer-id': CUSTOMERS.acme });
      const badges = parts(el, 'segment').map((segment) => segment.querySelector<HTMLElement>('.badge')!);
      expect(badges.length).to.be.above(0);
      for (const badge of badges) {
        const range = document.createRange();
        range.selectNodeContents([...badge.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!);
        const word = Math.max(...[...range.getClientRects()].map((r) => r.width));
        expect(badge.getBoundingClientRect().width, badge.textContent!).to.be.below(word + 40);
      }
    });

    it('draws no divider under a header with nothing in sight, nor an empty meter on an expired credit', async () => {
      const acme = await widgetAt(width, { 'customer-id': CUSTOMERS.acme });
      const expired = parts(acme, 'credit-expired');
      expect(expired.length).to.be.above(0);
      for (const card of expired) expect(card.querySelector('[part~="meter"]')).to.equal(null);

      const el = await widgetAt(width, { 'customer-id': CUSTOMERS.empty, 'hide-title': '' });
      expect(part(el, 'header')).to.equal(null);
      // The widget is still named by its title, for screen readers.
      expect(el.shadowRoot!.querySelector('#title')!.textContent!.trim()).to.equal('Guthaben');
      // With a title in sight the header is there, its divider under the title.
      const titled = await widgetAt(width, { 'customer-id': CUSTOMERS.empty });
      expect(part(titled, 'header')!.getBoundingClientRect().height).to.be.above(10);
    });
  });
}

describe('a customer printing the page or capturing all of it', () => {
  it('gets every card laid out and painted, far below the fold too', async () => {
    const box = document.createElement('div');
    box.style.marginBlockStart = '5000px';
    document.body.append(box);
    try {
      const { el } = await mount({ 'customer-id': CUSTOMERS.many }, {}, { parent: box });
      const cards = parts(el, 'credit');
      expect(cards).to.have.length(60);
      for (const card of cards) {
        const balance = card.querySelector('[part~="balance"]')!;
        // Content the engine skips (content-visibility: auto off screen) prints and captures as an empty box.
        expect(balance.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions), card.dataset.creditId).to.equal(true);
        expect(balance.getClientRects().length, card.dataset.creditId).to.be.above(0);
      }
    } finally {
      box.remove();
    }
  });
});
