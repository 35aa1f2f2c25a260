/**
 * Metronome's side: each checked call forwarded with the key, within the customer's limits, its answer read
 * within a time and a size bound, and nothing passed back but the body and the headers the widget needs.
 */
import { type CustomerLimits, type LimitStore, takeOrRefuse } from './limits.js';
import { HttpError, readCapped } from './http.js';
import type { ForwardedCall } from './requests.js';

/** Headers of Metronome's answer that the widget needs (retry timing); nothing else is passed on. */
export const FORWARDED_HEADERS = ['retry-after', 'retry-after-ms', 'x-should-retry', 'x-metronome-rate-limit-type'];

/**
 * Metronome's answer to one forwarded call, as data: what a response cache keeps (keyed by the customer and the
 * call), and what {@link answerResponse} turns into the browser's answer.
 */
export interface UpstreamAnswer {
  status: number;
  /** Only {@link FORWARDED_HEADERS}. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** An error answer's own body, for the companion's log only: the browser gets the status and a short message. */
  upstreamError?: string;
}

/** How much of an error answer's body the log keeps. */
const LOGGED_ERROR_CHARS = 500;

export interface UpstreamOptions {
  upstreamBase: string;
  metronomeToken: string;
  upstreamTimeoutMs: number;
  maxUpstreamBytes: number;
  fetch: typeof fetch;
  limits: Required<CustomerLimits>;
  store: LimitStore;
}

export function metronome(options: UpstreamOptions) {
  const { upstreamBase, metronomeToken, upstreamTimeoutMs, maxUpstreamBytes, limits, store } = options;

  /** One call to Metronome for `customerId`, within the customer's limits. */
  async function limited<T>(customerId: string, call: () => Promise<T>): Promise<T> {
    await takeOrRefuse(store, customerId, limits.burst, limits.perSecond, 'Too many calls for this customer: try again shortly.');
    const release = await store.acquire(customerId, limits.maxInFlight, upstreamTimeoutMs + 5_000);
    if (!release) throw new HttpError(429, 'Too many calls in flight for this customer.', { 'retry-after': '1' });
    try {
      return await call();
    } finally {
      await release();
    }
  }

  /**
   * Forwards a checked call with the key: the whole answer within `upstreamTimeoutMs` (`504` past it) and
   * `maxUpstreamBytes` (`502`), no redirect followed, and abandoned as soon as the browser leaves.
   */
  async function forward({ route, query, body }: ForwardedCall, client: AbortSignal): Promise<UpstreamAnswer> {
    const timeout = AbortSignal.timeout(upstreamTimeoutMs);
    const signal = AbortSignal.any([client, timeout]);
    const failed = (cutOff: string) =>
      timeout.aborted
        ? new HttpError(504, `Metronome did not answer within ${upstreamTimeoutMs / 1000} s.`)
        : new HttpError(502, client.aborted ? 'The browser left.' : cutOff);
    let response: Response;
    try {
      response = await options.fetch(`${upstreamBase}${route.path}${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${metronomeToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal,
      });
    } catch {
      throw failed('Metronome could not be reached.');
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => {});
      throw new HttpError(502, 'Metronome answered with a redirect, which is not followed.');
    }
    if (response.status === 401 || response.status === 403) {
      // The server's own key was refused: not the widget's token, so not a 401 for the browser to act on.
      await response.body?.cancel().catch(() => {});
      throw new HttpError(502, 'Metronome refused the server’s API key.');
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(
        response.body,
        maxUpstreamBytes,
        () => new HttpError(502, `Metronome’s answer is larger than ${maxUpstreamBytes} bytes.`),
      );
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw failed('Metronome’s answer was cut off.');
    }
    if (!bytes.byteLength) throw new HttpError(502, `Metronome answered with no body (HTTP ${response.status}).`);
    if (response.status < 400) return { status: response.status, headers, body: route.answer ? answerPart(route.answer, bytes) : bytes };
    // An error body may hold what is meant for the organization (an internal id, the request echoed): it goes to
    // the log; the end customer's browser gets the status, the retry headers and a short message.
    const message = `Metronome answered with an error (HTTP ${response.status}).`;
    return {
      status: response.status,
      headers,
      body: new TextEncoder().encode(JSON.stringify({ message })),
      upstreamError: new TextDecoder().decode(bytes).slice(0, LOGGED_ERROR_CHARS),
    };
  }

  /** Forwards `call` for `customerId`, within the customer's limits. */
  return (customerId: string, call: ForwardedCall, client: AbortSignal): Promise<UpstreamAnswer> =>
    limited(customerId, () => forward(call, client));
}

/** The part of a successful answer a route passes back (`Route.answer`); an answer that is not JSON is a `502`. */
function answerPart(part: (json: unknown) => unknown, bytes: Uint8Array): Uint8Array {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HttpError(502, 'Metronome’s answer is not JSON.');
  }
  return new TextEncoder().encode(JSON.stringify(part(json)));
}

/**
 * The browser's answer for Metronome's: its status, its body and the headers the widget needs. `cacheControl`
 * says how long a browser may keep it: by default not at all (`no-store`), the answer being one customer's.
 */
export const answerResponse = (answer: UpstreamAnswer, cacheControl = 'no-store'): Response =>
  new Response(answer.body as BodyInit, {
    status: answer.status,
    headers: { 'content-type': 'application/json', 'cache-control': cacheControl, ...answer.headers },
  });
