/**
 * The companion's options, checked once and with their defaults filled in: every bound the handler keeps is
 * here, with the rule a value must meet. A value that breaks one throws a {@link ConfigError} naming it.
 */
import { checkedTimer, checkedUrl, configError } from './config.js';
import { platformFetch } from './http.js';
import { hostJwtAuthorize, sessionCheckAuthorize } from './identity.js';
import { DEFAULT_LIMITS, memoryStore } from './limits.js';
import type { CreditBalanceHandlerOptions } from './index.js';

/** The widget gives each attempt this long; the companion's upstream limit must be shorter. */
export const WIDGET_ATTEMPT_MS = 20_000;

/** The origin of `url`, or undefined when it is not a URL. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

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
  const authorize: NonNullable<CreditBalanceHandlerOptions['authorize']> =
    options.authorize ?? (options.hostJwt ? hostJwtAuthorize(options.hostJwt) : sessionCheckAuthorize(options.sessionCheck!));
  const secret = typeof options.signingSecret === 'string' ? new TextEncoder().encode(options.signingSecret) : options.signingSecret;
  if (!(secret instanceof Uint8Array) || secret.byteLength < 32) {
    configError('signingSecret', 'must be at least 32 bytes (for example `openssl rand -base64 32`).');
  }
  const basePath = (options.basePath ?? '/api/credit-balance').replace(/\/+$/, '');
  if (!basePath.startsWith('/')) configError('basePath', `must start with "/" (got "${options.basePath}").`);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 300;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 10 || tokenTtlSeconds > 3600) {
    configError('tokenTtlSeconds', 'must be a whole number from 10 to 3600.');
  }
  const upstream = checkedUrl('metronomeBaseUrl', options.metronomeBaseUrl ?? 'https://api.metronome.com');
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  for (const origin of allowedOrigins) {
    if (origin !== originOf(origin)) {
      const star = origin === '*' ? ': "*" would let every site read a signed-in customer’s credits' : '';
      configError('allowedOrigins', `must name each origin, like "https://app.example.com" (got "${origin}"${star}).`);
    }
  }
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 15_000;
  if (!(Number.isInteger(upstreamTimeoutMs) && upstreamTimeoutMs > 0 && upstreamTimeoutMs < WIDGET_ATTEMPT_MS)) {
    configError('upstreamTimeoutMs', `must be a whole number of ms below the widget's ${WIDGET_ATTEMPT_MS} per attempt.`);
  }
  const maxUpstreamBytes = options.maxUpstreamBytes ?? 16 * 1024 * 1024;
  if (!(Number.isInteger(maxUpstreamBytes) && maxUpstreamBytes > 0)) configError('maxUpstreamBytes', 'must be a whole number above 0.');
  const bodyTimeoutMs = checkedTimer('bodyTimeoutMs', options.bodyTimeoutMs ?? 10_000);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) configError(`limits.${name}`, 'must be a number above 0.');
  }
  // A bucket that holds less than one call refuses every call.
  if (limits.burst < 1) configError('limits.burst', 'must be 1 or more.');
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
    fetch: options.fetch ?? platformFetch,
  };
}
