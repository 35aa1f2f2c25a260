/**
 * What the companion accepts from a browser: bodies read within a size and a time limit, and the two list
 * calls rebuilt from their documented fields only, each checked for its type, for the signed-in customer.
 * Nothing the browser sent is forwarded as it came.
 */
import { parseTimestamp } from '../lib/view/dates.js';
import { HttpError } from './http.js';

/**
 * A stream's bytes, read no further than `maxBytes` (past it `tooLarge()` is thrown) and no longer than
 * `deadline` lets it (which rejects with its own error); either way the stream is cancelled, never buffered
 * beyond the limit. The stream's own failure is rethrown as it came.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
  deadline: Promise<never> = new Promise<never>(() => {}),
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body, read within `maxBytes` (with or without a `Content-Length`, chunked or not) and `timeoutMs`: past
 * the size `413`, past the time `408`, never buffered beyond the limit.
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, `The body is larger than ${maxBytes} bytes.`);
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(408, `The body did not arrive within ${timeoutMs / 1000} s.`)), timeoutMs);
  });
  try {
    return await readCapped(request.body, maxBytes, tooLarge, deadline);
  } catch (error) {
    throw error instanceof HttpError ? error : new HttpError(400, 'The body could not be read.');
  } finally {
    clearTimeout(timer);
  }
}

/** The body as a JSON object, nested no deeper than the list calls need. */
export function jsonObject(bytes: Uint8Array): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object.');
  // The calls' fields are values, or arrays of values: anything nested deeper is no field of theirs.
  const scalar = (value: unknown) => value === null || typeof value !== 'object';
  if (!Object.values(body).every((value) => scalar(value) || (Array.isArray(value) && value.every(scalar)))) {
    throw new HttpError(400, 'The body is nested deeper than the call allows.');
  }
  return body as Record<string, unknown>;
}

type Check = (value: unknown) => boolean;
const isBoolean: Check = (value) => typeof value === 'boolean';
const isString: Check = (value) => typeof value === 'string' && value.length > 0 && value.length <= 1024;
const isTimestamp: Check = (value) => parseTimestamp(value) !== undefined;
const isWhole =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isStrings: Check = (value) => Array.isArray(value) && value.length <= 100 && value.every(isString);

/** Every field "List credits" documents (the customer apart), with the type it must have. */
const CREDITS_FIELDS: Record<string, Check> = {
  include_balance: isBoolean,
  include_contract_credits: isBoolean,
  include_archived: isBoolean,
  include_ledgers: isBoolean,
  covering_date: isTimestamp,
  starting_at: isTimestamp,
  effective_before: isTimestamp,
  credit_id: isString,
  limit: isWhole(1, 25),
  next_page: isString,
};
const GRANTS_FIELDS: Record<string, Check> = {
  credit_type_ids: isStrings,
  effective_before: isTimestamp,
  not_expiring_before: isTimestamp,
};
const GRANTS_QUERY: Record<string, Check> = { limit: isWhole(1, 100), next_page: isString };

/** `fields`' entries of `input`, each checked: an unknown field or a wrong type is a `400`. */
function checked(input: Record<string, unknown>, fields: Record<string, Check>, what: string): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const check = fields[key];
    if (!check) throw new HttpError(400, `The ${what} "${key}" is not allowed here.`);
    if (!check(value)) throw new HttpError(400, `The ${what} "${key}" has the wrong type or is out of range.`);
    output[key] = value;
  }
  return output;
}

/** "List credits" for `customerId`: its body rebuilt from the checked fields. */
export function creditsCall(body: Record<string, unknown>, customerId: string): Record<string, unknown> {
  const { customer_id: named, ...rest } = body;
  if (named !== undefined && named !== customerId) {
    throw new HttpError(typeof named === 'string' ? 403 : 400, 'customer_id does not match the signed-in customer.');
  }
  return { customer_id: customerId, ...checked(rest, CREDITS_FIELDS, 'field') };
}

/** "List credit grants" for `customerId`: its body and query string rebuilt from the checked fields. */
export function grantsCall(
  body: Record<string, unknown>,
  search: string,
  customerId: string,
): { body: Record<string, unknown>; query: string } {
  const { customer_ids: named, credit_grant_ids: byId, ...rest } = body;
  if (byId !== undefined) throw new HttpError(400, 'The field "credit_grant_ids" is not allowed: grants are listed by customer only.');
  if (named !== undefined && !(Array.isArray(named) && named.length === 1 && named[0] === customerId)) {
    throw new HttpError(isStrings(named) ? 403 : 400, 'customer_ids may name only the signed-in customer.');
  }
  const params = new URLSearchParams(search);
  const entries = [...params];
  if (new Set(entries.map(([key]) => key)).size !== entries.length) throw new HttpError(400, 'A query parameter is repeated.');
  const raw = Object.fromEntries(entries.map(([key, value]) => [key, key === 'limit' && /^\d{1,3}$/.test(value) ? Number(value) : value]));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(checked(raw, GRANTS_QUERY, 'query parameter'))) query.set(key, String(value));
  return {
    body: { customer_ids: [customerId], ...checked(rest, GRANTS_FIELDS, 'field') },
    query: query.size ? `?${query}` : '',
  };
}
