import { parseTimestamp } from '../dates.js';
import { CreditBalanceError } from './errors.js';

/**
 * Guards for reading API JSON: each returns the typed value or throws an `invalid-response` error
 * naming the path of the bad field. Unknown fields are ignored.
 */
export type Json = Record<string, unknown>;

const fail = (path: string, what: string): never => {
  throw new CreditBalanceError('invalid-response', `Unexpected API response: ${path} ${what}.`);
};

export const object = (value: unknown, path: string): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : fail(path, 'is not an object');

export const array = (value: unknown, path: string): unknown[] =>
  Array.isArray(value) ? value : fail(path, 'is not an array');

export const string = (value: unknown, path: string): string =>
  typeof value === 'string' ? value : fail(path, 'is not a string');

export const number = (value: unknown, path: string): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'is not a finite number');

export const timestamp = (value: unknown, path: string): Date => parseTimestamp(value) ?? fail(path, 'is not an RFC 3339 timestamp');

/** The period `[start, end)` read from two timestamp fields of `record`; an end before the start is refused. */
export function period(record: Json, path: string, startField: string, endField: string): { startsAt: Date; endsBefore: Date } {
  const startsAt = timestamp(record[startField], `${path}.${startField}`);
  const endsBefore = timestamp(record[endField], `${path}.${endField}`);
  return endsBefore < startsAt ? fail(path, 'ends before it starts') : { startsAt, endsBefore };
}

/** An optional field: `undefined` (and `null`) pass, anything else must satisfy `read`. */
export const optional = <T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined =>
  value === undefined || value === null ? undefined : read(value, path);

/** `{ data: [...], next_page }`, Metronome's page envelope; an empty cursor means the last page. */
export function page(json: unknown): { data: unknown[]; nextPage: string | null } {
  const body = object(json, 'the response');
  const data = array(body.data, 'data');
  const next = optional(body.next_page, 'next_page', string);
  return { data, nextPage: next ? next : null };
}
