import { expect } from '@open-wc/testing';
import { invoiceHref } from '../../../src/lib/view/invoice.js';

const page = 'https://app.example/settings/billing';

describe('invoiceHref', () => {
  const cases = [
    { name: 'a path on the page’s origin', template: '/billing/invoices/{invoice_id}', href: 'https://app.example/billing/invoices/inv-1' },
    { name: 'a relative path', template: 'invoices/{invoice_id}', href: 'https://app.example/settings/invoices/inv-1' },
    { name: 'another https origin', template: 'https://pay.example/i?id={invoice_id}', href: 'https://pay.example/i?id=inv-1' },
    { name: 'no {invoice_id}', template: '/billing/invoices', href: undefined },
    { name: 'no template', template: undefined, href: undefined },
    { name: 'javascript:', template: 'javascript:alert("{invoice_id}")', href: undefined },
    { name: 'data:', template: 'data:text/html,{invoice_id}', href: undefined },
    { name: 'plain http elsewhere', template: 'http://pay.example/{invoice_id}', href: undefined },
    { name: 'not a URL', template: 'http://[/{invoice_id}', href: undefined },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.href ?? 'no link'}`, () => {
      expect(invoiceHref(c.template, 'inv-1', page)).to.equal(c.href);
    });
  }

  it('URL-encodes the id, so it cannot leave its path segment', () => {
    expect(invoiceHref('/invoices/{invoice_id}/pdf', '../../admin?x=1#y', page)).to.equal(
      'https://app.example/invoices/..%2F..%2Fadmin%3Fx%3D1%23y/pdf',
    );
  });

  it('links plain http only on the page’s own origin', () => {
    expect(invoiceHref('/i/{invoice_id}', 'a', 'http://localhost:8000/')).to.equal('http://localhost:8000/i/a');
  });
});
