// Making credits understandable: timeline, history, draw-down order, languages, right-to-left, keyboard and
// accessibility in every state, light and dark.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { credit } from '../demo/mock/fixtures.js';
import type { CreditBalance } from '../src/credit-balance.js';
import { TEST_NOW } from './clock.js';
import { CUSTOMERS, creditNamed, injectFaults, mount, openGate, parts, received, scenario, text, useDemoStyles } from './helpers.js';

describe('understanding credits', () => {
  describe('languages', () => {
    const cases = [
      { locale: 'de-DE', title: 'Guthaben', total: '165,46 $', status: 'Aktiv', expires: /^Läuft in \d+ Tagen ab/ },
      { locale: 'fr-FR', title: 'Crédits', total: '165,46 $US', status: 'Actif', expires: /^Expire dans \d+ jours/ },
      { locale: 'es-ES', title: 'Créditos', total: '165,46 US$', status: 'Activo', expires: /^Caduca dentro de \d+ días/ },
      { locale: 'ja-JP', title: 'クレジット', total: '$165.46', status: '有効', expires: /^\d+ 日後に期限切れ/ },
    ];
    for (const c of cases) {
      it(`speaks ${c.locale}: messages, money, relative times`, async () => {
        const { el } = await mount({ locale: c.locale, 'customer-id': CUSTOMERS.acme });
        expect(text(el.shadowRoot!.querySelector('.title'))).to.equal(c.title);
        expect(text(parts(el, 'total')[0]!.querySelector('.total__amount'))).to.equal(c.total);
        const promo = creditNamed(el, 'Launch promotion');
        expect(text(promo.querySelector('.badge--active'))).to.equal(c.status);
        expect(text(promo.querySelector('.credit__when'))).to.match(c.expires);
      });
    }

    it('takes the language of the nearest lang attribute', async () => {
      const { el } = await mount({ 'customer-id': CUSTOMERS.empty }, {}, { parent: await fixture(html`<div lang="fr-CA"></div>`) });
      expect(text(parts(el, 'empty')[0])).to.equal('Ce compte n’a aucun crédit.');
    });

    it('falls back to English words with the locale’s own digits', async () => {
      const { el } = await mount({ locale: 'ar-EG', 'customer-id': CUSTOMERS.acme });
      expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('Credits');
      expect(text(parts(el, 'total')[2]!.querySelector('.total__amount'))).to.match(/[٠-٩]/);
    });

    it('lets the host override any message, plurals included', async () => {
      const { el } = await mount(
        { 'customer-id': CUSTOMERS.acme, 'include-ledgers': '' },
        { strings: { title: 'Your prepaid balance', history: { one: 'One change', other: '{count} changes' } } },
      );
      expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('Your prepaid balance');
      expect(text(parts(creditNamed(el, 'Monthly platform credit'), 'ledger')[0]!.querySelector('summary'))).to.equal('17 changes');
      expect(text(parts(creditNamed(el, 'Beta tester credit'), 'ledger')[0]!.querySelector('summary'))).to.equal('One change');
    });
  });

  describe('a contract customer', () => {
    let el: CreditBalance;
    before(async () => {
      ({ el } = await mount({ 'customer-id': CUSTOMERS.acme, 'include-ledgers': '' }, {}, { parent: document.body }));
    });
    after(() => el.remove());

    it('draws each credit’s segments on a timeline with a "now" marker, kept from assistive technology', () => {
      const monthly = creditNamed(el, 'Monthly platform credit');
      const timeline = monthly.querySelector('.timeline')!;
      expect(timeline.getAttribute('aria-hidden')).to.equal('true');
      const track = timeline.querySelector<HTMLElement>('.timeline__track')!;
      const bars = barsOf(track);
      expect(bars.map((bar) => bar.status)).to.deep.equal([...Array(5).fill('expired'), 'active', ...Array(6).fill('upcoming')]);
      // The bars are drawn (a gradient the browser accepted), over the track's own colour.
      expect(getComputedStyle(track).backgroundImage).to.match(/^linear-gradient\(/);
      const marker = timeline.querySelector('.timeline__now')!.getBoundingClientRect();
      const box = track.getBoundingClientRect();
      const active = bars.find((bar) => bar.status === 'active')!;
      expect(marker.left).to.be.within(box.left + active.from * box.width - 1, box.left + active.to * box.width + 1);
      // An expired credit has no marker on its axis.
      expect(creditNamed(el, 'Beta tester credit').querySelector('.timeline__now')).to.equal(null);
    });

    it('keeps long schedules collapsed and short ones open, every period in the text equivalent', () => {
      const long = creditNamed(el, 'Monthly platform credit').querySelector<HTMLDetailsElement>('.schedule-toggle')!;
      expect(long.open).to.equal(false);
      expect(text(long.querySelector('summary'))).to.equal('Schedule · 12 periods');
      expect(parts(long, 'segment')).to.have.length(12);
      expect(creditNamed(el, 'Launch promotion').querySelector<HTMLDetailsElement>('.schedule-toggle')!.open).to.equal(true);
    });

    it('shows which credit the next usage draws from, per credit type', () => {
      const next = parts(el, 'credit')
        .filter((c) => c.querySelector('.badge--next'))
        .map((c) => text(c.querySelector('[part~="credit-name"]')));
      expect(next).to.deep.equal(['Launch promotion', 'EU usage credit', 'API calls']);
      expect(text(creditNamed(el, 'Monthly platform credit'))).to.include('Used after Launch promotion');
      expect(text(creditNamed(el, 'Launch promotion'))).to.include('Your next usage draws from this credit first.');
    });

    it('labels every history entry, newest first, with its direction, date, the balance after it and its period', () => {
      const ledger = parts(creditNamed(el, 'Monthly platform credit'), 'ledger')[0] as HTMLDetailsElement;
      expect(ledger.open).to.equal(false);
      const entries = [...ledger.querySelectorAll('.ledger__entry')].map(text);
      expect(entries).to.have.length(17);
      // A manual adjustment says why, in Metronome's words; after it, the $42.00 the card shows is left.
      expect(entries[0]).to.match(/^Manual adjustment −\$58\.00 \w{3} \d+, \d{4} Balance \$42\.00 Usage so far this month$/);
      expect(entries.at(-1)).to.match(/^Credit available \+\$100\.00 \w{3} 1, \d{4} Balance \$100\.00 Period \w{3} 1 – \d+, \d{4}$/);
      expect(entries.at(-2)).to.match(/^Used on an invoice −\$72\.50 .* Balance \$27\.50 /);
      expect(entries.at(-3)).to.match(/^Expired unused −\$27\.50 .* Balance \$0\.00 /);
    });

    it('opens the history and the schedule from the keyboard, with a visible focus ring', async () => {
      const monthly = creditNamed(el, 'Monthly platform credit');
      const history = parts(monthly, 'ledger')[0] as HTMLDetailsElement;
      const historySummary = history.querySelector('summary')!;
      // The credit's first toggle is its schedule's.
      monthly.querySelector('summary')!.focus();
      // Tab from the schedule toggle to the history toggle of the same credit, then open it with Enter.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(historySummary);
      expect(getComputedStyle(historySummary).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Enter' });
      expect(history.open).to.equal(true);
      await sendKeys({ press: 'Enter' });
      expect(history.open).to.equal(false);
    });

    it('announces refreshed balances politely', async () => {
      const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
      expect(text(live)).to.equal('');
      await el.refresh();
      expect(text(live)).to.equal('Credits updated: $165.466 available, €187.50 available, and 12,500 API calls available.');
    });
  });

  it('lays out right to left', async () => {
    const { el } = await mount({ 'customer-id': CUSTOMERS.acme }, {}, { parent: await fixture(html`<div dir="rtl" lang="ar"></div>`) });
    const monthly = creditNamed(el, 'Monthly platform credit');
    // Time runs from right to left: the first (oldest) period is rightmost, as the "now" marker is on its axis.
    const track = monthly.querySelector<HTMLElement>('.timeline__track')!;
    expect(getComputedStyle(track).backgroundImage).to.match(/^linear-gradient\(to left,/);
    const box = track.getBoundingClientRect();
    const marker = monthly.querySelector('.timeline__now')!.getBoundingClientRect();
    const active = barsOf(track).find((bar) => bar.status === 'active')!;
    expect(marker.right).to.be.within(box.right - active.to * box.width - 1, box.right - active.from * box.width + 1);
    const name = monthly.querySelector('[part~="credit-name"]')!.getBoundingClientRect();
    const badges = monthly.querySelector('.credit__badges')!.getBoundingClientRect();
    expect(name.left).to.be.greaterThan(badges.left);
    await expect(el).to.be.accessible();
  });

  describe('accessible in every state, light and dark, left to right and right to left', () => {
    const layouts = [
      { scheme: 'light', dir: 'ltr' },
      { scheme: 'dark', dir: 'ltr' },
      { scheme: 'light', dir: 'rtl' },
      { scheme: 'dark', dir: 'rtl' },
    ];
    for (const { scheme, dir } of layouts) {
      it(`${scheme}, ${dir}: loading, ready (history open), stale, error, empty`, async function () {
        // axe five times over every credit with its schedule and history open, on a shared two-core machine.
        this.timeout(60_000);
        // Its answer is held back until the loading state has been checked.
        const id = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', gate: 'answer' }] });
        const parent = await fixture<HTMLElement>(html`<div dir=${dir} style="color-scheme: ${scheme}; background: Canvas"></div>`);
        const [{ el }, { el: empty }] = await Promise.all([
          mount({ 'customer-id': id, 'include-ledgers': '', 'low-balance': '500' }, {}, { settle: false, parent }),
          mount({ 'customer-id': CUSTOMERS.empty }, {}, { parent }),
        ]);
        await received(id, 'credits');
        await el.updateComplete;
        expect(el.matches(':state(loading)')).to.equal(true);
        await expect(el, 'loading').to.be.accessible();
        const loaded = oneEvent(el, 'credit-balance-load');
        await openGate(id, 'answer');
        await loaded;
        for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
        await expect(el, 'ready').to.be.accessible();
        await injectFaults(id, [{ route: 'credits', status: 500, times: 3 }]);
        await el.refresh();
        expect(el.matches(':state(stale)')).to.equal(true);
        await expect(el, 'stale').to.be.accessible();
        el.customerId = await scenario({ faults: [{ route: 'credits', status: 404 }] });
        await oneEvent(el, 'credit-balance-error');
        await expect(el, 'error').to.be.accessible();
        expect(empty.matches(':state(empty)')).to.equal(true);
        await expect(empty, 'empty').to.be.accessible();
      });
    }
  });

  it('is accessible in the demo’s brand theme too, its colours included: ready, empty, error', async function () {
    this.timeout(60_000);
    await useDemoStyles();
    const parent = await fixture<HTMLElement>(html`<div></div>`);
    const pages: Record<string, string>[] = [
      { 'customer-id': CUSTOMERS.acme, 'include-ledgers': '', 'low-balance': '500' },
      { 'customer-id': CUSTOMERS.edge },
      { 'customer-id': CUSTOMERS.empty, 'hide-title': '' },
      { 'customer-id': await scenario({ faults: [{ route: 'credits', status: 404 }] }) },
    ];
    const widgets = await Promise.all(pages.map((attributes) => mount({ class: 'brand', ...attributes }, {}, { parent })));
    for (const { el } of widgets) {
      for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
      await expect(el, el.getAttribute('customer-id')!).to.be.accessible();
    }
  });

  describe('dates in the customer’s time zone', () => {
    const withTime = /\d{1,2}:\d{2}/;
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP']) {
      it(`${locale}: UTC boundaries read as days, the hour and zone said once per card`, async () => {
        const { el } = await mount({ 'customer-id': CUSTOMERS.acme, locale, 'time-zone': 'Europe/Paris', 'include-ledgers': '' });
        const scheduled = parts(el, 'credit').filter((card) => card.querySelector('.timeline'));
        expect(scheduled.length).to.be.above(3);
        for (const card of scheduled) {
          const name = text(card.querySelector('[part~="credit-name"]'));
          for (const dates of card.querySelectorAll('.segment__dates, .timeline__axis > span, .ledger__date')) {
            expect(text(dates), name).to.not.match(withTime);
          }
          const notes = [...card.querySelectorAll('.credit__note')].map(text).filter((note) => note.includes('Europe/Paris'));
          expect(notes, name).to.have.length(1);
          expect(notes[0], name).to.match(withTime);
        }
      });
    }

    it('reads the days of a UTC month through its last UTC day, and its end at the hour it is in the page’s zone', async () => {
      const { el } = await mount({ 'customer-id': CUSTOMERS.acme, 'time-zone': 'Asia/Tokyo' });
      const promo = creditNamed(el, 'Launch promotion');
      const segment = promo.querySelector('[part~="segment"]') as HTMLElement;
      const end = new Date(Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth(), TEST_NOW.getUTCDate() + 20));
      const lastDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(end.getTime() - 1);
      expect(text(segment.querySelector('.segment__dates'))).to.include(lastDay);
      // Midnight UTC is 9:00 in Tokyo: the end, an instant, said once.
      const tokyo = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(end);
      expect(text(promo)).to.include(`the last period ends ${tokyo} (Asia/Tokyo).`.replace(/\s/g, ' '));
    });

    it('says no zone where the days are the page’s own, and keeps times where boundaries are days in no zone', async () => {
      const { el } = await mount({ 'customer-id': CUSTOMERS.acme, 'time-zone': 'UTC' });
      expect(text(el.shadowRoot!.querySelector('.base'))).to.not.include('UTC days');
      const start = new Date(Math.floor(TEST_NOW.getTime() / 86_400_000 - 5) * 86_400_000 + 15 * 3_600_000);
      const id = await scenario({
        credits: [
          credit({
            now: TEST_NOW,
            seed: 'afternoon',
            name: 'Afternoon credit',
            product: 'P',
            creditType: { id: 'usd', name: 'USD (cents)' },
            segments: [{ amount: 1000, start, end: new Date(start.getTime() + 30 * 86_400_000) }],
            balance: 1000,
          }),
        ],
      });
      const afternoon = (await mount({ 'customer-id': id, 'time-zone': 'UTC' })).el;
      const card = creditNamed(afternoon, 'Afternoon credit');
      expect(text(card.querySelector('.segment__dates'))).to.match(/^.+ 3:00 PM – before .+ 3:00 PM$/);
      // One format on the card: both ends of its timeline with their times.
      for (const label of card.querySelectorAll('.timeline__axis > span')) expect(text(label)).to.match(withTime);
      expect(text(card)).to.not.include('UTC days');
    });
  });
});

/**
 * The bars a timeline's track draws, read from the gradient stops it is given: each bar's status and where it
 * starts and ends, as shares of the track (the inactive ones' end before their 2px gap).
 */
function barsOf(track: HTMLElement): { status: string; from: number; to: number }[] {
  const stops = track.style.getPropertyValue('--_bars');
  const bar = /transparent 0 ([\d.e+-]+)%, var\(--_bar-(\w+)\) 0 (?:max\([\d.e+-]+% \+ 2px, )?([\d.e+-]+)%/g;
  return [...stops.matchAll(bar)].map(([, from, status, to]) => ({ status: status!, from: Number(from) / 100, to: Number(to) / 100 }));
}
