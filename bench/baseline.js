// The benchmark's hand-written baseline: the widget's cards built by hand with the DOM and the same Intl
// formatting, for the render benchmark (bench/page.js) and the new tab's page view (bench/by-hand.js).

/** Days within which a credit's end counts as soon: the widget's default `expiring-soon-days`. */
const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;
/** Periods up to which a schedule starts open: the widget's. */
const OPEN_SCHEDULE_MAX = 4;
/** The badge of each status, for a credit and for a period alike. */
const STATUS_LABELS = { active: 'Active', expired: 'Expired', upcoming: 'Upcoming' };

/**
 * The widget's list by hand, in English: its markup (the same elements, classes, parts and ARIA attributes, so that
 * the widget's stylesheet draws it as the widget, and screen readers hear the same), in the widget's order (active
 * credits first, the soonest to end first, then by priority and name). Under the title, one total per credit type;
 * per credit its name, badges (used next, expiring soon, status), balance, the current period's grant, the total
 * granted, meter, when it ends and what is scheduled later, its place in the draw-down order, the timeline (its bars
 * as the stops of one gradient, the "now" marker and label, the axis's dates) and its schedule; per commit also its
 * kind and its invoice schedule. `credits` are in the widget's shape (`NormalizedCredit`): segments with `startsAt`
 * and `endsBefore` dates.
 */
