/**
 * `credit-balance/server`: the host's side of `<credit-balance>`. It mints short-lived tokens bound to the
 * signed-in customer and forwards only Metronome's two list calls, scoped to that customer, with the
 * organization-wide Metronome key, which never reaches a browser. No DOM, no Lit.
 */
import { SignJWT, jwtVerify } from 'jose';
import { type HostJwtOptions, type SessionCheckOptions, hostJwtAuthorize, sessionCheckAuthorize } from './identity.js';
import { type CustomerLimits, DEFAULT_LIMITS, type LimitStore, memoryStore } from './limits.js';
import { HttpError, creditsCall, grantsCall, jsonObject, readBody, readCapped } from './requests.js';

export { toNodeListener, type FetchHandler, type NodeListener } from './node.js';
export { type CustomerLimits, DEFAULT_LIMITS, type LimitStore, type Release, memoryStore } from './limits.js';
export { type Authorize, type HostJwtOptions, type SessionCheckOptions, hostJwtAuthorize, sessionCheckAuthorize } from './identity.js';

export interface CreditBalanceHandlerOptions {
  /** The Metronome API key (bearer token). Secret: server only. */
  metronomeToken: string;
  /** The key that signs the widget's tokens: at least 32 bytes. */
  signingSecret: string | Uint8Array;
  /**
   * The host's own session check: which customer may the caller see? `null` refuses with `401`.
   * The widget's token request body is `{"customer_id": …}` (or `{}`), readable here if useful.
   * Give exactly one of `authorize`, `hostJwt` and `sessionCheck`.
   */
  authorize?: (request: Request) => Promise<{ customerId: string } | null> | { customerId: string } | null;
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
  /** Where the limits count: this process by default; `redisStore()` from `credit-balance/server/redis` for replicas. */
  store?: LimitStore;
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
}

const CREDITS_PATH = '/v1/contracts/customerCredits/list';
const GRANTS_PATH = '/v1/credits/listGrants';
const MAX_BODY_BYTES = 64 * 1024;
/** The widget gives each attempt this long; the companion's upstream limit must be shorter. */
const WIDGET_ATTEMPT_MS = 20_000;
const AUDIENCE = 'credit-balance';
const ISSUER = 'credit-balance/server';

/** Headers of Metronome's answer that the widget needs (retry timing); nothing else is passed on. */
const FORWARDED_HEADERS = ['retry-after', 'retry-after-ms', 'x-should-retry', 'x-metronome-rate-limit-type'];

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

function configError(message: string): never {
  throw new TypeError(`createCreditBalanceHandler: ${message}`);
}

/**
 * The handler: `POST {basePath}/token` mints a token for the customer `authorize` names; the two list calls
 * under `{basePath}` are checked against that token and forwarded to Metronome for that customer only.
 *
 * Given the options, misconfiguration throws here. Given a function that returns them, they are read and
 * checked at the first request instead, where a mistake makes every request throw: for frameworks that load
 * route modules while they build (Next.js), where the secrets are not set.
 */
export function createCreditBalanceHandler(
  options: CreditBalanceHandlerOptions | (() => CreditBalanceHandlerOptions),
): (request: Request) => Promise<Response> {
  if (typeof options !== 'function') return handlerFor(options);
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return async (request) => (handler ??= handlerFor(options()))(request);
}

