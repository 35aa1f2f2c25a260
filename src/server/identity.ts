/**
 * Who is signed in, for hosts that would rather not write an `authorize` function: the host's own JWT
 * (verified with `jose` against a JWKS URL or a shared HS256 secret), or a session check URL the companion
 * asks with the browser's cookies. Each gives an `authorize` for `createCreditBalanceHandler`.
 */
import {
  type ExportedJWKSCache,
  type JWKSCacheInput,
  type JWTVerifyGetKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  jwksCache,
  jwtVerify,
} from 'jose';
import { checkedTimer, checkedUrl, configError } from './config.js';
import { LRUCache } from 'lru-cache';
import { bearerToken, platformFetch, readCapped, sha256 } from './http.js';
import { memoryStore, takeOrRefuse } from './limits.js';
import { DEFAULT_TOKEN_TTL_SECONDS } from './tokens.js';

/**
 * A signed-in customer, or nobody (`401`), for a token request and what the companion knows of its caller: the
 * client's address (see `trustedProxies`), where it is known.
 */
export type Authorize = (request: Request, caller?: { client?: string | undefined }) => Promise<{ customerId: string } | null>;

export interface HostJwtOptions {
  /** The identity provider's JWKS (RS256 or ES256 keys, cached and refetched when a new key id appears). */
  jwksUrl?: string;
  /** Or a secret shared with the host (HS256), at least 32 bytes. */
  secret?: string | Uint8Array;
  /** The `iss` the host's tokens carry. */
  issuer: string;
  /** The `aud` the host's tokens carry. */
  audience: string;
  /** The claim that holds the Metronome customer id; default `metronome_customer_id`. */
  customerClaim?: string;
  /** Clock difference tolerated on `exp` and `nbf`, in seconds; default 30. */
  clockToleranceSeconds?: number;
  /**
   * The longest a host JWT may still be valid for, in seconds: one whose `exp` is further away is refused, so a
   * token minted to last forever (an `exp` in 2200) signs no one in. Default 30 days (2,592,000), which long
   * session cookies (NextAuth's default `maxAge`) fit in.
   */
  maxLifetimeSeconds?: number;
  /** A cookie that holds the JWT; without it, only `Authorization: Bearer <jwt>` is read. */
  cookie?: string;
  /** The least time between two fetches of the JWKS, in ms, and after a fetch that failed; default 30 000. */
  jwksCooldownMs?: number;
  /** How long a fetch of the JWKS may take, in ms; default 5 000. */
  jwksTimeoutMs?: number;
  /** The largest JWKS taken, in bytes; default 256 KiB (a larger one is read no further, and fails). */
  maxJwksBytes?: number;
}

export interface SessionCheckOptions {
  /** The host's endpoint that answers who is signed in, for the browser's cookies (`GET`, JSON). */
  url: string;
  /** Where the customer id is in its JSON (a dotted path); default `metronome_customer_id`. */
  customerField?: string;
  /**
   * How long an answer is reused for the same cookies, in seconds (0: never). Default: the widget's token
   * lifetime (`tokenTtlSeconds`, 300 s), which a customer who signs out keeps anyway: the widget's refresh
   * (every 270 s by default) then finds the answer kept instead of asking the host again.
   */
  cacheSeconds?: number;
  /** How many answers are kept at most; default 30 000 (the least recently used go first). */
  cacheEntries?: number;
  /** How many bytes the kept answers may take at most; default 8 MiB. */
  cacheBytes?: number;
  /** A `Cookie` header longer than this, in bytes, is asked about but never kept; default 8 192. */
  maxCookieBytes?: number;
  /**
   * The largest answer read from the host, in bytes; default 64 KiB. A larger one is read no further and signs
   * no one in, so a runaway endpoint costs this process no memory (its time is bounded by `timeoutMs`).
   */
  maxAnswerBytes?: number;
  /**
   * Checks one client (one address: see `trustedProxies`) may have this replica ask the host for, for cookies
   * it has no answer for: a bucket of `clientChecksBurst` (default 100) refilling at `clientChecksPerSecond`
   * (default 20). Past it: `429` with `Retry-After` for that client alone, and the host is not asked.
   */
  clientChecksBurst?: number;
  clientChecksPerSecond?: number;
  /** How many clients' buckets are kept at most; default 10 000 (the least recently used is forgotten). */
  clientEntries?: number;
  /**
   * Checks this replica may ask the host for in all, behind the clients' own buckets: a bucket of `checksBurst`
   * (default 500) refilling at `checksPerSecond` (default 100). Past it: `429` with `Retry-After`, and the host is
   * not asked, so a flood of made-up cookies from many addresses costs neither the host nor this process.
   */
  checksBurst?: number;
  checksPerSecond?: number;
  /** How long to wait for it, in ms; default 3 000 (then `401`). */
  timeoutMs?: number;
  /** The `fetch` used to reach it. */
  fetch?: typeof fetch;
}

