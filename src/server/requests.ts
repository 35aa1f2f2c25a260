/**
 * What the companion accepts from a browser: bodies read within a size and a time limit, and each call of the
 * route table rebuilt from its documented fields only, each checked for its type, for the signed-in customer.
 * Nothing the browser sent is forwarded as it came.
 */
import { HttpError, readCapped } from './http.js';
import type { Check, Route } from './routes.js';

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
  return callBody(body);
}

/** A list call's body: a JSON object nested no deeper than the list calls need. */
export function callBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object.');
  // The calls' fields are values, or arrays of values: anything nested deeper is no field of theirs.
  const scalar = (value: unknown) => value === null || typeof value !== 'object';
  if (!Object.values(body).every((value) => scalar(value) || (Array.isArray(value) && value.every(scalar)))) {
    throw new HttpError(400, 'The body is nested deeper than the call allows.');
  }
  return body as Record<string, unknown>;
}

/**
 * `fields`' entries of `input`, each checked: an unknown field or a wrong type is a `400`. Only `fields`' own keys
 * are fields: `constructor`, `toString` or `__proto__`, which every object has through its prototype, are not.
 */
function checked(input: Record<string, unknown>, fields: Record<string, Check>, what: string): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!check) throw new HttpError(400, `The ${what} "${key}" is not allowed here.`);
    if (!check(value)) throw new HttpError(400, `The ${what} "${key}" has the wrong type or is out of range.`);
    output[key] = value;
  }
  return output;
}

/** A call as it goes to Metronome: its route, its body and its query string (`?…`, or empty). */
export interface ForwardedCall {
  route: Route;
  body: Record<string, unknown>;
  query: string;
}

/**
 * The call `route` describes, for `customerId`: its body and query string rebuilt from the checked fields, the
 * customer forced to the token's. Another customer named is a `403`; an unknown or ill-typed field a `400`.
 */
export function forwardedCall(route: Route, body: Record<string, unknown>, search: string, customerId: string): ForwardedCall {
  const { customer } = route;
  const { [customer.name]: named, ...rest } = body;
  for (const [field, why] of Object.entries(route.refused ?? {})) {
    if (rest[field] !== undefined) throw new HttpError(400, `The field "${field}" is not allowed: ${why}.`);
  }
  if (named !== undefined && JSON.stringify(named) !== JSON.stringify(customer.value(customerId))) {
    throw new HttpError(customer.wellFormed(named) ? 403 : 400, customer.refusal);
  }
  const entries = [...new URLSearchParams(search)];
  if (new Set(entries.map(([key]) => key)).size !== entries.length) throw new HttpError(400, 'A query parameter is repeated.');
  const query = new URLSearchParams(checked(Object.fromEntries(entries), route.query ?? {}, 'query parameter') as Record<string, string>);
  return {
    route,
    body: { [customer.name]: customer.value(customerId), ...checked(rest, route.body, 'field') },
    query: query.size ? `?${query}` : '',
  };
}