function handlerFor(options: CreditBalanceHandlerOptions): (request: Request) => Promise<Response> {
  const { metronomeToken } = options;
  if (typeof metronomeToken !== 'string' || !metronomeToken.trim()) {
    configError('metronomeToken is missing (set METRONOME_BEARER_TOKEN).');
  }
  const ways = [options.authorize, options.hostJwt, options.sessionCheck].filter((way) => way !== undefined);
  if (ways.length !== 1) configError('give exactly one of authorize, hostJwt and sessionCheck: how the signed-in customer is known.');
  if (options.authorize !== undefined && typeof options.authorize !== 'function') {
    configError('authorize must be a function that names the signed-in customer.');
  }
  const authorize =
    options.authorize ?? (options.hostJwt ? hostJwtAuthorize(options.hostJwt) : sessionCheckAuthorize(options.sessionCheck!));
  const secret =
    typeof options.signingSecret === 'string' ? new TextEncoder().encode(options.signingSecret) : options.signingSecret;
  if (!(secret instanceof Uint8Array) || secret.byteLength < 32) {
    configError('signingSecret must be at least 32 bytes (for example `openssl rand -base64 32`).');
  }
  const basePath = (options.basePath ?? '/api/credit-balance').replace(/\/+$/, '');
  if (!basePath.startsWith('/')) configError(`basePath must start with "/" (got "${options.basePath}").`);
  const ttl = options.tokenTtlSeconds ?? 300;
  if (!Number.isInteger(ttl) || ttl < 10 || ttl > 3600) configError('tokenTtlSeconds must be a whole number from 10 to 3600.');
  let upstream: URL;
  try {
    upstream = new URL(options.metronomeBaseUrl ?? 'https://api.metronome.com');
  } catch {
    configError(`metronomeBaseUrl is not a URL: "${options.metronomeBaseUrl}".`);
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') configError('metronomeBaseUrl must be http(s).');
  const upstreamBase = upstream.href.replace(/\/+$/, '');
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  for (const origin of allowedOrigins) {
    if (origin !== new URL(origin).origin) configError(`allowedOrigins must hold origins like "https://app.example.com" (got "${origin}").`);
  }
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 15_000;
  if (!(Number.isInteger(upstreamTimeoutMs) && upstreamTimeoutMs > 0 && upstreamTimeoutMs < WIDGET_ATTEMPT_MS)) {
    configError(`upstreamTimeoutMs must be a whole number of ms below the widget's ${WIDGET_ATTEMPT_MS} per attempt.`);
  }
  const maxUpstreamBytes = options.maxUpstreamBytes ?? 16 * 1024 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  for (const [name, value] of Object.entries({ maxUpstreamBytes, bodyTimeoutMs })) {
    if (!(Number.isInteger(value) && value > 0)) configError(`${name} must be a whole number above 0.`);
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) configError(`limits.${name} must be a number above 0.`);
  }
  const store = options.store ?? memoryStore();
  const upstreamFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function mintToken(request: Request): Promise<Response> {
    // The body is read within its limits before anyone else reads it; authorize gets its own copy.
    const body = await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs);
    let who: { customerId: string } | null;
    try {
      who = await authorize(new Request(request.url, { method: 'POST', headers: request.headers, body: body as BodyInit, signal: request.signal }));
    } catch {
      throw new HttpError(500, 'The session check failed.');
    }
    if (!who) throw new HttpError(401, 'Not signed in.', { 'www-authenticate': 'Bearer' });
    if (typeof who.customerId !== 'string' || !who.customerId) throw new HttpError(500, 'The session check named no customer.');
    customers.set(request, who.customerId);
    const expiresAt = Math.floor(Date.now() / 1000) + ttl;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(who.customerId)
      .setAudience(AUDIENCE)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(secret);
    return jsonResponse(200, {
      token,
      expires_at: new Date(expiresAt * 1000).toISOString(),
      customer_id: who.customerId,
      api_base: basePath,
    });
  }

  /** The customer a request's bearer token was minted for. */
  async function customerOf(request: Request): Promise<string> {
    const match = /^Bearer ([^\s]+)$/.exec(request.headers.get('authorization') ?? '');
    if (!match) throw new HttpError(401, 'A bearer token is required.', { 'www-authenticate': 'Bearer' });
    try {
      const { payload } = await jwtVerify(match[1]!, secret, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER });
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      customers.set(request, payload.sub);
      return payload.sub;
    } catch {
      throw new HttpError(401, 'The token is invalid or has expired.', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  /** One call to Metronome for `customerId`, within the customer's limits. */
  async function limited(customerId: string, call: () => Promise<Response>): Promise<Response> {
    const rate = await store.take(customerId, limits.burst, limits.perSecond);
    if (!rate.ok) {
      const seconds = String(Math.max(1, Math.ceil(rate.retryAfterMs / 1000)));
      throw new HttpError(429, 'Too many calls for this customer: try again shortly.', { 'retry-after': seconds });
    }
    const release = await store.acquire(customerId, limits.maxInFlight, upstreamTimeoutMs + 5_000);
    if (!release) throw new HttpError(429, 'Too many calls in flight for this customer.', { 'retry-after': '1' });
    try {
      return await call();
    } finally {
      await release();
    }
  }

  /**
   * Forwards a checked call with the key: the whole answer within {@link upstreamTimeoutMs} (`504` past it) and
   * {@link maxUpstreamBytes} (`502`), no redirect followed, and abandoned as soon as the browser leaves.
   */
  async function forward(path: string, query: string, body: Record<string, unknown>, client: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(upstreamTimeoutMs);
    const signal = AbortSignal.any([client, timeout]);
    const failed = (cutOff: string) =>
      timeout.aborted
        ? new HttpError(504, `Metronome did not answer within ${upstreamTimeoutMs / 1000} s.`)
        : new HttpError(502, client.aborted ? 'The browser left.' : cutOff);
    let response: Response;
    try {
      response = await upstreamFetch(`${upstreamBase}${path}${query}`, {
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
      bytes = await readCapped(response.body, maxUpstreamBytes, () => new HttpError(502, `Metronome’s answer is larger than ${maxUpstreamBytes} bytes.`));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw failed('Metronome’s answer was cut off.');
    }
    if (!bytes.byteLength) throw new HttpError(502, `Metronome answered with no body (HTTP ${response.status}).`);
    return new Response(bytes as BodyInit, {
      status: response.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    });
  }

  function corsHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.has(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': FORWARDED_HEADERS.join(', '),
      vary: 'Origin',
    };
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) throw new HttpError(404, 'Not found.');
    const path = url.pathname.slice(basePath.length);
    if (path !== '/token' && path !== CREDITS_PATH && path !== GRANTS_PATH) throw new HttpError(404, 'Not found.');
    if (request.method === 'OPTIONS') {
      const cors = corsHeaders(request);
      if (!cors['access-control-allow-origin']) throw new HttpError(403, 'This origin is not allowed.');
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        },
      });
    }
    if (request.method !== 'POST') throw new HttpError(405, 'Only POST is allowed.', { allow: 'POST, OPTIONS' });
    if (path === '/token') return mintToken(request);

    const customerId = await customerOf(request);
    const body = jsonObject(await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs));
    if (path === CREDITS_PATH) {
      const credits = creditsCall(body, customerId);
      return limited(customerId, () => forward(path, '', credits, request.signal));
    }
    const grants = grantsCall(body, url.search, customerId);
    return limited(customerId, () => forward(path, grants.query, grants.body, request.signal));
  }

  /** Which customer each request in progress is for, for the access log. */
  const customers = new WeakMap<Request, string>();

  return async (request) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      response =
        error instanceof HttpError
          ? jsonResponse(error.status, { message: error.message }, error.headers)
          : jsonResponse(500, { message: 'Internal error.' });
    }
    for (const [name, value] of Object.entries(corsHeaders(request))) response.headers.set(name, value);
    const customerId = customers.get(request);
    options.onResponse?.({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      ...(customerId && { customerId }),
    });
    return response;
  };
}