/** The value of cookie `name` in a request's `Cookie` header. */
function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a malformed escape: no token, not a failure of ours
    }
  }
  return undefined;
}

/** A key missing from a JWKS that was fetched: jose fetches again for it (a rotation), within its cooldown. */
const KEY_NOT_IN_JWKS = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS']);

/**
 * The identity provider's keys (jose's remote JWKS), fetched within `timeoutMs` and `maxBytes`, at most once per
 * `cooldownMs`, and not again for `cooldownMs` after a fetch that failed: a provider that is down, or an answer
 * too large, costs one fetch per cooldown, not one per request. While it is down, the keys of its last good
 * answer still verify what they signed, however old: only a token that needs a fetch (a key id they lack, or no
 * keys yet) is refused (401), so a stream of unknown key ids cannot sign out everyone else.
 */
function remoteKeys(
  url: URL,
  { cooldownMs, timeoutMs, maxBytes }: { cooldownMs: number; timeoutMs: number; maxBytes: number },
): JWTVerifyGetKey {
  if (!(Number.isInteger(cooldownMs) && cooldownMs >= 0)) configError('hostJwt.jwksCooldownMs', 'must be a whole number of ms, 0 or more.');
  checkedTimer('hostJwt.jwksTimeoutMs', timeoutMs);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) configError('hostJwt.maxJwksBytes', 'must be a whole number above 0.');
  /** jose writes each good answer here (`uat`, `jwks`): the keys kept for an outage. */
  const lastGood: JWKSCacheInput = {};
  const jwks = createRemoteJWKSet(url, {
    cooldownDuration: cooldownMs,
    timeoutDuration: timeoutMs,
    [jwksCache]: lastGood,
    [customFetch]: async (input, init) => {
      const response = await platformFetch(input, init);
      const body = await readCapped(response.body, maxBytes, () => new Error(`The JWKS is larger than ${maxBytes} bytes.`));
      return new Response(body as BodyInit, { status: response.status, headers: response.headers });
    },
  });
  let kept: { uat: number; keys: JWTVerifyGetKey } | undefined;
  /** The keys of the last good answer, without a fetch. */
  const keptKeys: JWTVerifyGetKey = (header, token) => {
    const { uat, jwks: keys } = lastGood as Partial<ExportedJWKSCache>;
    if (uat === undefined || !keys) throw new Error('The JWKS could not be fetched lately, and no keys are kept; not asking again yet.');
    if (kept?.uat !== uat) kept = { uat, keys: createLocalJWKSet(keys) };
    return kept.keys(header, token);
  };
  let failedAt = -Infinity;
  return async (header, token) => {
    if (Date.now() - failedAt < cooldownMs) return keptKeys(header, token);
    try {
      return await jwks(header, token);
    } catch (error) {
      if (KEY_NOT_IN_JWKS.has((error as { code?: string }).code ?? '')) throw error;
      failedAt = Date.now();
      return keptKeys(header, token);
    }
  };
}

/** What {@link HostJwtOptions} leaves unset reads as this (and `--help` says so). */
export const HOST_JWT_DEFAULTS = {
  customerClaim: 'metronome_customer_id',
  clockToleranceSeconds: 30,
  maxLifetimeSeconds: 30 * 86_400,
  jwksCooldownMs: 30_000,
  jwksTimeoutMs: 5_000,
  maxJwksBytes: 256 * 1024,
};

