/**
 * A whole load: the plan from the attributes and the token, the source (grants fetched on demand), every page
 * followed, each record read or set aside, the 401 refresh; and the token request to the host.
 */
import type { NormalizedCredit, SkippedCredit, SourceName } from '../credit.js';
import type { AnsweredPage, FirstPage, Token, TokenCache, TokenResponse } from './token.js';
import { creditsSource } from './credits.js';
import { CreditBalanceError } from '../errors.js';
import { type HttpDeps, postJson } from './http.js';
import { LIST_PATHS, METRONOME_API_BASE, PAGE_SIZES } from '../metronome.js';
import type { LoadPlan } from './load-plan.js';
import type { ReadLedger } from './ledgers.js';
import type { ListPlan, Source } from './source.js';
import type { TopUp } from './top-up.js';
import { page } from './validate.js';

/** Past this many pages a load stops with an error rather than loop on a cursor that never ends. */
export const MAX_PAGES = 200;

/**
 * The code a load reads its list with, fetched alongside the token request: the list's source (commits and
 * balances, and grants, Metronome's older Plans, are chunks of their own, fetched only by widgets that read them)
 * and, on a page that asks for the contract lists' ledgers, the chunk that reads those. Without that chunk (a host
 * that copied the bundle alone) the credits show without their history, and the browser's console says why.
 */
async function loadReaders(name: SourceName, ledgers: boolean): Promise<{ source: Source; readLedger?: ReadLedger }> {
  try {
    const [source, ledgerChunk] = await Promise.all([
      sourceOf(name),
      ledgers && name !== 'grants' ? import('./ledgers.js').catch(() => undefined) : undefined,
    ]);
    return { source, readLedger: ledgerChunk?.readLedger };
  } catch (error) {
    throw new CreditBalanceError('network', `Could not fetch the code that reads ${name}.`, undefined, { cause: error });
  }
}

async function sourceOf(name: SourceName): Promise<Source> {
  switch (name) {
    case 'credits':
      return creditsSource;
    case 'commits':
      return (await import('./commits.js')).commitsSource;
    case 'balances':
      return (await import('./commits.js')).balancesSource;
    case 'grants':
      return (await import('./grants.js')).grantsSource;
  }
}

/**
 * Where tokens come from: one cache entry per `key` (`[token URL or provider, customer]`), filled by `fetch`, which
 * asks a token endpoint to answer `firstPage` beside the token (a token provider ignores it).
 */
export interface TokenSession {
  key: readonly unknown[];
  fetch: (firstPage?: FirstPage) => Promise<unknown>;
  cache: TokenCache;
  /** What a relative `api_base` in a token is resolved against: the token endpoint, or the page for a provider. */
  url: string;
}

/**
 * The list plan of a load once the token has said which customer and which base URL (a relative `api_base`
 * resolved against `tokenBase`, where the token came from).
 */
export function listPlanOf(plan: LoadPlan, token: Pick<Token, 'customerId' | 'apiBase'>, tokenBase: string): ListPlan {
  const customerId = token.customerId ?? plan.customerId;
  if (!customerId) {
    throw new CreditBalanceError('token', 'No customer: set customer-id, or return customer_id from the token endpoint.');
  }
  let apiBase: string;
  try {
    apiBase = plan.apiBase ?? new URL(token.apiBase || METRONOME_API_BASE, tokenBase).href;
  } catch (error) {
    // The api-base attribute is checked up front (a config error): this is the token endpoint's api_base.
    throw new CreditBalanceError('token', `The token endpoint's api_base "${token.apiBase}" is not a URL.`, undefined, { cause: error });
  }
  return {
    source: plan.source,
    customerId,
    apiBase,
    limit: plan.pageSize ?? PAGE_SIZES[plan.source].default,
    scope: plan.scope,
    includeArchived: plan.includeArchived,
    includeLedgers: plan.includeLedgers,
    excludeZeroBalances: plan.excludeZeroBalances,
    coveringDate: plan.coveringDate,
    startingAt: plan.startingAt,
    effectiveBefore: plan.effectiveBefore,
    notExpiringBefore: plan.notExpiringBefore,
    creditId: plan.creditId,
  };
}

