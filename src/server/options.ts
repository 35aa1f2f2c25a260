/**
 * The companion's options, checked once and with their defaults filled in: every bound the handler keeps is
 * here, with the rule a value must meet. A value that breaks one throws a {@link ConfigError} naming it.
 */
import { ATTEMPT_TIMEOUT_MS, METRONOME_API_BASE } from '../lib/metronome.js';
import { type AnswerCacheOptions, type AnswerStore, type CacheOutcome, answerCache } from './answers.js';
import { type ClientAddressOptions, clientOf } from './clients.js';
import { checkedTimer, checkedUrl, configError } from './config.js';
import { platformFetch } from './http.js';
import { type Authorize, type HostJwtOptions, type SessionCheckOptions, hostJwtAuthorize, sessionCheckAuthorize } from './identity.js';
import { type CustomerLimits, DEFAULT_LIMITS, type LimitStore, memoryStore } from './limits.js';
import { DEFAULT_TOKEN_TTL_SECONDS } from './tokens.js';

export interface CreditBalanceHandlerOptions extends ClientAddressOptions {
  /** The Metronome API key (bearer token). Secret: server only. */
  metronomeToken: string;
  /** The key that signs the widget's tokens: at least 32 bytes. */
  signingSecret: string | Uint8Array;
  /**
   * The host's own session check: which customer may the caller see? `null` refuses with `401`.
   * The widget's token request body is `{"customer_id": …}` (or `{}`), readable here if useful; `client` is the
   * caller's client address, where known (see `trustedProxies`). Give exactly one of `authorize`, `hostJwt` and
   * `sessionCheck`.
   */
  authorize?: (...args: Parameters<Authorize>) => ReturnType<Authorize> | Awaited<ReturnType<Authorize>>;
  /** Sign in whoever presents a valid JWT of the host's (its identity provider's, or its own). */
  hostJwt?: HostJwtOptions;
  /** Sign in whoever the host's session check URL names for the browser's cookies. */
  sessionCheck?: SessionCheckOptions;
  /** Default `https://api.metronome.com`. */
  metronomeBaseUrl?: string;
  /** Where the handler answers; default `/api/credit-balance`. */
  basePath?: string;
  /** Token lifetime in seconds, 10–3600; default 300. */
  tokenTtlSeconds?: number;
  /** Origins allowed to call from another origin (CORS, preflight included). Same-origin needs nothing. */
  allowedOrigins?: string[];
  /**
   * How long to wait for Metronome's whole answer, in ms; default 15 000. It must be shorter than the widget's
   * 20 s per attempt, so a retry never stacks a second upstream call on a live one.
   */
  upstreamTimeoutMs?: number;
  /** The largest answer taken from Metronome, in bytes; default 16 MiB. A larger one is a `502`. */
  maxUpstreamBytes?: number;
  /** How long a request body may take to arrive, in ms; default 10 000 (then `408`). */
  bodyTimeoutMs?: number;
  /** Per-customer limits on calls to Metronome; see {@link DEFAULT_LIMITS}. Past one: `429` with `Retry-After`. */
  limits?: CustomerLimits;
  /**
   * Where the limits count, and where Metronome's answers are kept: this process by default; `redisStore()` from
   * `credit-balance/server/redis` for replicas, which then share both.
   */
  store?: LimitStore | (LimitStore & AnswerStore);
  /**
   * Metronome's answers kept per customer and per exact call, so that page views within `ttlMs` cost Metronome
   * nothing (see {@link AnswerCacheOptions}); `{ ttlMs: 0 }` turns it off. The widget's `refresh()` and its retries
   * ask past it (`Cache-Control: no-cache`).
   */
  cache?: AnswerCacheOptions;
  /** The `fetch` used to reach Metronome (a custom agent, or a test double). */
  fetch?: typeof fetch;
  /** Told of every request once it is answered: for an access log (it never sees a token or the key). */
  onResponse?: (entry: RequestLogEntry) => void;
}

/** One answered request, as `onResponse` hears of it. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** The customer the request was for, once known (signed in, or named by its token). */
  customerId?: string;
  /**
   * Metronome's own error body (its first 500 characters), which the browser is not given: a list call's, or that
   * of the first page a token request asked for.
   */
  upstreamError?: string;
  /**
   * For a list call, and a token request that asked for its first page: whether the answer was kept (`hit`,
   * `stale`), fetched (`miss`, `bypass`), or not cached (`off`).
   */
  cache?: CacheOutcome;
}

/** The origin of `url`, or undefined when it is not a URL. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** What {@link CreditBalanceHandlerOptions} leaves unset reads as this (and `--help` says so). */
export const HANDLER_DEFAULTS = {
  metronomeBaseUrl: METRONOME_API_BASE,
  basePath: '/api/credit-balance',
  tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS,
  upstreamTimeoutMs: 15_000,
  maxUpstreamBytes: 16 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
};

