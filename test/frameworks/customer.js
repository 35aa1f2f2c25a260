// The seeded demo customer both apps show, and the events they report into the page.
export const CUSTOMER = '7c3f9a2e-1b4d-4e8f-9a6c-2d5e8f1a3b7c';

/** Mints tokens in app code, as frameworks that hold their own session do: the `tokenProvider` property. */
export async function tokenProvider() {
  const response = await fetch('/api/credit-balance/token', { method: 'POST', body: JSON.stringify({ customer_id: CUSTOMER }) });
  return response.json();
}
