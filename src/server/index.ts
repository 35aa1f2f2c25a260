/**
 * `credit-balance/server`: the host's side of `<credit-balance>`. It mints short-lived tokens bound to the
 * signed-in customer and forwards only Metronome's two list calls, scoped to that customer, with the
 * organization-wide Metronome key, which never reaches a browser. No DOM, no Lit.
 */
import { SignJWT, jwtVerify } from 'jose';

export { toNodeListener, type FetchHandler, type NodeListener } from './node.js';

export interface CreditBalanceHandlerOptions {
  /** The Metronome API key (bearer token). Secret: server only. */
  metronomeToken: string;
  /** The key that signs the widget's tokens: at least 32 bytes. */
  signingSecret: string | Uint8Array;
  /**
   * The host's own session check: which customer may the caller see? `null` refuses with `401`.
   * The widget's token request body is `{"customer_id": …}` (or `{}`), readable here if useful.
   */
  authorize: (request: Request) => Promise<{ customerId: string } | null> | { customerId: string } | null;
  /** Default `https://api.metronome.com`. */
  metronomeBaseUrl?: string;
  /** Where the handler answers; default `/api/credit-balance`. */
  basePath?: string;
  /** Token lifetime in seconds, 10–3600; default 300. */
  tokenTtlSeconds?: number;
  /** Origins allowed to call from another origin (CORS, preflight included). Same-origin needs nothing. */
  allowedOrigins?: string[];
  /** How long to wait for Metronome, in ms; default 30 000. */
  upstreamTimeoutMs?: number;
  /** The `fetch` used to reach Metronome (a custom agent, or a test double). */
  fetch?: typeof fetch;
}

/** The fields each proxied call may carry. Anything else is refused: it could reach further than the customer. */
const CREDITS_FIELDS = new Set([
  'customer_id',
  'include_balance',
  'include_contract_credits',
  'include_archived',
  'include_ledgers',
  'covering_date',
  'starting_at',
  'effective_before',
  'credit_id',
  'limit',
  'next_page',
]);
const GRANTS_FIELDS = new Set(['customer_ids', 'credit_type_ids', 'effective_before', 'not_expiring_before']);
const GRANTS_QUERY = new Set(['limit', 'next_page']);

const CREDITS_PATH = '/v1/contracts/customerCredits/list';
const GRANTS_PATH = '/v1/credits/listGrants';
const MAX_BODY_BYTES = 64 * 1024;
const AUDIENCE = 'credit-balance';
const ISSUER = 'credit-balance/server';

/** Headers of Metronome's answer that the widget needs (retry timing); nothing else is passed on. */
const FORWARDED_HEADERS = ['retry-after', 'retry-after-ms', 'x-should-retry', 'x-metronome-rate-limit-type'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

function configError(message: string): never {
  throw new TypeError(`createCreditBalanceHandler: ${message}`);
}

/** Reads a JSON object body of at most {@link MAX_BODY_BYTES}. */
async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new HttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/**
 * The handler: `POST {basePath}/token` mints a token for the customer `authorize` names; the two list calls
 * under `{basePath}` are checked against that token and forwarded to Metronome for that customer only.
 * Misconfiguration throws here, not at the first request.
 */
export function createCreditBalanceHandler(options: CreditBalanceHandlerOptions): (request: Request) => Promise<Response> {
  const { metronomeToken, authorize } = options;
  if (typeof metronomeToken !== 'string' || !metronomeToken.trim()) {
    configError('metronomeToken is missing (set METRONOME_BEARER_TOKEN).');
  }
  if (typeof authorize !== 'function') configError('authorize must be a function that names the signed-in customer.');
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
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const upstreamFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function mintToken(request: Request): Promise<Response> {
    let who: { customerId: string } | null;
    try {
      who = await authorize(request);
    } catch {
      throw new HttpError(500, 'The session check failed.');
    }
    if (!who) throw new HttpError(401, 'Not signed in.', { 'www-authenticate': 'Bearer' });
    if (typeof who.customerId !== 'string' || !who.customerId) throw new HttpError(500, 'The session check named no customer.');
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
      return payload.sub;
    } catch {
      throw new HttpError(401, 'The token is invalid or has expired.', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  function scopeCredits(body: Record<string, unknown>, customerId: string): Record<string, unknown> {
    for (const key of Object.keys(body)) {
      if (!CREDITS_FIELDS.has(key)) throw new HttpError(400, `The field "${key}" is not allowed here.`);
    }
    if (body.customer_id !== undefined && body.customer_id !== customerId) {
      throw new HttpError(403, 'customer_id does not match the signed-in customer.');
    }
    return { ...body, customer_id: customerId };
  }

  function scopeGrants(body: Record<string, unknown>, query: URLSearchParams, customerId: string): Record<string, unknown> {
    if ('credit_grant_ids' in body) {
      throw new HttpError(400, 'The field "credit_grant_ids" is not allowed: grants are listed by customer only.');
    }
    for (const key of Object.keys(body)) {
      if (!GRANTS_FIELDS.has(key)) throw new HttpError(400, `The field "${key}" is not allowed here.`);
    }
    for (const key of query.keys()) {
      if (!GRANTS_QUERY.has(key)) throw new HttpError(400, `The query parameter "${key}" is not allowed here.`);
    }
    const ids = body.customer_ids;
    if (ids !== undefined && !(Array.isArray(ids) && ids.length === 1 && ids[0] === customerId)) {
      throw new HttpError(403, 'customer_ids may name only the signed-in customer.');
    }
    return { ...body, customer_ids: [customerId] };
  }

  async function forward(path: string, query: string, body: Record<string, unknown>): Promise<Response> {
    let response: Response;
    try {
      response = await upstreamFetch(`${upstreamBase}${path}${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${metronomeToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(upstreamTimeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new HttpError(504, `Metronome did not answer within ${upstreamTimeoutMs / 1000} s.`);
      }
      throw new HttpError(502, 'Metronome could not be reached.');
    }
    if (response.status === 401 || response.status === 403) {
      // The server's own key was refused: not the widget's token, so not a 401 for the browser to act on.
      await response.body?.cancel();
      throw new HttpError(502, 'Metronome refused the server’s API key.');
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new HttpError(502, 'Metronome’s answer was cut off.');
    }
    return new Response(text, {
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
    const body = await readJsonObject(request);
    if (path === CREDITS_PATH) return forward(path, '', scopeCredits(body, customerId));
    return forward(path, url.search, scopeGrants(body, url.searchParams, customerId));
  }

  return async (request) => {
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
    return response;
  };
}