export type CheckedOptions = ReturnType<typeof checkOptions>;

export function checkOptions(options: CreditBalanceHandlerOptions) {
  const { metronomeToken } = options;
  if (typeof metronomeToken !== 'string' || !metronomeToken.trim()) configError('metronomeToken', 'is missing.');
  const ways = [options.authorize, options.hostJwt, options.sessionCheck].filter((way) => way !== undefined);
  if (ways.length !== 1) {
    configError(['authorize', 'hostJwt', 'sessionCheck'], 'is needed, exactly one: how the signed-in customer is known.');
  }
  if (options.authorize !== undefined && typeof options.authorize !== 'function') {
    configError('authorize', 'must be a function that names the signed-in customer.');
  }
  const secret = typeof options.signingSecret === 'string' ? new TextEncoder().encode(options.signingSecret) : options.signingSecret;
  if (!(secret instanceof Uint8Array) || secret.byteLength < 32) {
    configError('signingSecret', 'must be at least 32 bytes (for example `openssl rand -base64 32`).');
  }
  const basePath = (options.basePath ?? HANDLER_DEFAULTS.basePath).replace(/\/+$/, '');
  if (!basePath.startsWith('/')) configError('basePath', `must start with "/" (got "${options.basePath}").`);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? HANDLER_DEFAULTS.tokenTtlSeconds;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 10 || tokenTtlSeconds > 3600) {
    configError('tokenTtlSeconds', 'must be a whole number from 10 to 3600.');
  }
  // A session check keeps its answers as long as a token lives, unless told otherwise.
  const authorize: NonNullable<CreditBalanceHandlerOptions['authorize']> =
    options.authorize ??
    (options.hostJwt
      ? hostJwtAuthorize(options.hostJwt)
      : sessionCheckAuthorize({ ...options.sessionCheck!, cacheSeconds: options.sessionCheck!.cacheSeconds ?? tokenTtlSeconds }));
  const upstream = checkedUrl('metronomeBaseUrl', options.metronomeBaseUrl ?? HANDLER_DEFAULTS.metronomeBaseUrl);
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  for (const origin of allowedOrigins) {
    if (origin !== originOf(origin)) {
      const star = origin === '*' ? ': "*" would let every site read a signed-in customer’s credits' : '';
      configError('allowedOrigins', `must name each origin, like "https://app.example.com" (got "${origin}"${star}).`);
    }
  }
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? HANDLER_DEFAULTS.upstreamTimeoutMs;
  if (!(Number.isInteger(upstreamTimeoutMs) && upstreamTimeoutMs > 0 && upstreamTimeoutMs < ATTEMPT_TIMEOUT_MS)) {
    configError('upstreamTimeoutMs', `must be a whole number of ms below the widget's ${ATTEMPT_TIMEOUT_MS} per attempt.`);
  }
  const maxUpstreamBytes = options.maxUpstreamBytes ?? HANDLER_DEFAULTS.maxUpstreamBytes;
  if (!(Number.isInteger(maxUpstreamBytes) && maxUpstreamBytes > 0)) configError('maxUpstreamBytes', 'must be a whole number above 0.');
  const bodyTimeoutMs = checkedTimer('bodyTimeoutMs', options.bodyTimeoutMs ?? HANDLER_DEFAULTS.bodyTimeoutMs);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) configError(`limits.${name}`, 'must be a number above 0.');
  }
  // A bucket that holds less than one call refuses every call.
  if (limits.burst < 1) configError('limits.burst', 'must be 1 or more.');
  const { trustedProxies = [], clientAddress } = options;
  if (!(Array.isArray(trustedProxies) && trustedProxies.every((proxy) => typeof proxy === 'string' && proxy.trim() !== ''))) {
    configError('trustedProxies', 'must be a list of addresses, like ["127.0.0.1"].');
  }
  if (clientAddress !== undefined && typeof clientAddress !== 'function') {
    configError('clientAddress', 'must be a function that gives a request’s client address.');
  }
  return {
    metronomeToken: metronomeToken as string,
    authorize,
    secret: secret as Uint8Array,
    basePath,
    tokenTtlSeconds,
    upstreamBase: upstream.href.replace(/\/+$/, ''),
    allowedOrigins,
    upstreamTimeoutMs,
    maxUpstreamBytes,
    bodyTimeoutMs,
    limits,
    store: options.store ?? memoryStore(),
    answers: answerCache(options.cache, options.store && 'getAnswer' in options.store ? options.store : undefined),
    fetch: options.fetch ?? platformFetch,
    clientOf: clientOf({ trustedProxies, clientAddress }),
  };
}
