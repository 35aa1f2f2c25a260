// Nothing leaks: API text is never HTML, the token stays in memory, and the widget talks only to the token
// URL and the API base.
import type Metronome from '@metronome/sdk';
import { expect } from '@open-wc/testing';
import type { CreditBalance } from '../src/credit-balance.js';
import { CUSTOMERS, MOCK, TOKEN_URL, mount, requestLog, routes, scenario } from './helpers.js';

/** Strings that would do something if any of them were interpreted as markup, a URL or a template. */
export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\">",
  'javascript:window.__pwned="url"',
  '${window.__pwned = "template"}',
  '{{constructor.constructor("window.__pwned = 1")()}}',
  '<style>*{display:none!important}</style>',
  '&lt;b&gt;entity&lt;/b&gt; &amp;',
  '\u202eevil\u202c right-to-left override',
  'null\u0000byte',
  '<!-- comment --><![CDATA[x]]>',
  'x'.repeat(2000),
];

async function render(spec: Parameters<typeof scenario>[0], attributes: Record<string, string> = {}) {
  const id = await scenario(spec);
  const { el, outcome } = await mount({ 'customer-id': id, ...attributes });
  expect(outcome.type).to.equal('credit-balance-load');
  return { el, id };
}

const injected = (el: CreditBalance) => el.shadowRoot!.querySelectorAll('script, img, svg, iframe, style:not([data-lit]), b');

describe('security', () => {
  afterEach(() => {
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('renders hostile strings in every credit field as text', async () => {
    const credits = HOSTILE.map((s, i) => ({
      ...({
        id: `${s}#${i}`,
        type: 'CREDIT',
        name: s,
        description: s,
        product: { id: s, name: s },
        custom_fields: { [s]: s },
        access_schedule: {
          credit_type: { id: s, name: s },
          schedule_items: [{ id: s, amount: 10, starting_at: '2026-01-01T00:00:00Z', ending_before: '2099-01-01T00:00:00Z' }],
        },
        balance: 5,
      } satisfies Metronome.Credit),
      custom_fields: { [s]: s, __proto__: s },
      // A ledger type the SDK does not know yet (tolerated), named by the hostile string itself.
      ledger: [{ type: s, amount: -1, segment_id: s, timestamp: '2026-02-01T00:00:00Z', reason: s, invoice_id: s }],
    }));
    const { el } = await render({ credits }, { 'include-ledgers': '' });
    const names = [...el.shadowRoot!.querySelectorAll('[part~="credit-name"]')].map((n) => n.textContent);
    expect(names).to.have.members(HOSTILE);
    expect(injected(el)).to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('[part~="credit"]')].map((c) => (c as HTMLElement).dataset.creditId)).to.have.members(
      HOSTILE.map((s, i) => `${s}#${i}`),
    );
    // An unknown ledger type is labelled generically, never echoed.
    expect(el.shadowRoot!.querySelector('.ledger__label')!.textContent).to.equal('Balance change');
  });

  it('renders hostile strings in every grant field as text', async () => {
    const grants = HOSTILE.map(
      (s, i) =>
        ({
          id: `g${i}`,
          name: s,
          customer_id: 'x',
          effective_at: '2026-01-01T00:00:00Z',
          expires_at: '2099-01-01T00:00:00Z',
          priority: 1,
          reason: s,
          grant_amount: { amount: 10, credit_type: { id: s, name: s } },
          paid_amount: { amount: 3, credit_type: { id: s, name: s } },
          balance: { effective_at: '2026-12-01T00:00:00Z', excluding_pending: 9, including_pending: 8 },
          deductions: [
            { amount: 1, created_by: s, credit_grant_id: s, effective_at: '2026-02-01T00:00:00Z', reason: s, running_balance: 9 },
          ],
          pending_deductions: [],
          custom_fields: { [s]: s },
          products: [{ id: s, name: s }],
        }) satisfies Metronome.V1.CreditGrantListResponse,
    );
    const { el } = await render({ grants }, { source: 'grants', 'include-ledgers': '' });
    expect(el.shadowRoot!.querySelectorAll('[part~="credit"]')).to.have.length(HOSTILE.length);
    expect(injected(el)).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.include(`Applies to \u2068${HOSTILE[0]}\u2069`);
  });

  it('keeps the token in memory: not in the DOM, attributes, storage, cookies, the URL or the console', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    });
    let el: CreditBalance;
    let id: string;
    try {
      ({ el, id } = await render({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 401 }] }));
      await el.refresh();
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
    const tokens = routes(await requestLog(id), 'credits').map((r) => r.authorization!.replace('Bearer ', ''));
    expect(tokens.length).to.be.greaterThan(1);
    const places = {
      dom: document.documentElement.outerHTML + el.shadowRoot!.innerHTML,
      attributes: [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      url: location.href,
      console: logged.join('\n'),
      requests: performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .join('\n'),
    };
    for (const token of tokens) {
      for (const [where, text] of Object.entries(places)) expect(text.includes(token), `token found in ${where}`).to.equal(false);
    }
  });

  it('talks only to the token URL and the API base', async () => {
    performance.clearResourceTimings();
    const { el } = await render({ base: CUSTOMERS.many }, { 'api-base': MOCK });
    await el.refresh();
    const tokenUrl = new URL(TOKEN_URL, location.href).href;
    const apiBase = new URL(MOCK, location.href).href;
    const contacted = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => !url.includes('/__scenarios'));
    expect(contacted.length).to.be.greaterThan(3);
    for (const url of contacted) {
      const allowed = url === tokenUrl || url.startsWith(`${apiBase}/v1/`);
      expect(allowed, `unexpected request to ${url}`).to.equal(true);
    }
  });
});
