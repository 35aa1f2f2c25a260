/**
 * The companion's cache of Metronome's answers, so that a customer opening the settings page ten times in a minute
 * costs Metronome one call, not ten: per customer and per exact forwarded call, fresh for `ttlMs`, then served
 * stale for `staleMs` more while one call behind it fetches the answer again. Identical calls in flight at once
 * are one call. It lives in this process's memory (bounded by entries and bytes), or in a store every replica
 * shares (`redisStore`). A store that fails is no cache, never an error.
 */
import { LRUCache } from 'lru-cache';
import { configError } from './config.js';
import { sha256 } from './http.js';
import type { ForwardedCall } from './requests.js';
import type { UpstreamAnswer } from './upstream.js';

/** How long answers are kept, and how many. */
export interface AnswerCacheOptions {
  /** How long an answer is served as it is, in ms; default 15 000. `0` turns the cache off. */
  ttlMs?: number;
  /**
   * How much longer, in ms, an answer past `ttlMs` is still served, while one call behind it fetches it again;
   * default 45 000. `0`: an answer past `ttlMs` is fetched again before anyone gets it.
   */
  staleMs?: number;
  /** In memory: answers kept at most; default 1 000 (the least recently used go first). */
  maxEntries?: number;
  /** Bytes the kept answers may take at most, default 32 MiB; an answer larger than a quarter of it is never kept. */
  maxBytes?: number;
}

export const ANSWER_CACHE_DEFAULTS = { ttlMs: 15_000, staleMs: 45_000, maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 };

/** An answer as kept: Metronome's status, the headers the widget needs, the body, and when it was fetched. */
export interface KeptAnswer {
  /** When it was fetched, in ms since the epoch (the fetching replica's clock). */
  at: number;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Where answers are kept other than this process's memory: a store every replica shares. */
export interface AnswerStore {
  /** The answer kept under `key`, if any (and undefined when the store cannot say). */
  getAnswer(key: string): Promise<KeptAnswer | undefined>;
  /** Keeps `answer` under `key` for `ttlMs`; a store that cannot, keeps nothing. */
  setAnswer(key: string, answer: KeptAnswer, ttlMs: number): Promise<void>;
}

/** How a request was answered: from the cache, stale while it is fetched again, or from Metronome. */
export type CacheOutcome = 'hit' | 'stale' | 'miss' | 'bypass' | 'off';

/** The answers of this process, within `maxEntries` and `maxBytes`, each for as long as it may be served. */
function memoryAnswers({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }): AnswerStore {
  const kept = new LRUCache<string, KeptAnswer>({
    max: maxEntries,
    maxSize: maxBytes,
    maxEntrySize: maxBytes / 4,
    sizeCalculation: (answer, key) => answer.body.byteLength + key.length + 256,
  });
  return {
    async getAnswer(key) {
      return kept.get(key);
    },
    async setAnswer(key, answer, ttlMs) {
      kept.set(key, answer, { ttl: ttlMs });
    },
  };
}

/**
 * A call shared by the requests that ask for it at once: it is aborted only when every one of them has left.
 */
class SharedCall {
  readonly #controller = new AbortController();
  #followers = 0;
  readonly answer: Promise<UpstreamAnswer>;

  constructor(fetch: (signal: AbortSignal) => Promise<UpstreamAnswer>) {
    this.answer = fetch(this.#controller.signal);
  }

  /** The answer for one more request, which stops waiting (and counts as gone) when `signal` aborts. */
  follow(signal: AbortSignal): Promise<UpstreamAnswer> {
    this.#followers += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        if (--this.#followers === 0) this.#controller.abort(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      this.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }
}

/**
 * The cache in front of `fetch` (one call to Metronome, within the customer's limits): `answer` gives the answer
 * for a customer's call, and says where it came from.
 */
export function answerCache(options: AnswerCacheOptions = {}, shared?: AnswerStore) {
  const { ttlMs, staleMs, maxEntries, maxBytes } = { ...ANSWER_CACHE_DEFAULTS, ...options };
  for (const [name, value] of Object.entries({ ttlMs, staleMs })) {
    if (!(Number.isInteger(value) && value >= 0)) configError(`cache.${name}`, 'must be a whole number of ms, 0 or more.');
  }
  for (const [name, value] of Object.entries({ maxEntries, maxBytes })) {
    if (!(Number.isInteger(value) && value > 0)) configError(`cache.${name}`, 'must be a whole number above 0.');
  }
  const store = shared ?? memoryAnswers({ maxEntries, maxBytes });
  const maxAnswerBytes = maxBytes / 4;
  /** Calls in flight, by key: a request for the same call follows the one under way. */
  const inFlight = new Map<string, SharedCall>();

  /** One call for `key`, shared by whoever asks for it while it is under way; a good answer is kept. */
  function call(key: string, fetch: (signal: AbortSignal) => Promise<UpstreamAnswer>): SharedCall {
    let shared = inFlight.get(key);
    if (shared) return shared;
    shared = new SharedCall(async (signal) => {
      try {
        const answer = await fetch(signal);
        if (answer.status === 200 && answer.upstreamError === undefined && answer.body.byteLength <= maxAnswerBytes) {
          await store.setAnswer(key, { ...answer, at: Date.now() }, ttlMs + staleMs).catch(() => {});
        }
        return answer;
      } finally {
        inFlight.delete(key);
      }
    });
    inFlight.set(key, shared);
    return shared;
  }

  return {
    /**
     * The answer to `forwarded` for `customerId`: kept and fresh, kept and stale (and fetched again behind it),
     * or fetched (`bypass`: fetched whatever is kept, and kept for the next request). `fetch` makes the call.
     */
    async answer(
      customerId: string,
      forwarded: ForwardedCall,
      { bypass, signal }: { bypass: boolean; signal: AbortSignal },
      fetch: (signal: AbortSignal) => Promise<UpstreamAnswer>,
    ): Promise<{ answer: UpstreamAnswer; outcome: CacheOutcome }> {
      if (ttlMs === 0) return { answer: await fetch(signal), outcome: 'off' };
      // The customer is in the key whatever the body says: an answer is never another customer's.
      const key = await sha256(JSON.stringify([customerId, forwarded.route.path, forwarded.query, forwarded.body]));
      if (!bypass) {
        const kept = await store.getAnswer(key).catch(() => undefined);
        const age = kept ? Date.now() - kept.at : Infinity;
        if (kept && age >= 0 && age < ttlMs) return { answer: kept, outcome: 'hit' };
        if (kept && age >= 0 && age < ttlMs + staleMs) {
          // Fetched again behind the stale answer, by one call however many requests see it stale.
          call(key, fetch).answer.catch(() => {});
          return { answer: kept, outcome: 'stale' };
        }
      }
      return { answer: await call(key, fetch).follow(signal), outcome: bypass ? 'bypass' : 'miss' };
    },
  };
}