/** What {@link SessionCheckOptions} leaves unset reads as this (and `--help` says so). */
export const SESSION_CHECK_DEFAULTS = {
  customerField: 'metronome_customer_id',
  cacheSeconds: DEFAULT_TOKEN_TTL_SECONDS,
  timeoutMs: 3_000,
  cacheEntries: 30_000,
  cacheBytes: 8 * 1024 * 1024,
  maxCookieBytes: 8_192,
  maxAnswerBytes: 64 * 1024,
  clientChecksBurst: 100,
  clientChecksPerSecond: 20,
  clientEntries: 10_000,
  checksBurst: 500,
  checksPerSecond: 100,
};

/** Signs in whoever presents a valid JWT of the host's, naming the customer in `customerClaim`. */
export function hostJwtAuthorize(options: HostJwtOptions): Authorize {
  const { issuer, audience, jwksUrl, secret, cookie } = options;
  const claim = options.customerClaim ?? HOST_JWT_DEFAULTS.customerClaim;
  const clockTolerance = options.clockToleranceSeconds ?? HOST_JWT_DEFAULTS.clockToleranceSeconds;
  if (!issuer) configError('hostJwt.issuer', 'is missing: the iss of the host’s tokens.');
  if (!audience) configError('hostJwt.audience', 'is missing: the aud of the host’s tokens.');
  if (!jwksUrl === !secret) configError(['hostJwt.jwksUrl', 'hostJwt.secret'], 'is needed: one of them, not both.');
  if (!(Number.isFinite(clockTolerance) && clockTolerance >= 0)) configError('hostJwt.clockToleranceSeconds', 'must be 0 or more.');
  const maxLifetime = options.maxLifetimeSeconds ?? HOST_JWT_DEFAULTS.maxLifetimeSeconds;
  if (!(Number.isInteger(maxLifetime) && maxLifetime > 0))
    configError('hostJwt.maxLifetimeSeconds', 'must be a whole number of seconds above 0.');
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (jwksUrl) {
    key = remoteKeys(checkedUrl('hostJwt.jwksUrl', jwksUrl), {
      cooldownMs: options.jwksCooldownMs ?? HOST_JWT_DEFAULTS.jwksCooldownMs,
      timeoutMs: options.jwksTimeoutMs ?? HOST_JWT_DEFAULTS.jwksTimeoutMs,
      maxBytes: options.maxJwksBytes ?? HOST_JWT_DEFAULTS.maxJwksBytes,
    });
    algorithms = ['RS256', 'ES256'];
  } else {
    key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret!;
    if (key.byteLength < 32) configError('hostJwt.secret', 'must be at least 32 bytes.');
    algorithms = ['HS256'];
  }
  return async (request) => {
    const jwt = bearerToken(request) ?? (cookie ? cookieValue(request, cookie) : undefined);
    if (!jwt) return null;
    try {
      // Without exp a token would never expire; one issued later than the clock allows was not issued yet.
      const { payload } = await jwtVerify(jwt, key as JWTVerifyGetKey, {
        issuer,
        audience,
        algorithms,
        clockTolerance,
        requiredClaims: ['exp'],
      });
      const now = Date.now() / 1000;
      if (payload.iat !== undefined && payload.iat > now + clockTolerance) return null;
      // exp is required above; one further away than the longest lifetime allowed is no session of the host's.
      if (payload.exp! > now + maxLifetime + clockTolerance) return null;
      const customerId = payload[claim];
      return typeof customerId === 'string' && customerId ? { customerId } : null;
    } catch {
      return null;
    }
  };
}

