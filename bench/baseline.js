// The benchmark's hand-written baseline: the same visible rows as the widget, built by hand with the DOM and the
// same Intl formatting, for the render benchmark (bench/page.js) and the new tab's page view (bench/by-hand.js).

/** Days within which a credit's end counts as soon: the widget's default `expiring-soon-days`. */
const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The same visible rows as the widget, by hand, in the widget's order (active credits first, the soonest to end
 * first): per credit its name, badges (status, expiring soon, used next), balance, the current period's grant, the
 * total granted, meter, when it ends and what is scheduled later, its place in the draw-down order, the timeline
 * (its bars, the "now" label and the axis's dates) and schedule rows; per commit also its kind and its invoice
 * schedule. `credits` are in the widget's shape (`NormalizedCredit`): segments with `startsAt` and `endsBefore`
 * dates.
 */
export function baselineRows(credits, now) {
  const money = new Map();
  const amount = (value, type) => {
    const usd = type.name === 'USD (cents)';
    let format = money.get(type.name);
    if (!format) money.set(type.name, (format = new Intl.NumberFormat('en-US', usd ? { style: 'currency', currency: 'USD' } : {})));
    return usd ? format.format(value / 100) : `${format.format(value)} ${type.name}`;
  };
  const days = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const entries = credits
    .map((credit) => ({ credit, current: credit.segments.find((s) => s.startsAt <= now && now < s.endsBefore) }))
    .sort((a, b) => (a.current ? 0 : 1) - (b.current ? 0 : 1) || (a.current?.endsBefore ?? 0) - (b.current?.endsBefore ?? 0));
  // The draw-down order of each credit type's usable credits: lower priority first, then the sooner to end.
  const drawOrders = new Map();
  for (const entry of entries.filter(({ credit, current }) => current && credit.balance > 0)) {
    const type = entry.credit.creditType.name;
    if (!drawOrders.has(type)) drawOrders.set(type, []);
    drawOrders.get(type).push(entry);
  }
  const drawNotes = new Map();
  const usedNext = new Set();
  for (const group of drawOrders.values()) {
    group.sort((a, b) => (a.credit.priority ?? Infinity) - (b.credit.priority ?? Infinity) || a.current.endsBefore - b.current.endsBefore);
    usedNext.add(group[0]);
    group.forEach((entry, i) =>
      drawNotes.set(entry, i === 0 ? 'Your next usage draws from this credit first.' : `Used after ${group[i - 1].credit.name}`),
    );
  }
  const root = el('section');
  for (const entry of entries) {
    const { credit, current } = entry;
    const card = el('article', 'credit');
    card.append(el('h3', 'name', credit.name));
    if (usedNext.has(entry)) card.append(el('span', 'badge', 'Used next'));
    if (current && credit.balance > 0 && current.endsBefore - now <= EXPIRING_SOON_DAYS * DAY_MS) {
      card.append(el('span', 'badge', 'Expiring soon'));
    }
    card.append(el('span', 'badge', current ? 'Active' : 'Expired'));
    if (credit.kind !== 'credit') card.append(el('span', 'kind', 'Prepaid commitment'));
    const figures = el('p');
    figures.append(
      el('span', 'balance', amount(credit.balance, credit.creditType)),
      el('span', 'granted', `left of ${amount(current?.amount ?? credit.granted, credit.creditType)} granted`),
    );
    const total = el('p', 'total', `${amount(credit.granted, credit.creditType)} granted in total, across every period`);
    const meter = el('div', 'meter');
    const fill = el('div', 'fill');
    fill.style.setProperty('--share', String(Math.min(1, credit.balance / (credit.granted || 1))));
    meter.append(fill);
    const later = credit.segments.filter((s) => s.startsAt > now).reduce((sum, s) => sum + s.amount, 0);
    const when = [
      current && `Expires ${relative.format(Math.round((current.endsBefore - now) / DAY_MS), 'day')}`,
      later && `+${amount(later, credit.creditType)} scheduled later`,
    ].filter(Boolean);
    const labels = el('div', 'labels');
    labels.append(el('span', 'now', 'Now'));
    const track = el('div', 'track');
    const from = credit.segments[0].startsAt.getTime();
    const span = credit.segments.at(-1).endsBefore.getTime() - from;
    // The bars, as the widget draws them: the stops of one gradient on the track.
    const stop = (date) => `${(((date - from) / span) * 100).toFixed(2)}%`;
    const bars = credit.segments.map((s) => `transparent 0 ${stop(s.startsAt)}, currentColor 0 ${stop(s.endsBefore)}`);
    track.style.setProperty('--bars', `${bars.join(', ')}, transparent 0`);
    const axis = el('div', 'axis');
    axis.append(el('span', '', days.format(from)), el('span', '', days.format(new Date(from + span - 1))));
    const details = el('details');
    details.append(el('summary', '', `Access schedule · ${credit.segments.length} periods`));
    const list = el('ol');
    for (const s of credit.segments) {
      const row = el('li');
      const status = now < s.startsAt ? 'Upcoming' : now >= s.endsBefore ? 'Expired' : 'Active';
      row.append(
        el('span', '', amount(s.amount, credit.creditType)),
        el('span', '', days.formatRange(s.startsAt, new Date(s.endsBefore - 1))),
        el('span', '', status),
      );
      list.append(row);
    }
    details.append(list);
    card.append(figures, total, meter);
    if (when.length) card.append(el('p', 'when', when.join(' · ')));
    if (drawNotes.has(entry)) card.append(el('p', 'draw', drawNotes.get(entry)));
    card.append(labels, track, axis, details);
    if (credit.invoices) {
      const invoices = el('details');
      invoices.append(el('summary', '', 'Invoice schedule'));
      const items = el('ol');
      for (const item of credit.invoices) {
        const row = el('li');
        const date = el('time', '', days.format(item.at));
        date.dateTime = new Date(item.at).toISOString();
        row.append(el('span', '', amount(item.amount, credit.creditType)), date, el('span', '', 'Invoiced'));
        items.append(row);
      }
      invoices.append(items);
      card.append(invoices);
    }
    root.append(card);
  }
  return root;
}
