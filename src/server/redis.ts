/**
 * `credit-balance/server/redis`: the per-customer limits and the cache of Metronome's answers, shared by every
 * replica of the companion in one Redis (`ioredis`, an optional peer dependency). Each count is one atomic Lua
 * script on Redis's own clock; each answer one value that expires by itself.
 *
 * When Redis cannot be reached, each replica falls back to limits in its own memory (one limit per replica
 * until Redis is back) and to no cache, and warns once per outage: a Redis outage never refuses a customer's
 * credits.
 */
import { Redis } from 'ioredis';
import type { AnswerStore, KeptAnswer } from './answers.js';
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

/**
 * Counts a call in flight in KEYS[1], a sorted set of call ids (ARGV[3]) by the time each one's count lapses
 * (now + ARGV[2] ms), unless ARGV[1] are in flight; 1 when counted, 0 when full. Lapsed calls go first: a call
 * whose end was lost holds its place for its own lifetime only, however many calls come after it.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Ends the call ARGV[1] counted in KEYS[1] (nothing, if it never was). */
const RELEASE = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** A kept answer as one Redis value: its JSON head (time, status, headers), a line break, then the body's bytes. */
const toRedis = ({ at, status, headers, body }: KeptAnswer): Buffer =>
  Buffer.concat([Buffer.from(`${JSON.stringify({ at, status, headers })}\n`), body]);

/** The answer of a value {@link toRedis} wrote; undefined for anything else. */
function fromRedis(value: Buffer): KeptAnswer | undefined {
  const end = value.indexOf(0x0a);
  if (end < 0) return undefined;
  try {
    const { at, status, headers } = JSON.parse(value.subarray(0, end).toString()) as Omit<KeptAnswer, 'body'>;
    if (typeof at !== 'number' || typeof status !== 'number' || typeof headers !== 'object' || !headers) return undefined;
    return { at, status, headers, body: new Uint8Array(value.subarray(end + 1)) };
  } catch {
    return undefined;
  }
}

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
): LimitStore & AnswerStore & { close(): Promise<void> } {
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
      const calls = `calls:${key}`;
      const id = crypto.randomUUID();
      const release = () => run(RELEASE, calls, id).then(() => undefined, degraded);
      try {
        if ((await run(ACQUIRE, calls, max, ttlMs, id)) === 0) return undefined;
        return release;
      } catch (error) {
        // A stalled Redis may still run the acquire once it wakes: the release, sent after it, ends it then.
        void release();
        degraded(error);
        return fallback.acquire(key, max, ttlMs);
      }
    },
    async getAnswer(key) {
      try {
        const kept = await client.getBuffer(`${prefix}answer:${key}`);
        down = false;
        return kept ? fromRedis(kept) : undefined;
      } catch (error) {
        degraded(error);
        return undefined;
      }
    },
    async setAnswer(key, answer, ttlMs) {
      try {
        await client.set(`${prefix}answer:${key}`, toRedis(answer), 'PX', ttlMs);
        down = false;
      } catch (error) {
        degraded(error);
      }
    },
    async close() {
      if (typeof redis === 'string') client.disconnect();
    },
  };
}