export function baselineCards(credits, now, title = 'Credits') {
  const money = new Map();
  const amount = (value, type) => {
    const usd = type.name === 'USD (cents)';
    let format = money.get(type.name);
    if (!format) money.set(type.name, (format = new Intl.NumberFormat('en-US', usd ? { style: 'currency', currency: 'USD' } : {})));
    return usd ? format.format(value / 100) : `${format.format(value)} \u2068${type.name}\u2069`;
  };
  const days = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  /** Elements side by side on a line, with the space between them that the widget's markup has. */
  const spaced = (parent, ...children) => children.forEach((child, i) => parent.append(...(i ? [' ', child] : [child])));
  const entries = credits
    .map((credit) => ({ credit, current: credit.segments.find((s) => s.startsAt <= now && now < s.endsBefore) }))
    .sort(
      (a, b) =>
        (a.current ? 0 : 1) - (b.current ? 0 : 1) ||
        (a.current?.endsBefore ?? 0) - (b.current?.endsBefore ?? 0) ||
        (a.credit.priority ?? Infinity) - (b.credit.priority ?? Infinity) ||
        a.credit.name.localeCompare(b.credit.name),
    );
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
      drawNotes.set(
        entry,
        i === 0 ? 'Your next usage draws from this credit first.' : `Used after \u2068${group[i - 1].credit.name}\u2069`,
      ),
    );
  }
  const root = el('section', 'base');
  const header = el('header', 'header');
  const heading = el('div', 'title', title);
  heading.setAttribute('role', 'heading');
  heading.setAttribute('aria-level', '2');
  // The money held, one total per credit type.
  const totals = new Map();
  for (const { credit } of entries.filter(({ credit }) => credit.kind !== 'postpaid')) {
    const total = totals.get(credit.creditType.name) ?? { creditType: credit.creditType, available: 0 };
    total.available += credit.balance;
    totals.set(credit.creditType.name, total);
  }
  const totalList = el('ul', 'totals');
  for (const { creditType, available } of totals.values()) {
    const item = el('li', 'total');
    item.setAttribute('part', 'total');
    if (creditType.id) item.dataset.creditTypeId = creditType.id;
    spaced(item, el('span', 'total__amount', amount(available, creditType)), el('span', 'total__label', 'available'));
    totalList.append(item);
  }
  header.append(heading, totalList);
  const list = el('div', 'credits');
  root.append(header, list);
  const badge = (kind, label) => {
    const node = el('span', `badge badge--${kind}`, label);
    node.setAttribute('part', `badge badge-${kind}`);
    return node;
  };
  for (const entry of entries) {
    const { credit, current } = entry;
    const status = current ? 'active' : 'expired';
    const expiring = current && credit.balance > 0 && current.endsBefore - now <= EXPIRING_SOON_DAYS * DAY_MS;
    const card = el('article', `credit credit--${status}`);
    card.setAttribute('part', `credit credit-${status} kind-${credit.kind}${expiring ? ' credit-expiring' : ''}`);
    if (credit.id) card.dataset.creditId = credit.id;
    const head = el('div', 'credit__head');
    const name = el('div', 'credit__name', credit.name);
    name.setAttribute('part', 'credit-name');
    name.setAttribute('role', 'heading');
    name.setAttribute('aria-level', '3');
    head.append(name);
    if (credit.kind !== 'credit') {
      const kind = el('span', 'credit__kind', 'Prepaid');
      kind.setAttribute('part', 'kind');
      head.append(kind);
    }
    const badges = el('span', 'credit__badges');
    spaced(
      badges,
      ...[
        usedNext.has(entry) && badge('next', 'Used next'),
        expiring && badge('expiring', 'Expiring soon'),
        badge(status, STATUS_LABELS[status]),
      ].filter(Boolean),
    );
    head.append(badges);
    const figures = el('p', 'credit__figures');
    const balance = el('span', 'credit__balance', amount(credit.balance, credit.creditType));
    balance.setAttribute('part', 'balance');
    const max = current?.amount ?? credit.granted;
    spaced(figures, balance, el('span', 'credit__granted', `left of ${amount(max, credit.creditType)} granted`));
    card.append(
      head,
      figures,
      el('p', 'credit__note', `${amount(credit.granted, credit.creditType)} granted in total, across every period`),
    );
    if (current) {
      const share = Math.min(1, credit.balance / (max || 1));
      const meter = el('div', 'meter');
      meter.setAttribute('part', 'meter');
      meter.setAttribute('role', 'meter');
      meter.setAttribute('aria-valuemin', '0');
      meter.setAttribute('aria-valuemax', '100');
      meter.setAttribute('aria-valuenow', String(Math.round(share * 100)));
      meter.setAttribute(
        'aria-valuetext',
        `\u2068${credit.name}\u2069: ${amount(credit.balance, credit.creditType)} of ${amount(max, credit.creditType)} remaining`,
      );
      meter.setAttribute('aria-label', credit.name);
      const fill = el('div', 'meter__fill');
      fill.style.setProperty('--_share', String(share));
      meter.append(fill);
      card.append(meter);
    }
    const later = credit.segments.filter((s) => s.startsAt > now).reduce((sum, s) => sum + s.amount, 0);
    const when = [
      current && `Expires ${relative.format(Math.round((current.endsBefore - now) / DAY_MS), 'day')}`,
      later && `+${amount(later, credit.creditType)} scheduled later`,
    ].filter(Boolean);
    if (when.length) card.append(el('p', 'credit__when', when.join(' · ')));
    if (drawNotes.has(entry)) card.append(el('p', 'credit__note', drawNotes.get(entry)));
    // The timeline: the bars as the stops of one gradient on the track, as the widget draws them, and the "now"
    // marker and its label placed along it.
    const from = credit.segments[0].startsAt.getTime();
    const to = credit.segments.at(-1).endsBefore.getTime();
    const at = (date) => (date - from) / (to - from);
    const statusOf = (s) => (now < s.startsAt ? 'upcoming' : now >= s.endsBefore ? 'expired' : 'active');
    const bars = credit.segments.map((s) => {
      const [start, end] = [`${at(s.startsAt) * 100}%`, `${at(s.endsBefore) * 100}%`];
      const status = statusOf(s);
      return `transparent 0 ${start}, var(--_bar-${status}) 0 ${status === 'active' ? end : `max(${start} + 2px, ${end} - 2px)`}`;
    });
    const timeline = el('div', 'timeline');
    timeline.setAttribute('aria-hidden', 'true');
    const track = el('div', 'timeline__track');
    track.style.setProperty('--_bars', `${bars.join(', ')}, transparent 0`);
    const nowAt = at(now);
    if (nowAt >= 0 && nowAt <= 1) {
      const labels = el('div', 'timeline__labels');
      const label = el('span', `timeline__now-label ${nowAt < 0.5 ? '' : 'timeline__now-label--before'}`, 'Now');
      label.style.setProperty('--_at', String(nowAt));
      labels.append(label);
      const marker = el('span', 'timeline__now');
      marker.style.setProperty('--_at', String(nowAt));
      track.append(marker);
      timeline.append(labels);
    }
    const axis = el('div', 'timeline__axis');
    spaced(axis, el('span', '', days.format(from)), el('span', '', days.format(new Date(to - 1))));
    timeline.append(track, axis);
    const schedule = el('details', 'schedule-toggle');
    schedule.open = credit.segments.length <= OPEN_SCHEDULE_MAX;
    schedule.append(el('summary', '', `Schedule · ${credit.segments.length} periods`));
    const rows = el('ol', 'schedule');
    rows.setAttribute('part', 'schedule');
    rows.setAttribute('aria-label', 'Schedule');
    for (const s of credit.segments) {
      const segmentStatus = statusOf(s);
      const row = el('li', `segment segment--${segmentStatus}`);
      row.setAttribute('part', `segment segment-${segmentStatus}`);
      if (s.id) row.dataset.segmentId = s.id;
      spaced(
        row,
        el('span', 'segment__amount', amount(s.amount, credit.creditType)),
        el('span', 'segment__dates', days.formatRange(s.startsAt, new Date(s.endsBefore - 1))),
        badge(segmentStatus, STATUS_LABELS[segmentStatus]),
      );
      rows.append(row);
    }
    schedule.append(rows);
    card.append(timeline, schedule);
    if (credit.invoices) {
      const invoices = el('details', 'invoices');
      invoices.setAttribute('part', 'invoices');
      invoices.append(el('summary', '', 'Invoice schedule'));
      const items = el('ol', 'invoices__items');
      for (const item of credit.invoices) {
        const row = el('li', 'invoices__item');
        row.setAttribute('part', 'instalment instalment-invoiced');
        const date = el('time', 'invoices__date', days.format(item.at));
        date.dateTime = new Date(item.at).toISOString();
        spaced(
          row,
          el('span', 'invoices__amount', amount(item.amount, credit.creditType)),
          date,
          el('span', 'invoices__status', 'Invoiced'),
        );
        items.append(row);
      }
      invoices.append(items);
      card.append(invoices);
    }
    list.append(card);
  }
  return root;
}
