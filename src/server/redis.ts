/**
 * `credit-balance/server/redis`: the per-customer limits shared by every replica of the companion, in one Redis
 * (`ioredis`, an optional peer dependency). Each count is one atomic Lua script on Redis's own clock.
 *
 * When Redis cannot be reached, each replica falls back to limits in its own memory (one limit per replica
 * until Redis is back) and warns once per outage: a Redis outage never refuses a customer's credits.
 */
import { Redis } from 'ioredis';
import { type LimitStore, type Release, memoryStore } from './limits.js';

/** Takes one call from the bucket in KEYS[1]; returns 0, or the milliseconds until a call is back. */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate * 1000) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return wait`;

/** Counts a call in flight in KEYS[1] unless ARGV[1] are; 1 when counted, 0 when full. */
const ACQUIRE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Ends a call in flight counted in KEYS[1]. */
const RELEASE = `
local n = redis.call('DECR', KEYS[1])
if n <= 0 then redis.call('DEL', KEYS[1]) end
return n`;

export interface RedisStoreOptions {
  /** Prefix of every key; default `credit-balance:`. */
  prefix?: string;
}

/**
 * Limits shared through Redis: a `redis://` URL (a client is made that fails fast: no offline queue, 250 ms per
 * command) or an `ioredis` client of your own (give it `enableOfflineQueue: false` and a `commandTimeout`).
 */
export function redisStore(
  redis: Redis | string,
  { prefix = 'credit-balance:' }: RedisStoreOptions = {},
): LimitStore & { close(): Promise<void> } {
  if ('Deno' in globalThis || typeof process === 'undefined' || !process.versions?.node) {
    throw new TypeError(
      'redisStore needs Node (its sockets): on Deno or an edge runtime, leave `store` unset and the limits stay in memory.',
    );
  }
  const client =
    typeof redis === 'string'
      ? new Redis(redis, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, lazyConnect: false })
      : redis;
  // A client that cannot connect keeps trying in the background; its errors are answered by the fallback.
  client.on('error', () => {});
  const fallback = memoryStore();
  let down = false;
  const degraded = (error: unknown) => {
    if (!down) console.warn(`credit-balance/server: Redis is unreachable (${String(error)}); limits are per replica until it is back.`);
    down = true;
  };
  const run = async (script: string, key: string, ...args: (string | number)[]) => {
    const result = await client.eval(script, 1, `${prefix}${key}`, ...args);
    down = false;
    return Number(result);
  };
  return {
    async take(key, burst, perSecond) {
      try {
        const wait = await run(TAKE, `rate:${key}`, burst, perSecond);
        return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
      } catch (error) {
        degraded(error);
        return fallback.take(key, burst, perSecond);
      }
    },
    async acquire(key, max, ttlMs): Promise<Release | undefined> {
      try {
        if ((await run(ACQUIRE, `inflight:${key}`, max, ttlMs)) === 0) return undefined;
        return async () => {
          await run(RELEASE, `inflight:${key}`).catch(degraded);
        };
      } catch (error) {
        degraded(error);
        return fallback.acquire(key, max, ttlMs);
      }
    },
    async close() {
      if (typeof redis === 'string') client.disconnect();
    },
  };
}
