/** POSTing JSON the way Metronome's own client does: retries with backoff, `Retry-After`, per-attempt time limits. */
import { abortReason, isAbortError } from '../abort.js';
import { CreditBalanceError } from '../errors.js';
import { ATTEMPT_TIMEOUT_MS } from '../metronome.js';

/** What the HTTP layer needs from the outside world, so tests can pass their own. */
export interface HttpDeps {
  fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** A number in [0, 1). */
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A signal that aborts `ms` from now: each attempt's time limit (`AbortSignal.timeout` in browsers). */
  deadline: (ms: number) => AbortSignal;
}

export interface RetryPolicy {
  /** Retries after the first attempt (Metronome's SDK: 2). */
  maxRetries: number;
  /** Per attempt. */
  timeoutMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is reported instead. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  timeoutMs: ATTEMPT_TIMEOUT_MS,
  maxRetryAfterMs: 30_000,
};

export interface JsonRequest {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /** Ask past every cache on the way (the companion's included): the answer of now. Retries always do. */
  fresh?: boolean;
}

/** Whether Metronome's own client would retry this status (x-should-retry wins). */
export function isRetryableStatus(status: number, shouldRetryHeader: string | null): boolean {
  if (shouldRetryHeader === 'true') return true;
  if (shouldRetryHeader === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The delay a response asks for, in ms: `retry-after-ms`, else `Retry-After` as seconds or an HTTP date.
 * `undefined` when neither header says anything usable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff as in Metronome's SDK: 0.5 s × 2ⁿ, capped at 8 s, minus up to 25 % jitter. */
export const backoffMs = (retryIndex: number, random: number): number => Math.min(500 * 2 ** retryIndex, 8000) * (1 - random * 0.25);

/**
 * POSTs JSON and returns the parsed JSON of a 2xx answer, retrying connection errors, timeouts,
 * 408, 409, 429 and 5xx with backoff. Throws {@link CreditBalanceError}; rethrows the caller's abort.
 */
export async function postJson(
  request: JsonRequest,
  signal: AbortSignal,
  deps: HttpDeps,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < policy.maxRetries;
    let failure: CreditBalanceError;
    let delay: number | undefined;
    const timeout = deps.deadline(policy.timeoutMs);
    try {
      const response = await deps.fetch(request.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
        body: JSON.stringify(request.body),
        credentials: request.credentials ?? 'same-origin',
        // The browser then sends `Cache-Control: no-cache` itself, which needs no CORS preflight of its own.
        cache: request.fresh || attempt ? 'reload' : 'default',
        signal: AbortSignal.any([signal, timeout]),
      });
      const text = await response.text();
      if (response.ok) {
        try {
          return JSON.parse(text);
        } catch {
          failure = new CreditBalanceError('invalid-response', `The answer from ${request.url} is not JSON.`);
          // An empty body, or JSON that stops short, is what WebKit hands over when the connection is cut
          // mid-answer (Chromium and Firefox report a network error): retried like one. Anything else (an
          // HTML page, say) is not JSON at all, and asking again will not change it.
          if (!/^\s*(?:[[{]|$)/.test(text) || !canRetry) throw failure;
        }
      } else {
        failure = new CreditBalanceError(response.status === 401 ? 'auth' : 'http', describeStatus(response.status, text), response.status);
        if (!isRetryableStatus(response.status, response.headers.get('x-should-retry')) || !canRetry) throw failure;
        delay = retryAfterMs(response.headers, deps.now());
        if (delay !== undefined && delay > policy.maxRetryAfterMs) {
          throw new CreditBalanceError(
            'http',
            `${failure.message} The server asked to wait ${Math.ceil(delay / 1000)} s before trying again.`,
            response.status,
          );
        }
      }
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (error instanceof CreditBalanceError) throw error;
      failure = timeout.aborted
        ? new CreditBalanceError('timeout', `No answer from ${request.url} within ${policy.timeoutMs / 1000} s.`)
        : new CreditBalanceError('network', `Could not reach ${request.url}${isAbortError(error) ? '' : `: ${String(error)}`}`);
      if (!canRetry) throw failure;
    }
    await deps.sleep(delay ?? backoffMs(attempt, deps.random()), signal);
  }
}

/** "HTTP 404: <Metronome's message>", the message cut short and kept as plain text. */
function describeStatus(status: number, text: string): string {
  let detail = '';
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      detail = body.message.length > 200 ? `${body.message.slice(0, 200)}…` : body.message;
    }
  } catch {
    // Not JSON (an HTML error page, say): the status says enough.
  }
  return detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
}
