/** Loads in flight shared by every widget with the same configuration (one request per page for all of them). */
import { abortReason, abortable } from '../abort.js';
import { TupleMap } from '../tuple-map.js';

interface InFlight<T> {
  /** The latest value, and how many values the load has yielded. */
  latest?: T;
  version: number;
  done: boolean;
  failed: boolean;
  error: unknown;
  /** Settles when the load yields, ends or fails. */
  changed: Promise<void>;
  subscribers: number;
  controller: AbortController;
}

/**
 * Shares identical loads that are in flight: the first caller for a key starts the load, later callers with
 * the same key follow it. Each value is the whole result so far, so a follower gets the latest one and every
 * one after it. The load is aborted only when every follower has aborted. A finished load is forgotten:
 * the next call starts a new one.
 */
export class InFlightLoads<T> {
  readonly #loads = new TupleMap<readonly unknown[], InFlight<T>>();

  /** Follows the load for `key` (a tuple of everything that shapes it), starting it when none is in flight. */
  async *follow(key: readonly unknown[], start: (signal: AbortSignal) => AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
    signal.throwIfAborted();
    const load = this.#loads.get(key) ?? this.#start(key, start);
    load.subscribers += 1;
    let seen = 0;
    try {
      for (;;) {
        if (load.version > seen) {
          seen = load.version;
          yield load.latest!;
          continue;
        }
        if (load.failed) throw load.error;
        if (load.done) return;
        await abortable(load.changed, signal);
      }
    } finally {
      load.subscribers -= 1;
      if (load.subscribers === 0 && !load.done && !load.failed) {
        this.#loads.delete(key);
        load.controller.abort(abortReason(signal));
      }
    }
  }

  #start(key: readonly unknown[], start: (signal: AbortSignal) => AsyncIterable<T>): InFlight<T> {
    let notify = () => {};
    const arm = () => new Promise<void>((resolve) => (notify = resolve));
    const load: InFlight<T> = {
      version: 0,
      done: false,
      failed: false,
      error: undefined,
      changed: arm(),
      subscribers: 0,
      controller: new AbortController(),
    };
    const settle = () => {
      const wake = notify;
      load.changed = arm();
      wake();
    };
    this.#loads.set(key, load);
    void (async () => {
      try {
        for await (const value of start(load.controller.signal)) {
          load.latest = value;
          load.version += 1;
          settle();
        }
        load.done = true;
      } catch (error) {
        load.failed = true;
        load.error = error;
      } finally {
        if (this.#loads.get(key) === load) this.#loads.delete(key);
        settle();
      }
    })();
    return load;
  }
}
