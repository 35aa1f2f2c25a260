#!/usr/bin/env node
/**
 * `credit-balance-server`: the companion as a server of its own, for hosts whose backend is not JavaScript.
 * Configured by environment variables (`--help` lists them); run it next to the app and route
 * `/api/credit-balance/*` to it from the reverse proxy. One log line per request, `/healthz`, and on SIGTERM it
 * finishes the requests in flight before it exits.
 */
import { type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { ATTEMPT_TIMEOUT_MS } from '../lib/metronome.js';
import { ANSWER_CACHE_DEFAULTS, type AnswerCacheOptions } from './answers.js';
import { clientKey } from './clients.js';
import { ConfigError, MAX_TIMER_MS, orList } from './config.js';
import { HOST_JWT_DEFAULTS, SESSION_CHECK_DEFAULTS } from './identity.js';
import { DEFAULT_LIMITS } from './limits.js';
import { HANDLER_DEFAULTS } from './options.js';
import {
  type CreditBalanceHandlerOptions,
  type CustomerLimits,
  type RequestLogEntry,
  createCreditBalanceHandler,
  toNodeListener,
} from './index.js';

/** The HTTP server's own defaults, sized for a small sidecar. */
const SERVER_DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxConnections: 256,
  maxConnectionsPerClient: 64,
};

interface Variable {
  name: string;
  what: string;
  /** How it becomes an option; a bad value throws with the variable's `name`. */
  read: (value: string, options: Partial<CreditBalanceHandlerOptions>, name: string) => void;
  /** The handler options it stands for (dotted), so that a {@link ConfigError} about them names it. */
  options?: string[];
  /** What it reads as when unset, from the table of defaults the option itself reads (`--help` shows it). */
  fallback?: string | number;
}

const whole = (name: string, value: string): number => {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}".`);
  return Number(value);
};
const positive = (name: string, value: string): number => {
  const number = Number(value);
  if (!(value.trim() !== '' && Number.isFinite(number) && number > 0)) throw new Error(`${name} must be a number above 0, not "${value}".`);
  return number;
};
/** A comma-separated list, its items trimmed, empty ones dropped. */
const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const limit = (key: keyof CustomerLimits) => (value: string, options: Partial<CreditBalanceHandlerOptions>, name: string) => {
  options.limits = { ...options.limits, [key]: positive(name, value) };
};
const cache = (key: keyof AnswerCacheOptions) => (value: string, options: Partial<CreditBalanceHandlerOptions>, name: string) => {
  options.cache = { ...options.cache, [key]: whole(name, value) };
};
const jwt =
  (set: (value: string, jwt: NonNullable<CreditBalanceHandlerOptions['hostJwt']>, name: string) => void) =>
  (value: string, options: Partial<CreditBalanceHandlerOptions>, name: string) => {
    options.hostJwt ??= { issuer: '', audience: '' };
    set(value, options.hostJwt, name);
  };
const session =
  (set: (value: string, check: NonNullable<CreditBalanceHandlerOptions['sessionCheck']>, name: string) => void) =>
  (value: string, options: Partial<CreditBalanceHandlerOptions>, name: string) => {
    options.sessionCheck ??= { url: '' };
    set(value, options.sessionCheck, name);
  };

