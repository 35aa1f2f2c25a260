/** Dates, ranges and relative times worded in one locale and time zone (date-fns lives here). */
import { differenceInHours } from 'date-fns/differenceInHours';
import { differenceInMinutes } from 'date-fns/differenceInMinutes';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { subMilliseconds } from 'date-fns/subMilliseconds';
import { memo } from '../tuple-map.js';
import type { Translator } from './messages.js';

/** The wording of a range whose end is exclusive: whole days read as "through the last day", other ends as "before". */
export type RangeWording = { kind: 'days'; range: string } | { kind: 'instants'; start: string; endBefore: string };

/** Formats dates in one locale and time zone, caching the `Intl` formatters. */
export class DateFormat {
  readonly #day: Intl.DateTimeFormat;
  readonly #dateTime: Intl.DateTimeFormat;
  readonly #clock: Intl.DateTimeFormat;
  readonly #relative: Intl.RelativeTimeFormat;

  constructor(
    readonly locale: string,
    readonly timeZone: string,
  ) {
    this.#day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
    this.#dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    this.#clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    this.#relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  readonly #dayOf = memo((time: number) => this.#day.format(time));
  readonly #dateTimeOf = memo((time: number) => this.#dateTime.format(time));
  readonly #midnight = memo((time: number) =>
    this.timeZone === 'UTC' ? time % 86_400_000 === 0 : this.#clock.format(time) === '00:00:00' && time % 1000 === 0,
  );
  readonly #ranges = memo((start: number, endBefore: number): RangeWording => {
    if (this.#midnight(start) && this.#midnight(endBefore) && endBefore > start) {
      return { kind: 'days', range: this.#day.formatRange(start, subMilliseconds(endBefore, 1)) };
    }
    return { kind: 'instants', start: this.#dateTimeOf(start), endBefore: this.#dateTimeOf(endBefore) };
  });

  day(date: Date): string {
    return this.#dayOf(date.getTime());
  }

  /** Whether every one of `dates` is a midnight in this zone: a range of them reads as whole days. */
  midnights(dates: readonly Date[]): boolean {
    return dates.every((date) => this.#midnight(date.getTime()));
  }

  /** The same locale in UTC, Metronome's billing zone (this one, when it is UTC). */
  get utc(): DateFormat {
    this.#utc ??= this.timeZone === 'UTC' ? this : new DateFormat(this.locale, 'UTC');
    return this.#utc;
  }

  #utc: DateFormat | undefined;

  dateTime(date: Date): string {
    return this.#dateTimeOf(date.getTime());
  }

  /** The last day before an exclusive end: a midnight end belongs to the day before it. */
  lastDayBefore(endBefore: Date): string {
    return this.#midnight(endBefore.getTime()) ? this.#dayOf(endBefore.getTime() - 1) : this.dateTime(endBefore);
  }

  /**
   * `[start, endBefore)` in words. When both ends are midnights in the zone, the range is shown as whole days
   * ending on the last usable day ("Jan 1 – 31, 2026"); otherwise the end is an instant that is not included.
   */
  range(start: Date, endBefore: Date): RangeWording {
    return this.#ranges(start.getTime(), endBefore.getTime());
  }

  /** "in 3 days", "tomorrow", "in 11 months", "in 3 years", "5 hours ago": the largest sensible unit. */
  relative(date: Date, now: Date): string {
    const minutes = differenceInMinutes(date, now);
    if (Math.abs(minutes) < 60) return this.#relative.format(minutes, 'minute');
    const hours = differenceInHours(date, now);
    if (Math.abs(hours) < 24) return this.#relative.format(hours, 'hour');
    const months = differenceInMonths(date, now);
    if (Math.abs(months) < 2) return this.#relative.format(Math.round(hours / 24), 'day');
    // Up to a year and a half in months: "in 1 year" would read as "next year", which can be the wrong one.
    if (Math.abs(months) < 18) return this.#relative.format(months, 'month');
    return this.#relative.format(Math.round(months / 12), 'year');
  }
}

/** A period `[start, endBefore)` in words: whole days through the last one, otherwise "… – before …". */
export function periodText(start: Date, endBefore: Date, { i18n, dates }: { i18n: Translator; dates: DateFormat }): string {
  const range = dates.range(start, endBefore);
  return range.kind === 'days' ? range.range : i18n.t('rangeInstants', { start: range.start, end: range.endBefore });
}
