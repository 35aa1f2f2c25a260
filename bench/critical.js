// The critical-path page of the benchmark: one widget, configured from the query string (`?locale=de-DE&
// include-ledgers`), in a fresh browser context, as a settings page would have it in its markup. The page
// records when the first credit is on screen itself (`window.creditsPainted`), and where the time since the
// token request went, so that the benchmark reads it afterwards without running its own script in the page
// (the harness's first evaluation compiles about 15 ms of script) while the widget works.
const el = document.createElement('credit-balance');
el.setAttribute('token-url', '/api/credit-balance/token'); // unless the query string names another
for (const [name, value] of new URLSearchParams(location.search)) el.setAttribute(name, value);
document.body.append(el);

const recordPaint = () => {
  if (!el.shadowRoot?.querySelector('[part~="credit"]')) {
    requestAnimationFrame(recordPaint);
    return;
  }
  const paintedAt = performance.now();
  const resources = performance.getEntriesByType('resource');
  const token = resources.find((e) => e.name.endsWith('/token'));
  // The first page's own request, when it did not come with the token (a later page's may be under way already).
  const list = resources.find((e) => e.name.includes('/list') && e.responseEnd <= paintedAt);
  window.creditsPainted = {
    sinceNavigation: paintedAt,
    sinceToken: paintedAt - token.startTime,
    // Where the time from the token request goes: its round trip, the widget until it asks for the list, the
    // list's round trip, and the widget from the answer to the paint. With the first page in the token's answer,
    // no list request: its two steps are 0.
    steps: list
      ? [
          token.responseEnd - token.startTime,
          list.startTime - token.responseEnd,
          list.responseEnd - list.startTime,
          paintedAt - list.responseEnd,
        ]
      : [token.responseEnd - token.startTime, 0, 0, paintedAt - token.responseEnd],
  };
};
requestAnimationFrame(recordPaint);