/** What a load has read so far: the credits, and the records it could not read. */
export interface Loaded {
  credits: NormalizedCredit[];
  skipped: SkippedCredit[];
  /** With `top-up`, once read: the automatic top-ups of the customer's contracts (none: an empty list). */
  topUps?: TopUp[] | undefined;
}

/**
 * One record of a page, normalized (its ledger with `readLedger`); or, when it cannot be read, its id (if readable)
 * and what is wrong with it.
 */
export function readRecord(source: Source, item: unknown, path: string, readLedger?: ReadLedger): NormalizedCredit | SkippedCredit {
  try {
    return source.normalize(item, path, readLedger);
  } catch (error) {
    if (!(error instanceof CreditBalanceError)) throw error;
    const id = (item as { id?: unknown } | null)?.id;
    return { ...(typeof id === 'string' && { id }), message: error.message };
  }
}

/** The wire JSON each normalized credit was read from, to tell an unchanged credit on the next load. */
const fingerprints = new WeakMap<NormalizedCredit, string>();

/**
 * Loads every page of a customer's credits (or grants), yielding all credits read so far after each page.
 * Only a broken envelope (a body that is not an object, `data` that is not an array, a bad cursor) fails the
 * load: a record that cannot be read is set aside in `skipped`, with the message naming its bad field.
 * A `401` drops the token and tries once more with a fresh one; a second `401` is an `auth` error.
 * A cursor that repeats, or more than {@link MAX_PAGES} pages, is an `invalid-response` error.
 * A credit whose wire JSON is the same as in `previous` comes back as the same object, so views can skip it.
 * A `fresh` load asks past the caches on the way (the companion's), for `refresh()` and a retry after an error.
 * A token request it makes asks for the first page with the token, which a companion answers (README, "The token
 * endpoint").
 */