/** Signs in whoever the host's session check URL names for the browser's cookies. */
export function sessionCheckAuthorize(options: SessionCheckOptions): Authorize {
  const url = checkedUrl('sessionCheck.url', options.url);
  const path = (options.customerField ?? SESSION_CHECK_DEFAULTS.customerField).split('.');
  const cacheMs = (options.cacheSeconds ?? SESSION_CHECK_DEFAULTS.cacheSeconds) * 1000;
  const timeoutMs = checkedTimer('sessionCheck.timeoutMs', options.timeoutMs ?? SESSION_CHECK_DEFAULTS.timeoutMs);
  if (!(cacheMs >= 0)) configError('sessionCheck.cacheSeconds', 'must be 0 or more.');
  const bounds = {
    cacheEntries: options.cacheEntries ?? SESSION_CHECK_DEFAULTS.cacheEntries,
    cacheBytes: options.cacheBytes ?? SESSION_CHECK_DEFAULTS.cacheBytes,
    maxCookieBytes: options.maxCookieBytes ?? SESSION_CHECK_DEFAULTS.maxCookieBytes,
    maxAnswerBytes: options.maxAnswerBytes ?? SESSION_CHECK_DEFAULTS.maxAnswerBytes,
    clientChecksBurst: options.clientChecksBurst ?? SESSION_CHECK_DEFAULTS.clientChecksBurst,
    clientChecksPerSecond: options.clientChecksPerSecond ?? SESSION_CHECK_DEFAULTS.clientChecksPerSecond,
    clientEntries: options.clientEntries ?? SESSION_CHECK_DEFAULTS.clientEntries,
    checksBurst: options.checksBurst ?? SESSION_CHECK_DEFAULTS.checksBurst,
    checksPerSecond: options.checksPerSecond ?? SESSION_CHECK_DEFAULTS.checksPerSecond,
  };
  for (const [name, value] of Object.entries(bounds)) {
    if (!(Number.isFinite(value) && value > 0)) configError(`sessionCheck.${name}`, 'must be a number above 0.');
  }
  // A bucket that holds less than one check refuses every one.
  for (const name of ['checksBurst', 'clientChecksBurst'] as const) {
    if (bounds[name] < 1) configError(`sessionCheck.${name}`, 'must be 1 or more.');
  }
  if (!Number.isInteger(bounds.clientEntries)) configError('sessionCheck.clientEntries', 'must be a whole number above 0.');
  const get = options.fetch ?? platformFetch;
  /**
   * Answers by a hash of the cookies they were asked for (never the cookies themselves), each for `cacheMs`,
   * within `cacheEntries` and `cacheBytes`; what has expired is dropped, not merely ignored.
   */
  const cache = new LRUCache<string, { who: { customerId: string } | null }>({
    max: bounds.cacheEntries,
    maxSize: bounds.cacheBytes,
    sizeCalculation: (entry, key) => key.length + (entry.who?.customerId.length ?? 0) + 64,
    ttl: cacheMs || 1,
  });
  let purgedAt = 0;
  const perClient = memoryStore({ maxKeys: bounds.clientEntries });
  const checks = memoryStore();
  return async (request, { client } = {}) => {
    const cookies = request.headers.get('cookie');
    if (!cookies) return null;
    const keep = cacheMs > 0 && cookies.length <= bounds.maxCookieBytes;
    const key = keep ? await sha256(cookies) : '';
    const cached = keep ? cache.get(key) : undefined;
    if (cached) return cached.who;
    // The client's own bucket first: a flood from one address empties its bucket, never everyone's.
    if (client !== undefined) {
      const { clientChecksBurst: burst, clientChecksPerSecond: perSecond } = bounds;
      await takeOrRefuse(perClient, client, burst, perSecond, 'Too many sign-in checks from this address: try again shortly.');
    }
    await takeOrRefuse(checks, 'session-checks', bounds.checksBurst, bounds.checksPerSecond, 'Too many sign-in checks: try again shortly.');
    let who: { customerId: string } | null = null;
    try {
      const response = await get(url, {
        headers: { cookie: cookies, accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 200) {
        const tooLarge = () => new Error(`The session check's answer is larger than ${bounds.maxAnswerBytes} bytes.`);
        let value: unknown = JSON.parse(new TextDecoder().decode(await readCapped(response.body, bounds.maxAnswerBytes, tooLarge)));
        for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
        if (typeof value === 'string' && value) who = { customerId: value };
      } else {
        await response.body?.cancel();
      }
    } catch {
      return null; // unreachable or too slow: nobody, and nothing remembered
    }
    if (keep) {
      if (Date.now() - purgedAt > cacheMs) {
        cache.purgeStale();
        purgedAt = Date.now();
      }
      cache.set(key, { who });
    }
    return who;
  };
}
