/**
 * `credit-balance/server`: the host's side of `<credit-balance>`. It mints short-lived tokens bound to the
 * signed-in customer and forwards only Metronome's list calls (the route table), scoped to that customer, with the
 * organization-wide Metronome key, which never reaches a browser. No DOM, no Lit.
 */
import { cors } from './cors.js';
import { HttpError, errorResponse, jsonResponse, methodNotAllowed } from './http.js';
import { type CreditBalanceHandlerOptions, type RequestLogEntry, checkOptions } from './options.js';
import { type ForwardedCall, callBody, forwardedCall, jsonObject, readBody } from './requests.js';
import { ROUTES, type Route } from './routes.js';
import { widgetTokens } from './tokens.js';
import { type UpstreamAnswer, answerResponse, metronome } from './upstream.js';

export { ConfigError } from './config.js';
export type { CreditBalanceHandlerOptions, RequestLogEntry } from './options.js';
export { toNodeListener, type FetchHandler, type NodeListener } from './node.js';
export type { ClientAddressOptions } from './clients.js';
export type { AnswerCacheOptions, AnswerStore, CacheOutcome, KeptAnswer } from './answers.js';
export { type CustomerLimits, DEFAULT_LIMITS, type LimitStore, type MemoryStoreOptions, type Release, memoryStore } from './limits.js';
export { type Authorize, type HostJwtOptions, type SessionCheckOptions, hostJwtAuthorize, sessionCheckAuthorize } from './identity.js';

const MAX_BODY_BYTES = 64 * 1024;

/** What the handler learns of a request for its log line, beside the method, path, status and time. */
type Learned = Pick<RequestLogEntry, 'customerId' | 'cache' | 'upstreamError'>;

/**
 * The handler: `POST {basePath}/token` mints a token for the customer `authorize` names; the calls of the route
 * table (`routes.ts`) under `{basePath}` are checked against that token and forwarded to Metronome for that
 * customer only.
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

/** The handler for checked options: the token path, the route table's paths, CORS on every answer, and the log. */
function handlerFor(options: CreditBalanceHandlerOptions): (request: Request) => Promise<Response> {
  const checked = checkOptions(options);
  const { authorize, basePath, bodyTimeoutMs } = checked;
  const tokens = widgetTokens(checked.secret, checked.tokenTtlSeconds);
  const forward = metronome(checked);
  const crossOrigin = cors(checked.allowedOrigins);
  /**
   * What the access log learns of each request in progress: the customer it is for, where a list call's answer
   * came from, and Metronome's error body (for the log alone).
   */
  const learned = new WeakMap<Request, Learned>();
  const learn = (request: Request, facts: Learned) => learned.set(request, { ...learned.get(request), ...facts });

  async function mintToken(request: Request): Promise<Response> {
    // The body is read within its limits before anyone else reads it; authorize gets its own copy.
    const body = await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs);
    let who: { customerId: string } | null;
    try {
      who = await authorize(
        new Request(request.url, { method: 'POST', headers: request.headers, body: body as BodyInit, signal: request.signal }),
        { client: checked.clientOf(request) },
      );
    } catch (error) {
      // A refusal of ours (the session checks' rate) stands; anything else is the host's check failing.
      if (error instanceof HttpError) throw error;
      throw new HttpError(500, 'The session check failed.');
    }
    if (!who) throw new HttpError(401, 'Not signed in.', { 'www-authenticate': 'Bearer' });
    if (typeof who.customerId !== 'string' || !who.customerId) throw new HttpError(500, 'The session check named no customer.');
    learn(request, { customerId: who.customerId });
    const { token, expiresAt } = await tokens.mint(who.customerId);
    return jsonResponse(200, {
      token,
      expires_at: new Date(expiresAt * 1000).toISOString(),
      customer_id: who.customerId,
      api_base: basePath,
      ...(await firstPage(request, body, who.customerId)),
    });
  }

  /**
   * The list call a widget asks to have answered with its token (`first_page`: its path and body, as it would send
   * them), answered as that call would be with the token: the same route table and checks, the same customer, the
   * same cache and limits; so the widget's first page arrives in the token's round trip. A call the companion does
   * not forward, or one that fails, is left out, never failing the token: the widget makes the call itself and
   * meets its error there.
   */
  async function firstPage(request: Request, body: Uint8Array, customerId: string): Promise<{ first_page?: unknown }> {
    try {
      const asked = (JSON.parse(new TextDecoder().decode(body)) as { first_page?: { path?: unknown; body?: unknown } } | null)?.first_page;
      const route = typeof asked?.path === 'string' ? ROUTES.get(asked.path) : undefined;
      if (!route) return {};
      const answer = await answerOf(request, customerId, forwardedCall(route, callBody(asked!.body), '', customerId), false);
      if (answer.status !== 200) return {};
      return { first_page: { path: route.path, body: asked!.body, answer: JSON.parse(new TextDecoder().decode(answer.body)) } };
    } catch {
      return {};
    }
  }

  async function list(request: Request, route: Route, search: string): Promise<Response> {
    const customerId = await tokens.customerOf(request);
    learn(request, { customerId });
    const body = jsonObject(await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs));
    const call = forwardedCall(route, body, search, customerId);
    // The widget's refresh() and its retries ask for Metronome's answer of now (the browser adds the header).
    const bypass = /no-cache/i.test(`${request.headers.get('cache-control')} ${request.headers.get('pragma')}`);
    return answerResponse(await answerOf(request, customerId, call, bypass));
  }

  /**
   * Metronome's answer to a checked call for `customerId`, through the answer cache (past it with `bypass`), and
   * what the access log of `request` learns of it: where it came from, and Metronome's error body.
   */
  async function answerOf(request: Request, customerId: string, call: ForwardedCall, bypass: boolean): Promise<UpstreamAnswer> {
    const { answer, outcome } = await checked.answers.answer(customerId, call, { bypass, signal: request.signal }, (signal) =>
      forward(customerId, call, signal),
    );
    learn(request, { cache: outcome, ...(answer.upstreamError !== undefined && { upstreamError: answer.upstreamError }) });
    return answer;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) throw new HttpError(404, 'Not found.');
    const path = url.pathname.slice(basePath.length);
    const forwarded = ROUTES.get(path);
    if (path !== '/token' && !forwarded) throw new HttpError(404, 'Not found.');
    if (request.method === 'OPTIONS') return crossOrigin.preflight(request);
    if (request.method !== 'POST') throw methodNotAllowed();
    return forwarded ? list(request, forwarded, url.search) : mintToken(request);
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
    options.onResponse?.({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      ...learned.get(request),
    });
    return response;
  };
}
