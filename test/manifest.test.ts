// custom-elements.json, as editors, Storybook and framework tooling read it, against the element itself:
// every attribute, property, event, part, custom property (with its default) and state, and nothing else.
import { expect } from '@open-wc/testing';
import '../src/define.js';
import { CreditBalance } from '../src/credit-balance.js';
import { detailsStyles } from '../src/details.styles.js';
import * as events from '../src/events.js';
import { CUSTOMERS, mount, scenario } from './helpers.js';

interface Named {
  name: string;
  default?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  members?: (Named & { kind: string; privacy?: string; static?: boolean })[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  cssStates?: Named[];
}

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name).sort();

describe('custom-elements.json', () => {
  let element: Declaration;
  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    element = declarations.find((declaration) => declaration.tagName === 'credit-balance')!;
  });

  it('lists exactly the attributes the element observes', () => {
    expect(names(element.attributes)).to.deep.equal([...CreditBalance.observedAttributes].sort());
  });

  it('lists every reactive property, the function and object ones included', () => {
    const fields = new Set(element.members!.filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private').map((m) => m.name));
    const properties = [...CreditBalance.elementProperties.keys()].filter((key): key is string => typeof key === 'string');
    expect(properties).to.include.members(['tokenProvider', 'strings']);
    expect(properties.filter((name) => !fields.has(name))).to.deep.equal([]);
    expect(element.members!.some((m) => m.kind === 'method' && m.name === 'refresh')).to.equal(true);
  });

  it('lists exactly the events the element dispatches, by the names listeners use', () => {
    const types = Object.values(events)
      .map((value) => (value as { type?: unknown }).type)
      .filter((type): type is string => typeof type === 'string');
    expect(types).to.have.length(5);
    expect(names(element.events)).to.deep.equal(types.sort());
  });

  it('lists every public custom property the styles read, each with the default the styles use', () => {
    // The element's own styles, and the details' (the chart's properties) that a widget adopts when it shows them.
    const css = [...CreditBalance.elementStyles, detailsStyles].map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
    // A fallback to another property reads through the private one (`var(--_accent)`) and is documented by its public name.
    const publicNames = new Map([...css.matchAll(/(--_[\w-]+): var\((--credit-balance-[\w-]+),/g)].map(([, own, name]) => [own!, name!]));
    const used = new Map(
      [...css.matchAll(/var\((--credit-balance-[\w-]+),\s*(.+?)\);\s*$/gm)].map(([, name, fallback]) => [
        name!,
        fallback!.replace(/var\((--_[\w-]+)\)/, (whole, own: string) => (publicNames.has(own) ? `var(${publicNames.get(own)})` : whole)),
      ]),
    );
    expect(used.size).to.equal(18);
    expect(names(element.cssProperties)).to.deep.equal([...used.keys()].sort());
    for (const { name, default: documented } of element.cssProperties!) expect(documented, name).to.equal(used.get(name));
  });

  it('lists exactly the parts the element renders, across loaded, partly unreadable, empty and failed widgets', async () => {
    const failing = await scenario({ base: CUSTOMERS.acme, faults: [{ route: 'credits', status: 403 }] });
    const widgets = await Promise.all(
      (
        [
          { 'customer-id': CUSTOMERS.acme, source: 'credits', forecast: '', chart: '' },
          { 'customer-id': CUSTOMERS.edge, source: 'credits' },
          { 'customer-id': CUSTOMERS.empty, source: 'credits' },
          { 'customer-id': failing, source: 'credits' },
          { 'customer-id': CUSTOMERS.contract, source: 'balances', 'top-up': '' },
          { 'customer-id': CUSTOMERS.plans, source: 'grants' },
        ] as Record<string, string>[]
      ).map(async (attributes) => {
        const { el } = await mount({ ...attributes, 'include-ledgers': '', 'low-balance': '1000000' });
        await el.updateComplete;
        return el;
      }),
    );
    const rendered = new Set(widgets.flatMap((el) => [...el.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => [...node.part])));
    expect(names(element.cssParts)).to.deep.equal([...rendered].sort());
  });

  it('lists the nine states of the contract', () => {
    expect(names(element.cssStates)).to.deep.equal([
      'empty',
      'error',
      'expiring',
      'loading',
      'low',
      'postpaid',
      'prepaid',
      'ready',
      'stale',
    ]);
  });
});
