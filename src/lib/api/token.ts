/** The token endpoint's answer checked, and the token cache every widget shares: one request in flight, refresh before expiry. */
import { abortable } from '../abort.js';
import { TupleMap } from '../tuple-map.js';
import { CreditBalanceError } from '../errors.js';

/** What the host's token endpoint (or `tokenProvider`) answers. */
export interface TokenResponse {
  token: string;
  /** RFC 3339; wins over `expires_in`. */
  expires_at?: string;
  /** Seconds from now. */
  expires_in?: number;
  /** Wins over the `customer-id` attribute. */
  customer_id?: string;
  /** Base URL for the API calls. */
  api_base?: string;
  /** The answer to the list call the widget sent as `first_page` ({@link FirstPage}), with that call. */
  first_page?: AnsweredPage;
}

/**
 * A list call (its path under the API base, and its body) the widget asks the token endpoint to answer beside the
 * token, so that its first page arrives in the token's round trip.
 */
export interface FirstPage {
  path: string;
  body: unknown;
}

/** A {@link FirstPage} answered with the token: the call as the widget sent it, and the list's answer. */
export interface AnsweredPage extends FirstPage {
  answer: unknown;
}

/** A usable token, held in memory only. */
export interface Token {
  readonly value: string;
  readonly expiresAt: number;
  /** When to fetch a new one rather than reuse this one. */
  readonly refreshAt: number;
  readonly customerId?: string;
  readonly apiBase?: string;
}

/** Refresh a token when this share of its lifetime is left, but never later than 30 s before it expires. */
const REFRESH_SHARE = 0.2;
const REFRESH_MARGIN_MS = 30_000;

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Checks a token answer; anything unusable is a `token` error that says what is wrong. */
export function parseTokenResponse(json: unknown, now: number): Token {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new CreditBalanceError('token', 'The token endpoint did not answer with a JSON object.');
  }
  const body = json as Record<string, unknown>;
  if (!nonEmptyString(body.token)) {
    throw new CreditBalanceError('token', 'The token endpoint answered without a "token".');
  }
  let expiresAt: number;
  if (body.expires_at !== undefined) {
    expiresAt = typeof body.expires_at === 'string' ? Date.parse(body.expires_at) : Number.NaN;
    if (Number.isNaN(expiresAt)) {
      throw new CreditBalanceError('token', 'The token endpoint answered with an "expires_at" that is not a date.');
    }
  } else if (typeof body.expires_in === 'number' && Number.isFinite(body.expires_in)) {
    expiresAt = now + body.expires_in * 1000;
  } else {
    throw new CreditBalanceError('token', 'The token endpoint answered without "expires_at" or "expires_in".');
  }
  if (expiresAt <= now) {
    throw new CreditBalanceError('token', 'The token endpoint answered with a token that has already expired (check the server clock).');
  }
  for (const key of ['customer_id', 'api_base'] as const) {
    if (body[key] !== undefined && body[key] !== null && !nonEmptyString(body[key])) {
      throw new CreditBalanceError('token', `The token endpoint answered with an invalid "${key}".`);
    }
  }
  const lifetime = expiresAt - now;
  return {
    value: body.token,
    expiresAt,
    refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime * REFRESH_SHARE),
    ...(nonEmptyString(body.customer_id) && { customerId: body.customer_id }),
    ...(nonEmptyString(body.api_base) && { apiBase: body.api_base }),
  };
}

/**
 * One cached token and at most one token request in flight per key (`[token source, customer]`), for every
 * widget that asks. A token is reused until its refresh time and dropped after a `401`.
 */
export class TokenCache {
  readonly #entries = new TupleMap<readonly unknown[], Promise<Token>>();

  constructor(private readonly now: () => number) {}

  /** The cached token for `key`, or a new one from `fetchToken` (shared by everyone asking meanwhile). */
  async get(key: readonly unknown[], fetchToken: () => Promise<unknown>, signal: AbortSignal): Promise<Token> {
    let entry = this.#entries.get(key);
    if (entry) {
      const token = await abortable(entry, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return undefined; // a failed request is not cached: ask again below
      });
      if (token && token.refreshAt > this.now()) return token;
      if (this.#entries.get(key) !== entry) return this.get(key, fetchToken, signal);
    }
    entry = fetchToken().then((json) => parseTokenResponse(json, this.now()));
    this.#entries.set(key, entry);
    entry.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return abortable(entry, signal);
  }

  /** Forgets `token` after the API refused it, unless a newer token already replaced it. */
  async invalidate(key: readonly unknown[], token: Token): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry && (await entry.catch(() => undefined)) === token && this.#entries.get(key) === entry) {
      this.#entries.delete(key);
    }
  }
}
