/**
 * `credit-balance/server`: the host's side of `<credit-balance>`. It mints short-lived tokens bound to the
 * signed-in customer and forwards only Metronome's two list calls, scoped to that customer, with the
 * organization-wide Metronome key, which never reaches a browser. No DOM, no Lit.
 */
import { cors } from './cors.js';
import { HttpError, errorResponse, jsonResponse, methodNotAllowed } from './http.js';
import type { HostJwtOptions, SessionCheckOptions } from './identity.js';
import type { CustomerLimits, LimitStore } from './limits.js';
import { checkOptions } from './options.js';
import { creditsCall, grantsCall, jsonObject, readBody } from './requests.js';
import { widgetTokens } from './tokens.js';
import { metronome } from './upstream.js';

export { ConfigError } from './config.js';
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

/**
 * The handler: `POST {basePath}/token` mints a token for the customer `authorize` names; the two list calls
 * under `{basePath}` are checked against that token and forwarded to Metronome for that customer only.
 *
 * Given the options, misconfiguration throws a {@link ConfigError} here. Given a function that returns them,
 * they are read and checked at the first request instead, where a mistake makes every request throw: for
 * frameworks that load route modules while they build (Next.js), where the secrets are not set.
 */
export function createCreditBalanceHandler(
  options: CreditBalanceHandlerOptions | (() => CreditBalanceHandlerOptions),
): (request: Request) => Promise<Response> {
  if (typeof options !== 'function') return handlerFor(options);
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return async (request) => (handler ??= handlerFor(options()))(request);
}

/** The handler for checked options: the token path, the two list paths, CORS on every answer, and the log. */
function handlerFor(options: CreditBalanceHandlerOptions): (request: Request) => Promise<Response> {
  const checked = checkOptions(options);
  const { authorize, basePath, bodyTimeoutMs } = checked;
  const tokens = widgetTokens(checked.secret, checked.tokenTtlSeconds);
  const forward = metronome(checked);
  const crossOrigin = cors(checked.allowedOrigins);
  /** Which customer each request in progress is for, for the access log. */
  const customers = new WeakMap<Request, string>();

  async function mintToken(request: Request): Promise<Response> {
    // The body is read within its limits before anyone else reads it; authorize gets its own copy.
    const body = await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs);
    let who: { customerId: string } | null;
    try {
      who = await authorize(
        new Request(request.url, { method: 'POST', headers: request.headers, body: body as BodyInit, signal: request.signal }),
      );
    } catch (error) {
      // A refusal of ours (the session checks' rate) stands; anything else is the host's check failing.
      if (error instanceof HttpError) throw error;
      throw new HttpError(500, 'The session check failed.');
    }
    if (!who) throw new HttpError(401, 'Not signed in.', { 'www-authenticate': 'Bearer' });
    if (typeof who.customerId !== 'string' || !who.customerId) throw new HttpError(500, 'The session check named no customer.');
    customers.set(request, who.customerId);
    const { token, expiresAt } = await tokens.mint(who.customerId);
    return jsonResponse(200, {
      token,
      expires_at: new Date(expiresAt * 1000).toISOString(),
      customer_id: who.customerId,
      api_base: basePath,
    });
  }

  async function list(request: Request, path: string, search: string): Promise<Response> {
    const customerId = await tokens.customerOf(request);
    customers.set(request, customerId);
    const body = jsonObject(await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs));
    if (path === CREDITS_PATH) return forward(customerId, path, '', creditsCall(body, customerId), request.signal);
    const grants = grantsCall(body, search, customerId);
    return forward(customerId, path, grants.query, grants.body, request.signal);
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) throw new HttpError(404, 'Not found.');
    const path = url.pathname.slice(basePath.length);
    if (path !== '/token' && path !== CREDITS_PATH && path !== GRANTS_PATH) throw new HttpError(404, 'Not found.');
    if (request.method === 'OPTIONS') return crossOrigin.preflight(request);
    if (request.method !== 'POST') throw methodNotAllowed();
    return path === '/token' ? mintToken(request) : list(request, path, url.search);
  }

  return async (request) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      response = errorResponse(error);
    }
    for (const [name, value] of Object.entries(crossOrigin.headers(request))) response.headers.set(name, value);
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
