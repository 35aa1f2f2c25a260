/**
 * Loading, for `<credit-balance>`: a reactive controller that owns the `Task`, the token cache and the loads
 * in flight that every widget on the page shares, the key that tells one configuration from another,
 * progressive rendering and reconnecting. The element reads one value, {@link CreditsController.value}.
 */
import { Task, TaskStatus, shallowArrayEquals } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, sleep } from './lib/abort.js';
import { type Loaded, type TokenSession, asTokenError, loadCredits, requestToken } from './lib/api/client.js';
import type { HttpDeps } from './lib/api/http.js';
import { InFlightLoads } from './lib/api/in-flight.js';
import { type LoadPlan, loadKey, loadPlanOf } from './lib/api/load-plan.js';
import { TokenCache } from './lib/api/token.js';
import { TupleMap } from './lib/tuple-map.js';
import { type WidgetOptions, configProblem } from './lib/config.js';
import { CreditBalanceError, type ErrorDetail } from './lib/errors.js';
import type { CreditsState, Shown } from './lib/load-state.js';

/** Every widget on the page shares these: one token request and one cached token per token source and customer… */
const sharedTokens = new TokenCache(() => Date.now());
/** …and one load for widgets with the same configuration, while it is in flight. */
const sharedLoads = new InFlightLoads<Loaded>();

const browserHttp: HttpDeps = {
  fetch: (input, init) => globalThis.fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  sleep,
  deadline: (ms) => AbortSignal.timeout(ms),
};

/**
 * A widget mounted again with a configuration the page has shown within this long (an SPA's route change, a
 * settings tab shown again) shows that data at once and loads again behind it, as a refresh does.
 */
export const REMOUNT_WINDOW_MS = 5 * 60_000;
/** The last complete data of each configuration shown on the page, for a widget mounted again with it. */
const lastShown = new TupleMap<readonly unknown[], Shown>();
/** Configurations remembered at most (a page that switches between many customers keeps bounded memory). */
const LAST_SHOWN_LIMIT = 50;

/**
 * How long a widget with no token source waits for one before it reports the mistake: a `tokenProvider` set
 * after the element upgrades (React hydrating server-rendered HTML, a ref callback, a framework that sets
 * properties late) then loads without a flash of error or a `credit-balance-error`.
 */
export const TOKEN_SOURCE_WAIT_MS = 3000;

/** The element the controller loads for: its options, read at each update. */
export type CreditsHost = ReactiveControllerHost & HTMLElement & WidgetOptions;

/**
 * A configuration: its key, and either what to load or the mistake that stops it (after a wait, when the
 * mistake is a token source not set yet).
 */
type Plan = { key: readonly unknown[] } & ({ load: LoadPlan; session: TokenSession } | { problem: CreditBalanceError; wait: boolean });

export class CreditsController implements ReactiveController {
  #shown?: Shown;
  #refreshed = false;
  #interrupted = false;
  /** The next load asks past the caches on the way: `refresh()` (the retry button's too) wants the data of now. */
  #fresh = false;
  /** The result the next update owes the page an event for. */
  #outcome?: 'load' | 'error';
  #plan!: Plan;

  readonly #task: Task<readonly [Plan], Loaded>;

