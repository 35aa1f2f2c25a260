/**
 * The link from a ledger entry to the host's own invoice page: `template` (the `invoice-url` attribute, such
 * as `/billing/invoices/{invoice_id}`) with every `{invoice_id}` replaced by the URL-encoded id, resolved
 * against the page. Only an `https:` URL or one on the page's own origin is a link: a template that yields
 * `javascript:`, `data:` or plain `http:` elsewhere gives none, and so does one without `{invoice_id}`.
 */
export function invoiceHref(template: string | undefined, invoiceId: string, pageUrl: string): string | undefined {
  if (!template?.includes('{invoice_id}')) return undefined;
  try {
    const url = new URL(template.replaceAll('{invoice_id}', encodeURIComponent(invoiceId)), pageUrl);
    const sameOrigin = url.protocol === 'http:' && url.origin === new URL(pageUrl).origin;
    return url.protocol === 'https:' || sameOrigin ? url.href : undefined;
  } catch {
    return undefined;
  }
}