export async function* loadCredits(
  config: LoadPlan,
  session: TokenSession,
  http: HttpDeps,
  signal: AbortSignal,
  { previous = [], fresh = false }: { previous?: readonly NormalizedCredit[]; fresh?: boolean } = {},
): AsyncGenerator<Loaded> {
  const before = new Map(previous.map((credit) => [credit.id, credit]));
  // The code that reads the list arrives while the token request is in flight, not after it; so does the top-up's.
  const readersArriving = loadReaders(config.source, config.includeLedgers);
  readersArriving.catch(() => {}); // handled below, once the token has come (or failed)
  const topUpArriving = config.topUp ? import('./top-up.js') : undefined;
  topUpArriving?.catch(() => {}); // handled below, as any failure to read the top-up
  // The token endpoint is asked to answer the first page of credits with the token, a round trip saved, where the
  // widget can write that call before the token names the customer and the base: the customer named on the
  // element, the base the token's (the companion's). A fresh load asks the API itself, past the companion's cache.
  const firstPage =
    config.source === 'credits' && config.customerId && !config.apiBase && !fresh
      ? { path: LIST_PATHS.credits, body: creditsSource.request(listPlanOf(config, {}, session.url), undefined).body }
      : undefined;
  // The answer comes only to the load whose token request asked for it (a load that reuses a token asks the API).
  let answered: AnsweredPage | undefined;
  const fetchToken = async () => {
    const json = await session.fetch(firstPage);
    if (firstPage) answered = (json as TokenResponse | null)?.first_page;
    return json;
  };
  let token = await session.cache.get(session.key, fetchToken, signal);
  const plan = listPlanOf(config, token, session.url);
  const { source, readLedger } = await readersArriving;
  let refreshed = false;

  const fetchPage = async (request: { url: string; body: unknown }): Promise<unknown> => {
    // The first page from the token's answer, if it answers this very call (the token may name another customer
    // than the element did), once.
    if (answered && JSON.stringify(request.body) === JSON.stringify(answered.body)) {
      const { answer } = answered;
      answered = undefined;
      return answer;
    }
    for (;;) {
      try {
        return await postJson({ ...request, headers: { Authorization: `Bearer ${token.value}` }, fresh }, signal, http);
      } catch (error) {
        if (!(error instanceof CreditBalanceError && error.status === 401)) throw error;
        if (refreshed) {
          throw new CreditBalanceError('auth', 'The API refused a freshly issued token (HTTP 401).', 401);
        }
        refreshed = true;
        await session.cache.invalidate(session.key, token);
        token = await session.cache.get(session.key, session.fetch, signal);
      }
    }
  };

  // The automatic top-up is asked for beside the first page, and shown with the first page after it arrives.
  let topUps: TopUp[] | undefined;
  const topUpsRead = topUpArriving?.then(
    async ({ loadTopUps }) => (topUps = await loadTopUps(plan, fetchPage, http.now())),
    () => {}, // its chunk could not be fetched: no top-up, and the browser's console says why
  );

  const credits = new Map<string, NormalizedCredit>();
  const skipped: SkippedCredit[] = [];
  const soFar = (): Loaded => ({ credits: [...credits.values()], skipped: [...skipped], topUps });
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const { data, nextPage } = page(await fetchPage(source.request(plan, cursor)));
    data.forEach((item, i) => {
      const fresh = readRecord(source, item, `data[${i}]`, readLedger);
      if ('message' in fresh) {
        skipped.push(fresh);
        return;
      }
      // `credit-id` picks one item: the contract lists filter by it, "List credit grants" (which the companion
      // lets list by customer only) is filtered here.
      if (credits.has(fresh.id) || (plan.creditId && fresh.id !== plan.creditId)) return;
      const wire = JSON.stringify(item);
      const old = before.get(fresh.id);
      const credit = old && fingerprints.get(old) === wire ? old : fresh;
      fingerprints.set(credit, wire);
      credits.set(credit.id, credit);
    });
    yield soFar();
    if (!nextPage) break;
    if (cursors.has(nextPage)) {
      throw new CreditBalanceError('invalid-response', 'The API repeated a page cursor; loading stopped to avoid an endless loop.');
    }
    if (pages >= MAX_PAGES) {
      throw new CreditBalanceError(
        'invalid-response',
        `Loading stopped after ${MAX_PAGES} pages: the API kept answering with a next_page.`,
      );
    }
    cursors.add(nextPage);
    cursor = nextPage;
  }
  if (topUpsRead) {
    await topUpsRead;
    yield soFar();
  }
}

/**
 * Asks the host's token endpoint for a token: `POST` with the customer, the list call to answer beside it (the
 * companion does; another endpoint may ignore it), and the session cookie as `credentials` allow (`same-origin` by
 * default; `include` for a token endpoint on a sibling origin).
 */
export async function requestToken(
  tokenUrl: string,
  customerId: string | undefined,
  http: HttpDeps,
  credentials: RequestCredentials = 'same-origin',
  firstPage?: FirstPage,
): Promise<unknown> {
  try {
    return await postJson(
      { url: tokenUrl, body: { ...(customerId && { customer_id: customerId }), first_page: firstPage }, credentials },
      new AbortController().signal,
      http,
    );
  } catch (error) {
    throw asTokenError(error);
  }
}

/** Any failure to obtain a token, as a `token` error. */
export const asTokenError = (error: unknown): CreditBalanceError =>
  new CreditBalanceError(
    'token',
    `Could not get a token: ${error instanceof Error ? error.message : String(error)}`,
    error instanceof CreditBalanceError ? error.status : undefined,
    { cause: error },
  );
