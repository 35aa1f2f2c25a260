/**
 * Per-customer limits on what the companion sends to Metronome with the organization's key: a cap on calls
 * in flight and a request rate (a token bucket). The counts live in a {@link LimitStore}: in this process by
 * default, or shared by every replica (`credit-balance/server/redis`).
 */
import { LRUCache } from 'lru-cache';
import { HttpError } from './http.js';

/** How many calls one customer may make to Metronome. The defaults never bother a real widget. */
export interface CustomerLimits {
  /** Upstream calls in flight at once; default 8 (a widget loads its pages one after another). */
  maxInFlight?: number;
  /** Calls a customer may make at once before the rate applies (the bucket's size); default 120. */
  burst?: number;
  /** Calls per second, refilling the bucket; default 4. */
  perSecond?: number;
}

export const DEFAULT_LIMITS: Required<CustomerLimits> = { maxInFlight: 8, burst: 120, perSecond: 4 };

/** Where the counts live. Every method is atomic for one key, however many replicas share the store. */
export interface LimitStore {
  /** Takes one call from `key`'s bucket; when it is empty, says how long until one is back. */
  take(key: string, burst: number, perSecond: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /**
   * Counts a call in flight for `key` unless `max` already are, and gives the function that ends it;
   * `ttlMs` bounds a count whose end is lost (a replica that died mid-call).
   */
  acquire(key: string, max: number, ttlMs: number): Promise<Release | undefined>;
}

/** Ends a call in flight. */
export type Release = () => Promise<void>;

/** What a {@link memoryStore} keeps: its clock, and how many buckets at most. */
export interface MemoryStoreOptions {
  /** The clock buckets refill by, in ms; default `Date.now`. */
  now?: () => number;
  /**
   * The most buckets kept, default 50 000: past it, the least recently used is forgotten (as if it had refilled),
   * so that keys a caller makes up (client addresses) cost a bounded memory.
   */
  maxKeys?: number;
}

/** The counts in this process's memory: one limit per replica. */
export function memoryStore({ now = () => Date.now(), maxKeys = 50_000 }: MemoryStoreOptions = {}): LimitStore {
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: maxKeys });
  const inFlight = new Map<string, number>();
  return {
    async take(key, burst, perSecond) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / perSecond) * 1000) };
    },
    async acquire(key, max) {
      const count = inFlight.get(key) ?? 0;
      if (count >= max) return undefined;
      inFlight.set(key, count + 1);
      return async () => {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
      };
    },
  };
}

/** Takes one call from `key`'s bucket in `store`; when it is empty, throws the `429` that says when to come back. */
export async function takeOrRefuse(store: LimitStore, key: string, burst: number, perSecond: number, message: string): Promise<void> {
  const rate = await store.take(key, burst, perSecond);
  if (!rate.ok) throw new HttpError(429, message, { 'retry-after': String(Math.max(1, Math.ceil(rate.retryAfterMs / 1000))) });
}
