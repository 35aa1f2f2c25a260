/** Guards for reading API JSON at the boundary, and Metronome's page envelope. */
import { parseTimestamp } from '../timestamp.js';
import { CreditBalanceError } from '../errors.js';

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

export const array = (value: unknown, path: string): unknown[] => (Array.isArray(value) ? value : fail(path, 'is not an array'));

export const string = (value: unknown, path: string): string => (typeof value === 'string' ? value : fail(path, 'is not a string'));

export const boolean = (value: unknown, path: string): boolean => (typeof value === 'boolean' ? value : fail(path, 'is not a boolean'));

export const number = (value: unknown, path: string): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'is not a finite number');

export const timestamp = (value: unknown, path: string): Date => parseTimestamp(value) ?? fail(path, 'is not an RFC 3339 timestamp');

/** The period `[start, end)` read from two timestamp fields of `record`; an end before the start is refused. */
export function period(record: Json, path: string, startField: string, endField: string): { startsAt: Date; endsBefore: Date } {
  const startsAt = timestamp(record[startField], `${path}.${startField}`);
  const endsBefore = timestamp(record[endField], `${path}.${endField}`);
  return endsBefore < startsAt ? fail(path, 'ends before it starts') : { startsAt, endsBefore };
}

/** A value equal to one of `values` (an SDK enum, such as a credit's `type: 'CREDIT'`). */
export const oneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown, path: string): T =>
    values.includes(value as T) ? (value as T) : fail(path, `is not ${values.map((v) => `"${v}"`).join(' or ')}`);

/** An object whose every value is a string (`custom_fields`). */
export const stringRecord = (value: unknown, path: string): Record<string, string> => {
  const record = object(value, path);
  for (const [key, item] of Object.entries(record)) string(item, `${path}.${key}`);
  return record as Record<string, string>;
};

type Read<T> = (value: unknown, path: string) => T;

/** A field the SDK marks optional (`field?: T`): it may be absent, and otherwise must satisfy `read`. */
export const optional = <T>(value: unknown, path: string, read: Read<T>): T | undefined =>
  value === undefined ? undefined : read(value, path);

/** A field the SDK marks optional and nullable (`field?: T | null`): absent and `null` both read as absent. */
export const nullable = <T>(value: unknown, path: string, read: Read<T>): T | undefined =>
  value === null ? undefined : optional(value, path, read);

/** `{ data: [...], next_page }`, Metronome's page envelope; an empty cursor means the last page. */
export function page(json: unknown): { data: unknown[]; nextPage: string | null } {
  const body = object(json, 'the response');
  const data = array(body.data, 'data');
  const next = nullable(body.next_page, 'next_page', string);
  return { data, nextPage: next ? next : null };
}
