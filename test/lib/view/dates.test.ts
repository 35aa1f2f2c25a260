import { expect } from '@open-wc/testing';
import { DateFormat } from '../../../src/lib/view/dates.js';
import { parseTimestamp } from '../../../src/lib/timestamp.js';

const d = (iso: string) => new Date(iso);
const clean = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('dates', () => {
  describe('parseTimestamp', () => {
    const cases: { value: unknown; iso?: string }[] = [
      { value: '2026-02-01T00:00:00.000Z', iso: '2026-02-01T00:00:00.000Z' },
      { value: '2024-09-01T00:00:00+00:00', iso: '2024-09-01T00:00:00.000Z' },
      { value: '2024-09-01T02:00:00+02:00', iso: '2024-09-01T00:00:00.000Z' },
      { value: '2024-09-01T00:00Z', iso: '2024-09-01T00:00:00.000Z' },
      { value: '2024-09-01' },
      { value: 'yesterday' },
      { value: '2024-13-45T00:00:00Z' },
      { value: 1_700_000_000_000 },
      { value: null },
    ];
    for (const c of cases) {
      it(`${JSON.stringify(c.value)} → ${c.iso ?? 'rejected'}`, () => {
        expect(parseTimestamp(c.value)?.toISOString()).to.equal(c.iso);
      });
    }
  });

  describe('range (ending_before is exclusive)', () => {
    const cases = [
      {
        name: 'a UTC month reads as its days, through the last one',
        zone: 'UTC',
        start: '2026-01-01T00:00:00Z',
        end: '2026-02-01T00:00:00Z',
        text: 'Jan 1 – 31, 2026',
      },
      {
        name: 'a one-day segment reads as that day',
        zone: 'UTC',
        start: '2026-03-10T00:00:00Z',
        end: '2026-03-11T00:00:00Z',
        text: 'Mar 10, 2026',
      },
      {
        name: 'a year crossing keeps both years',
        zone: 'UTC',
        start: '2025-12-01T00:00:00Z',
        end: '2026-01-01T00:00:00Z',
        text: 'Dec 1 – 31, 2025',
      },
      {
        name: 'UTC midnights seen from New York are instants, the end marked as excluded',
        zone: 'America/New_York',
        start: '2026-01-01T00:00:00Z',
        end: '2026-02-01T00:00:00Z',
        text: 'Dec 31, 2025, 7:00 PM – before Jan 31, 2026, 7:00 PM',
      },
      {
        name: 'New York midnights across the DST change read as days',
        zone: 'America/New_York',
        start: '2026-03-01T05:00:00Z',
        end: '2026-04-01T04:00:00Z',
        text: 'Mar 1 – 31, 2026',
      },
      {
        // The browser runs in New York: a range judged in its zone instead of the widget's would read otherwise.
        name: 'Tokyo midnights read as days in Tokyo, whatever the browser’s zone',
        zone: 'Asia/Tokyo',
        start: '2026-01-31T15:00:00Z',
        end: '2026-02-28T15:00:00Z',
        text: 'Feb 1 – 28, 2026',
      },
      {
        name: 'UTC midnights seen from Berlin are instants, the end marked as excluded',
        zone: 'Europe/Berlin',
        start: '2026-01-01T00:00:00Z',
        end: '2026-02-01T00:00:00Z',
        text: 'Jan 1, 2026, 1:00 AM – before Feb 1, 2026, 1:00 AM',
      },
      {
        name: 'an hour-aligned end is an instant not included',
        zone: 'UTC',
        start: '2026-01-01T00:00:00Z',
        end: '2026-01-15T15:00:00Z',
        text: 'Jan 1, 2026, 12:00 AM – before Jan 15, 2026, 3:00 PM',
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const range = new DateFormat('en-US', c.zone).range(d(c.start), d(c.end));
        const text = range.kind === 'days' ? range.range : `${range.start} – before ${range.endBefore}`;
        expect(clean(text)).to.equal(c.text);
      });
    }
  });

  describe('relative', () => {
    const now = d('2026-06-15T12:00:00Z');
    const cases = [
      { at: '2026-06-15T12:30:00Z', text: 'in 30 minutes' },
      { at: '2026-06-15T17:00:00Z', text: 'in 5 hours' },
      { at: '2026-06-16T12:00:00Z', text: 'tomorrow' },
      { at: '2026-06-25T12:00:00Z', text: 'in 10 days' },
      { at: '2026-06-05T12:00:00Z', text: '10 days ago' },
      { at: '2026-10-15T12:00:00Z', text: 'in 4 months' },
      { at: '2027-05-20T12:00:00Z', text: 'in 11 months' },
      // Up to a year and a half in months, so "next year" never names the wrong year.
      { at: '2027-11-20T12:00:00Z', text: 'in 17 months' },
      { at: '2027-12-20T12:00:00Z', text: 'in 2 years' },
      { at: '2098-11-15T12:00:00Z', text: 'in 72 years' },
      { at: '2023-06-10T12:00:00Z', text: '3 years ago' },
    ];
    for (const c of cases) {
      it(`${c.at} → ${c.text}`, () => {
        expect(new DateFormat('en-US', 'UTC').relative(d(c.at), now)).to.equal(c.text);
      });
    }
  });

  it('switches to years in every shipped language', () => {
    const far = d('2029-06-20T12:00:00Z');
    const expected = {
      'en-US': 'in 3 years',
      'de-DE': 'in 3 Jahren',
      'fr-FR': 'dans 3 ans',
      'es-ES': 'dentro de 3 años',
      'ja-JP': '3 年後',
    };
    for (const [locale, text] of Object.entries(expected)) {
      expect(new DateFormat(locale, 'UTC').relative(far, d('2026-06-15T12:00:00Z')), locale).to.equal(text);
    }
  });

  it('formats days in the configured zone, not the browser one', () => {
    // 03:00 UTC is still the previous day in New York (the browser's pinned zone).
    expect(new DateFormat('en-US', 'UTC').day(d('2026-05-01T03:00:00Z'))).to.equal('May 1, 2026');
    expect(new DateFormat('en-US', 'Asia/Tokyo').day(d('2026-04-30T20:00:00Z'))).to.equal('May 1, 2026');
  });
});
