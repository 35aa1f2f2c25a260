/** RFC 3339 timestamps, read as strictly as Metronome writes them: by the widget's sources and the companion alike. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * Parses an RFC 3339 timestamp (`Z` or an offset, with or without fractions); `undefined` when it is not one.
 * Every field must be a real one: `2026-02-30`, `T24:00`, year `0000` or an offset past 23:59 are not dates.
 */
export function parseTimestamp(value: unknown): Date | undefined {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', digits, , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  local.setUTCFullYear(y); // years 0–99 are not 1900–1999
  const roundTrips =
    y >= 1 &&
    local.getUTCFullYear() === y &&
    local.getUTCMonth() === mo - 1 &&
    local.getUTCDate() === d &&
    local.getUTCHours() === h &&
    local.getUTCMinutes() === mi &&
    local.getUTCSeconds() === s;
  if (!roundTrips || Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
  // `Z` has no sign; an offset has one.
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  return new Date(local.getTime() - offset * 60_000 + fraction(digits));
}

/** The milliseconds of a fraction of a second (`.5` → 500), as `Date` reads them. */
const fraction = (digits: string | undefined) => (digits ? Math.floor(Number(`0${digits}`) * 1000) : 0);