  constructor(private readonly host: CreditsHost) {
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [(this.#plan = planOf(host))] as const,
      argsEqual: ([a], [b]) => shallowArrayEquals(a.key, b.key),
      task: ([plan], { signal }) => this.#load(plan, signal),
      onComplete: () => {
        this.#outcome = 'load';
      },
      onError: (error) => {
        this.#interrupted = isAbortError(error);
        if (this.#interrupted) return;
        this.#outcome = 'error';
        // Part of a first load is not "last good data": show the error alone.
        if (!this.#shown?.complete) this.#shown = undefined;
      },
    });
  }

  get value(): CreditsState {
    const shown = this.#shown && shallowArrayEquals(this.#shown.key, this.#plan.key) ? this.#shown : undefined;
    const status = this.#task.status;
    const error = status === TaskStatus.ERROR && !this.#interrupted ? errorDetail(this.#task.error) : undefined;
    return {
      status: status === TaskStatus.COMPLETE ? 'complete' : error ? 'error' : status === TaskStatus.ERROR ? 'idle' : 'loading',
      shown,
      error,
      skipped: shown?.skipped ?? [],
      refreshed: this.#refreshed && !!shown?.complete && !error,
    };
  }

  /** The result whose event is owed, once: `load`, `error`, or nothing new. */
  takeOutcome(): 'load' | 'error' | undefined {
    const outcome = this.#outcome;
    this.#outcome = undefined;
    return outcome;
  }

  /** Loads again, past the caches on the way; resolves when the load has settled. */
  async run(): Promise<void> {
    this.#fresh = true;
    await this.#task.run();
  }

  hostConnected(): void {
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    if (this.#task.status === TaskStatus.PENDING) this.#task.abort();
  }

  async #load(plan: Plan, signal: AbortSignal): Promise<Loaded> {
    if ('problem' in plan) {
      if (plan.wait) await sleep(TOKEN_SOURCE_WAIT_MS, signal);
      console.warn(`<credit-balance>: ${plan.problem.message}`);
      throw plan.problem;
    }
    const { key, load, session } = plan;
    const fresh = this.#fresh;
    this.#fresh = false;
    let current = this.#shown && shallowArrayEquals(this.#shown.key, key) ? this.#shown : undefined;
    const kept = lastShown.get(key);
    const remounted = !current && kept !== undefined && Date.now() - kept.at.getTime() < REMOUNT_WINDOW_MS;
    if (remounted) {
      // Mounted again: what the page last showed for this configuration, at once, and loaded again behind it.
      current = this.#shown = kept;
      this.host.requestUpdate();
    }
    // A first load shows the list as it grows; a reload keeps the last good data until it is complete.
    const progressive = !current?.complete;
    let loaded: Loaded = { credits: [], skipped: [] };
    let shownCount = 0;
    const pages = sharedLoads.follow(
      key,
      (shared) => loadCredits(load, session, browserHttp, shared, { previous: current?.credits, fresh }),
      signal,
    );
    for await (loaded of pages) {
      if (signal.aborted) break;
      // The first page at once, then each time the list has doubled, then the whole list when complete. Each growth
      // costs the browser a pass over every card already on screen (style, layout, paint preparation): growing by
      // doubling costs about twice one whole render, where growing with every page costs the square of their
      // number (2,000 credits in 80 pages took 14 s to show in Chromium growing every 150 ms, 7 s by doubling).
      if (progressive && loaded.credits.length >= 2 * shownCount) {
        shownCount = loaded.credits.length;
        this.#shown = { key, ...loaded, at: new Date(), complete: false };
        this.host.requestUpdate();
      }
    }
    signal.throwIfAborted();
    this.#shown = { key, ...loaded, at: new Date(), complete: true };
    if (lastShown.size >= LAST_SHOWN_LIMIT) lastShown.clear();
    lastShown.set(key, this.#shown);
    // Data shown again on a mount is no news to announce: the page has just been opened.
    this.#refreshed = !progressive && !remounted;
    return loaded;
  }
}

/**
 * The configuration the element's options describe: its key (the token source and the load plan's fields) and
 * how to load it, or the mistake that stops it.
 */
function planOf(element: CreditsHost): Plan {
  const pageUrl = document.baseURI;
  const { tokenProvider, tokenUrl } = element;
  const problem = configProblem(element, { pageUrl, tokenProviderAttribute: element.hasAttribute('tokenprovider') });
  if (problem) return { key: ['config', problem.message], problem, wait: !tokenUrl && !tokenProvider };
  const load = loadPlanOf(element, pageUrl);
  const { customerId, tokenCredentials: credentials } = load;
  // The token provider function itself, or the resolved token URL, identifies where tokens come from.
  const session: TokenSession = {
    key: [tokenProvider ?? load.tokenUrl, customerId, credentials],
    cache: sharedTokens,
    url: load.tokenUrl ?? pageUrl,
    fetch: tokenProvider
      ? () =>
          Promise.resolve()
            .then(tokenProvider)
            .catch((error: unknown) => {
              throw asTokenError(error);
            })
      : (firstPage) => requestToken(load.tokenUrl!, customerId, browserHttp, credentials, firstPage),
  };
  return { key: [tokenProvider, ...loadKey(load)], load, session };
}

/** What `credit-balance-error` carries: the code and message, and for a fault that is not ours to name, its cause. */
function errorDetail(error: unknown): ErrorDetail {
  if (error instanceof CreditBalanceError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.status !== undefined && { status: error.status }),
      ...(error.cause !== undefined && { cause: error.cause }),
    };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error), cause: error };
}