/** Every variable the server reads, in the order `--help` lists them. */
const VARIABLES: Variable[] = [
  {
    name: 'METRONOME_BEARER_TOKEN',
    what: 'required: the Metronome API key (secret)',
    read: (v, o) => (o.metronomeToken = v),
    options: ['metronomeToken'],
  },
  {
    name: 'CREDIT_BALANCE_SECRET',
    what: 'required: signs the widget’s tokens, at least 32 bytes (openssl rand -base64 32)',
    read: (v, o) => (o.signingSecret = v),
    options: ['signingSecret'],
  },
  { name: 'PORT', what: 'the port to listen on', fallback: SERVER_DEFAULTS.port, read: () => {} },
  { name: 'HOST', what: 'the address to listen on (0.0.0.0 in a container)', fallback: SERVER_DEFAULTS.host, read: () => {} },
  {
    name: 'METRONOME_BASE_URL',
    what: 'Metronome’s API',
    fallback: HANDLER_DEFAULTS.metronomeBaseUrl,
    read: (v, o) => (o.metronomeBaseUrl = v),
    options: ['metronomeBaseUrl'],
  },
  {
    name: 'CREDIT_BALANCE_BASE_PATH',
    what: 'where it answers',
    fallback: HANDLER_DEFAULTS.basePath,
    read: (v, o) => (o.basePath = v),
    options: ['basePath'],
  },
  {
    name: 'CREDIT_BALANCE_TOKEN_TTL',
    what: 'token lifetime in seconds, 10–3600',
    fallback: HANDLER_DEFAULTS.tokenTtlSeconds,
    read: (v, o, n) => (o.tokenTtlSeconds = whole(n, v)),
    options: ['tokenTtlSeconds'],
  },
  {
    name: 'CREDIT_BALANCE_ALLOWED_ORIGINS',
    what: 'comma-separated origins allowed from another origin (CORS); default none',
    read: (v, o) => (o.allowedOrigins = list(v)),
    options: ['allowedOrigins'],
  },
  {
    name: 'CREDIT_BALANCE_UPSTREAM_TIMEOUT_MS',
    what: `how long Metronome may take to answer, in ms, below the widget’s ${ATTEMPT_TIMEOUT_MS}`,
    fallback: HANDLER_DEFAULTS.upstreamTimeoutMs,
    read: (v, o, n) => (o.upstreamTimeoutMs = whole(n, v)),
    options: ['upstreamTimeoutMs'],
  },
  {
    name: 'CREDIT_BALANCE_MAX_UPSTREAM_BYTES',
    what: 'the largest answer taken from Metronome, in bytes',
    fallback: HANDLER_DEFAULTS.maxUpstreamBytes,
    read: (v, o, n) => (o.maxUpstreamBytes = whole(n, v)),
    options: ['maxUpstreamBytes'],
  },
  {
    name: 'CREDIT_BALANCE_BODY_TIMEOUT_MS',
    what: 'how long a request body may take to arrive, in ms',
    fallback: HANDLER_DEFAULTS.bodyTimeoutMs,
    read: (v, o, n) => (o.bodyTimeoutMs = whole(n, v)),
    options: ['bodyTimeoutMs'],
  },
  {
    name: 'CREDIT_BALANCE_MAX_IN_FLIGHT',
    what: 'calls in flight per customer',
    fallback: DEFAULT_LIMITS.maxInFlight,
    read: limit('maxInFlight'),
    options: ['limits.maxInFlight'],
  },
  {
    name: 'CREDIT_BALANCE_BURST',
    what: 'calls at once per customer, then the rate',
    fallback: DEFAULT_LIMITS.burst,
    read: limit('burst'),
    options: ['limits.burst'],
  },
  {
    name: 'CREDIT_BALANCE_PER_SECOND',
    what: 'calls per second per customer',
    fallback: DEFAULT_LIMITS.perSecond,
    read: limit('perSecond'),
    options: ['limits.perSecond'],
  },
  {
    name: 'CREDIT_BALANCE_HEADERS_TIMEOUT_MS',
    what: 'the longest a request’s headers may take to arrive',
    fallback: SERVER_DEFAULTS.headersTimeout,
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_REQUEST_TIMEOUT_MS',
    what: '…and the whole request, its body included',
    fallback: SERVER_DEFAULTS.requestTimeout,
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_KEEP_ALIVE_TIMEOUT_MS',
    what: 'how long an idle connection stays open',
    fallback: SERVER_DEFAULTS.keepAliveTimeout,
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_MAX_CONNECTIONS',
    what: 'connections open at once',
    fallback: SERVER_DEFAULTS.maxConnections,
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_MAX_CONNECTIONS_PER_CLIENT',
    what: 'connections open at once from one client address (a trusted proxy has no such cap)',
    fallback: SERVER_DEFAULTS.maxConnectionsPerClient,
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_TRUSTED_PROXIES',
    what: 'comma-separated addresses of the proxies in front (their X-Forwarded-For names the client); default none',
    read: (v, o) => (o.trustedProxies = list(v)),
    options: ['trustedProxies'],
  },
  {
    name: 'CREDIT_BALANCE_CACHE_TTL_MS',
    what: 'how long Metronome’s answer to a customer’s call is reused, in ms (0: no cache)',
    fallback: ANSWER_CACHE_DEFAULTS.ttlMs,
    read: cache('ttlMs'),
    options: ['cache.ttlMs'],
  },
  {
    name: 'CREDIT_BALANCE_CACHE_STALE_MS',
    what: '…and how much longer it is served while fetched again behind it, in ms',
    fallback: ANSWER_CACHE_DEFAULTS.staleMs,
    read: cache('staleMs'),
    options: ['cache.staleMs'],
  },
  {
    name: 'CREDIT_BALANCE_CACHE_ENTRIES',
    what: 'answers kept in memory at most',
    fallback: ANSWER_CACHE_DEFAULTS.maxEntries,
    read: cache('maxEntries'),
    options: ['cache.maxEntries'],
  },
  {
    name: 'CREDIT_BALANCE_CACHE_BYTES',
    what: 'bytes the kept answers may take (an answer over a quarter of it is not kept)',
    fallback: ANSWER_CACHE_DEFAULTS.maxBytes,
    read: cache('maxBytes'),
    options: ['cache.maxBytes'],
  },
  {
    name: 'CREDIT_BALANCE_REDIS_URL',
    what: 'redis://…: limits and cached answers shared by every replica (needs the ioredis package)',
    read: () => {},
  },
  {
    name: 'CREDIT_BALANCE_JWT_SECRET',
    what: 'who is signed in, by the host’s JWT: its HS256 secret (at least 32 bytes)…',
    read: jwt((v, j) => (j.secret = v)),
    options: ['hostJwt.secret', 'hostJwt'],
  },
  {
    name: 'CREDIT_BALANCE_JWKS_URL',
    what: '…or the identity provider’s JWKS URL (RS256/ES256)',
    read: jwt((v, j) => (j.jwksUrl = v)),
    options: ['hostJwt.jwksUrl', 'hostJwt'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_ISSUER',
    what: 'the JWT’s iss (required with a JWT)',
    read: jwt((v, j) => (j.issuer = v)),
    options: ['hostJwt.issuer'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_AUDIENCE',
    what: 'the JWT’s aud (required with a JWT)',
    read: jwt((v, j) => (j.audience = v)),
    options: ['hostJwt.audience'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_CLAIM',
    what: 'the claim with the Metronome customer id',
    fallback: HOST_JWT_DEFAULTS.customerClaim,
    read: jwt((v, j) => (j.customerClaim = v)),
    options: ['hostJwt.customerClaim'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_COOKIE',
    what: 'a cookie that holds the JWT (the Authorization header is always read)',
    read: jwt((v, j) => (j.cookie = v)),
    options: ['hostJwt.cookie'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_CLOCK_TOLERANCE',
    what: 'seconds',
    fallback: HOST_JWT_DEFAULTS.clockToleranceSeconds,
    read: jwt((v, j, n) => (j.clockToleranceSeconds = whole(n, v))),
    options: ['hostJwt.clockToleranceSeconds'],
  },
  {
    name: 'CREDIT_BALANCE_JWT_MAX_LIFETIME',
    what: 'the longest a host JWT may still be valid for, in seconds (a later exp is refused)',
    fallback: HOST_JWT_DEFAULTS.maxLifetimeSeconds,
    read: jwt((v, j, n) => (j.maxLifetimeSeconds = whole(n, v))),
    options: ['hostJwt.maxLifetimeSeconds'],
  },
  {
    name: 'CREDIT_BALANCE_JWKS_COOLDOWN_MS',
    what: 'least time between two JWKS fetches, in ms',
    fallback: HOST_JWT_DEFAULTS.jwksCooldownMs,
    read: jwt((v, j, n) => (j.jwksCooldownMs = whole(n, v))),
    options: ['hostJwt.jwksCooldownMs'],
  },
  {
    name: 'CREDIT_BALANCE_JWKS_TIMEOUT_MS',
    what: 'how long a JWKS fetch may take, in ms',
    fallback: HOST_JWT_DEFAULTS.jwksTimeoutMs,
    read: jwt((v, j, n) => (j.jwksTimeoutMs = whole(n, v))),
    options: ['hostJwt.jwksTimeoutMs'],
  },
  {
    name: 'CREDIT_BALANCE_MAX_JWKS_BYTES',
    what: 'the largest JWKS read, in bytes',
    fallback: HOST_JWT_DEFAULTS.maxJwksBytes,
    read: jwt((v, j, n) => (j.maxJwksBytes = whole(n, v))),
    options: ['hostJwt.maxJwksBytes'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_URL',
    what: 'or who is signed in by the host’s endpoint, asked with the browser’s cookies',
    read: session((v, c) => (c.url = v)),
    options: ['sessionCheck.url', 'sessionCheck'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_FIELD',
    what: 'the JSON field (dotted) with the customer id',
    fallback: SESSION_CHECK_DEFAULTS.customerField,
    read: session((v, c) => (c.customerField = v)),
    options: ['sessionCheck.customerField'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CACHE_SECONDS',
    what: 'how long an answer is kept, in seconds',
    fallback: 'the token lifetime',
    read: session((v, c, n) => (c.cacheSeconds = whole(n, v))),
    options: ['sessionCheck.cacheSeconds'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_TIMEOUT_MS',
    what: 'how long the check may take, in ms',
    fallback: SESSION_CHECK_DEFAULTS.timeoutMs,
    read: session((v, c, n) => (c.timeoutMs = whole(n, v))),
    options: ['sessionCheck.timeoutMs'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CACHE_ENTRIES',
    what: 'answers kept at most',
    fallback: SESSION_CHECK_DEFAULTS.cacheEntries,
    read: session((v, c, n) => (c.cacheEntries = whole(n, v))),
    options: ['sessionCheck.cacheEntries'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CACHE_BYTES',
    what: 'bytes the kept answers may take',
    fallback: SESSION_CHECK_DEFAULTS.cacheBytes,
    read: session((v, c, n) => (c.cacheBytes = whole(n, v))),
    options: ['sessionCheck.cacheBytes'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_MAX_COOKIE_BYTES',
    what: 'a longer Cookie header is asked about, never kept',
    fallback: SESSION_CHECK_DEFAULTS.maxCookieBytes,
    read: session((v, c, n) => (c.maxCookieBytes = whole(n, v))),
    options: ['sessionCheck.maxCookieBytes'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_MAX_BYTES',
    what: 'the largest answer read from the session check, in bytes (a larger one signs no one in)',
    fallback: SESSION_CHECK_DEFAULTS.maxAnswerBytes,
    read: session((v, c, n) => (c.maxAnswerBytes = whole(n, v))),
    options: ['sessionCheck.maxAnswerBytes'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CLIENT_BURST',
    what: 'checks for unknown cookies at once from one client address, then its rate',
    fallback: SESSION_CHECK_DEFAULTS.clientChecksBurst,
    read: session((v, c, n) => (c.clientChecksBurst = positive(n, v))),
    options: ['sessionCheck.clientChecksBurst'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CLIENT_PER_SECOND',
    what: 'checks per second for unknown cookies from one client address, past them 429 for it alone',
    fallback: SESSION_CHECK_DEFAULTS.clientChecksPerSecond,
    read: session((v, c, n) => (c.clientChecksPerSecond = positive(n, v))),
    options: ['sessionCheck.clientChecksPerSecond'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_CLIENTS',
    what: 'client addresses whose checks are counted at once (the least recently seen is forgotten)',
    fallback: SESSION_CHECK_DEFAULTS.clientEntries,
    read: session((v, c, n) => (c.clientEntries = whole(n, v))),
    options: ['sessionCheck.clientEntries'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_BURST',
    what: 'checks for unknown cookies at once, from every client together, then the rate',
    fallback: SESSION_CHECK_DEFAULTS.checksBurst,
    read: session((v, c, n) => (c.checksBurst = positive(n, v))),
    options: ['sessionCheck.checksBurst'],
  },
  {
    name: 'CREDIT_BALANCE_SESSION_CHECK_PER_SECOND',
    what: 'checks per second for unknown cookies from every client together, past them 429',
    fallback: SESSION_CHECK_DEFAULTS.checksPerSecond,
    read: session((v, c, n) => (c.checksPerSecond = positive(n, v))),
    options: ['sessionCheck.checksPerSecond'],
  },
];

function help(): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length));
  return [
    'credit-balance-server: the <credit-balance> companion as a server of its own.',
    'It mints the widget’s tokens for whoever is signed in (the host’s JWT, or a session check URL) and',
    'forwards only Metronome’s list calls (credits, commits, balances, grants), for that customer only.',
    'Route /api/credit-balance/* to it.',
    '',
    'Environment:',
    ...VARIABLES.map((v) => `  ${v.name.padEnd(width)}  ${v.what}${v.fallback === undefined ? '' : `; default ${v.fallback}`}`),
    '',
    'GET /healthz answers 200 while it serves. SIGTERM finishes the requests in flight, then exits.',
  ].join('\n');
}

/**
 * What a log line may hold of the outside world's text (a customer claim, a path), with every control character,
 * line break and bidirectional override written as an escape: no one writes a line of their own into the log,
 * clears a terminal or turns the text around.
 */
const printable = (text: string) =>
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g, (c) =>
    c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** One line per request, with where a list call's answer came from: never a token, a cookie or the key. */
function log(entry: RequestLogEntry): void {
  const customer = entry.customerId === undefined ? '-' : printable(entry.customerId);
  // Metronome's own error body, where there was one: quoted, its quotes escaped.
  const upstream = entry.upstreamError === undefined ? '' : ` upstream="${printable(entry.upstreamError).replaceAll('"', '\\"')}"`;
  const request = `${entry.method} ${printable(entry.path)} ${entry.status} ${entry.durationMs}ms`;
  const cached = entry.cache === undefined ? '' : ` cache=${entry.cache}`;
  console.log(`${new Date().toISOString()} ${request} customer=${customer}${cached}${upstream}`);
}

/**
 * Why the server will not start, in the environment's words: a {@link ConfigError} names the variables that
 * stand for its options (an option no variable sets, such as `authorize`, is left out).
 */
function refusal(error: unknown): string {
  if (!(error instanceof ConfigError)) return error instanceof Error ? error.message : String(error);
  const names = VARIABLES.filter((variable) => variable.options?.some((option) => error.options.includes(option))).map((v) => v.name);
  return names.length ? `${orList(names)} ${error.rule}` : error.message;
}

/**
 * The HTTP server's own bounds, sized for a small sidecar, so that clients that drip their headers, send a body
 * that never ends or hold idle connections cannot hold the server: every one configurable, none unbounded.
 */
function serverLimits(env: Record<string, string | undefined>) {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const number = whole(name, value);
    if (number < 1 || number > MAX_TIMER_MS) throw new Error(`${name} must be a whole number from 1 to ${MAX_TIMER_MS}, not "${value}".`);
    return number;
  };
  const limits = {
    headersTimeout: read('CREDIT_BALANCE_HEADERS_TIMEOUT_MS', SERVER_DEFAULTS.headersTimeout),
    requestTimeout: read('CREDIT_BALANCE_REQUEST_TIMEOUT_MS', SERVER_DEFAULTS.requestTimeout),
    keepAliveTimeout: read('CREDIT_BALANCE_KEEP_ALIVE_TIMEOUT_MS', SERVER_DEFAULTS.keepAliveTimeout),
    maxConnections: read('CREDIT_BALANCE_MAX_CONNECTIONS', SERVER_DEFAULTS.maxConnections),
    maxConnectionsPerClient: read('CREDIT_BALANCE_MAX_CONNECTIONS_PER_CLIENT', SERVER_DEFAULTS.maxConnectionsPerClient),
  };
  if (limits.headersTimeout > limits.requestTimeout) {
    throw new Error('CREDIT_BALANCE_HEADERS_TIMEOUT_MS must not be longer than CREDIT_BALANCE_REQUEST_TIMEOUT_MS.');
  }
  return limits;
}

/** The handler's options from `env`; throws, naming the variable, at the first bad one. */
function optionsFrom(env: Record<string, string | undefined>): Partial<CreditBalanceHandlerOptions> {
  const options: Partial<CreditBalanceHandlerOptions> = {};
  for (const variable of VARIABLES) {
    const value = env[variable.name];
    if (value !== undefined && value !== '') variable.read(value, options, variable.name);
  }
  return options;
}

/**
 * Closes a connection at once when its client address already has `max` open, so that one client, however many
 * sockets it opens and however slowly it uses them, holds no more than its share of `maxConnections`; a trusted
 * proxy, which carries many clients, has no such cap. The count lives as long as the connections it counts.
 */
function capConnectionsPerClient(server: Server, max: number, trustedProxies: Set<string>): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || trustedProxies.has(address)) return;
    const client = clientKey(address);
    const count = open.get(client) ?? 0;
    if (count >= max) return void socket.destroy();
    open.set(client, count + 1);
    socket.once('close', () => {
      const left = open.get(client)! - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(help());
    return;
  }
  const env = process.env;
  let handler: ReturnType<typeof createCreditBalanceHandler>;
  let limits: ReturnType<typeof serverLimits>;
  let options: Partial<CreditBalanceHandlerOptions>;
  try {
    limits = serverLimits(env);
    options = optionsFrom(env);
    if (env.CREDIT_BALANCE_REDIS_URL) {
      const { redisStore } = await import('./redis.js').catch(() => {
        throw new Error('CREDIT_BALANCE_REDIS_URL needs the ioredis package: npm i ioredis');
      });
      options.store = redisStore(env.CREDIT_BALANCE_REDIS_URL);
    }
    options.onResponse = log;
    handler = createCreditBalanceHandler(options as CreditBalanceHandlerOptions);
  } catch (error) {
    console.error(`credit-balance-server: ${refusal(error)}\nSee credit-balance-server --help.`);
    process.exitCode = 1;
    return;
  }
  const port = env.PORT ? Number(env.PORT) : SERVER_DEFAULTS.port;
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`credit-balance-server: PORT must be a port number, not "${env.PORT}".`);
    process.exitCode = 1;
    return;
  }
  const companion = toNodeListener(handler, { onRefusal: log });
  const { maxConnections, maxConnectionsPerClient, ...timeouts } = limits;
  // Timeouts are checked every connectionsCheckingInterval (Node's default: 30 s): no later than they are due.
  const server = createServer({ ...timeouts, connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeout) }, (req, res) => {
    if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"ok":true}');
      return;
    }
    void companion(req, res);
  });
  server.maxConnections = maxConnections;
  capConnectionsPerClient(server, maxConnectionsPerClient, new Set(options.trustedProxies));
  server.listen(port, env.HOST || SERVER_DEFAULTS.host, () => {
    const address = server.address();
    const where = typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
    console.log(`credit-balance-server: listening on ${where}, answering under ${options.basePath ?? HANDLER_DEFAULTS.basePath}`);
  });
  process.once('SIGTERM', () => {
    console.log('credit-balance-server: SIGTERM, finishing the requests in flight');
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 30_000).unref();
  });
}

void main();
