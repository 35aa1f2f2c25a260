// The new tab's page view written by hand, without the widget: what any page pays in a new renderer process for
// the same credits. It asks the companion's token endpoint for the first page of credits with the token, as the
// widget does (`?customer-id=`), reads Metronome's answer into the cards of bench/baseline.js (without the widget's
// stylesheet, which comes with its bundle) and records when they are on screen (`window.creditsPainted`, as
// bench/critical.js does), since navigation and since its token request.
import { baselineCards } from './baseline.js';

const customerId = new URLSearchParams(location.search).get('customer-id');
const tokenStarted = performance.now();
const response = await fetch('/api/credit-balance/token', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    customer_id: customerId,
    first_page: { path: '/v1/contracts/customerCredits/list', body: { customer_id: customerId, include_balance: true } },
  }),
});
const { first_page: firstPage } = await response.json();
const answered = performance.now();
const credits = firstPage.answer.data.map((credit) => {
  const schedule = credit.access_schedule;
  const segments = schedule.schedule_items
    .map((item) => ({ id: item.id, amount: item.amount, startsAt: new Date(item.starting_at), endsBefore: new Date(item.ending_before) }))
    .sort((a, b) => a.startsAt - b.startsAt);
  return {
    id: credit.id,
    name: credit.name,
    kind: 'credit',
    priority: credit.priority,
    balance: credit.balance ?? 0,
    granted: segments.reduce((sum, segment) => sum + segment.amount, 0),
    creditType: schedule.credit_type,
    segments,
  };
});
document.body.append(baselineCards(credits, Date.now()));
requestAnimationFrame(() => {
  const paintedAt = performance.now();
  window.creditsPainted = {
    sinceNavigation: paintedAt,
    sinceToken: paintedAt - tokenStarted,
    // The token with the first page, then the page's own work until the paint (as bench/critical.js's steps).
    steps: [answered - tokenStarted, 0, 0, paintedAt - answered],
  };
});
