// The self-contained bundle, as a plain <script type="module"> page loads it: nothing else from this package
// is imported here. `npm test` builds it first.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { CUSTOMERS, TOKEN_URL, text } from './helpers.js';

const bundle = '/dist/credit-balance.bundle.js';

describe('dist/credit-balance.bundle.js', () => {
  before(async () => {
    await import(/* @vite-ignore */ bundle);
  });

  it('defines <credit-balance> and renders a customer’s credits against a Metronome-shaped endpoint', async () => {
    const el = await fixture<HTMLElement>(html`<credit-balance token-url=${TOKEN_URL} customer-id=${CUSTOMERS.acme}></credit-balance>`);
    await oneEvent(el, 'credit-balance-load');
    const names = [...el.shadowRoot!.querySelectorAll('[part~="credit-name"]')].map((n) => n.textContent);
    expect(names).to.have.length(7);
    expect(names).to.include('Launch promotion');
    expect(text(el.shadowRoot!.querySelector('[part~="total"]'))).to.equal('$165.46 available');
  });

  it('can be loaded twice without throwing', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    await import(/* @vite-ignore */ `${bundle}?again`);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('credit-balance')).to.be.a('function');
  });
});
