// The critical-path page of the benchmark: one widget, configured from the query string (`?locale=de-DE&
// include-ledgers`), in a fresh browser context, as a settings page would have it in its markup.
const el = document.createElement('credit-balance');
el.setAttribute('token-url', '/api/credit-balance/token'); // unless the query string names another
for (const [name, value] of new URLSearchParams(location.search)) el.setAttribute(name, value);
document.body.append(el);
