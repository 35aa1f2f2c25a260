// The benchmark's hand-written baseline: the same visible rows as the widget, built by hand with the DOM and the
// same Intl formatting, for the render benchmark (bench/page.js) and the new tab's page view (bench/by-hand.js).

/**
 * The same visible rows as the widget, by hand: per credit its name, badge, balance, granted amount, meter,
 * timeline bars and schedule rows; per commit also its kind and its invoice schedule. `credits` are in the widget's
 * shape (`NormalizedCredit`): segments with `startsAt` and `endsBefore` dates.
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
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const root = el('section');
  for (const credit of credits) {
    const card = el('article', 'credit');
    card.append(el('h3', 'name', credit.name), el('span', 'badge', 'Active'));
    if (credit.kind !== 'credit') card.append(el('span', 'kind', 'Prepaid commitment'));
    const figures = el('p');
    figures.append(
      el('span', 'balance', amount(credit.balance, credit.creditType)),
      el('span', 'granted', `of ${amount(credit.granted, credit.creditType)} granted`),
    );
    const meter = el('div', 'meter');
    const fill = el('div', 'fill');
    fill.style.setProperty('--share', String(Math.min(1, credit.balance / (credit.granted || 1))));
    meter.append(fill);
    const track = el('div', 'track');
    const from = credit.segments[0].startsAt.getTime();
    const span = credit.segments.at(-1).endsBefore.getTime() - from;
    for (const s of credit.segments) {
      const bar = el('span', 'bar');
      bar.style.setProperty('--start', String((s.startsAt - from) / span));
      track.append(bar);
    }
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
    card.append(figures, meter, track, details);
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
