/**
 * A Metronome-shaped mock API, as a web-standard `(Request) => Promise<Response>` handler: the list endpoints
 * (credits, commits, balances and credit grants) and "List contracts" (v2) with Metronome's wire format, pagination,
 * limits and errors; a simple token endpoint for
 * testing the widget on its own; and test scenarios with fault injection and a request log.
 * The demo (Vite) and the browser tests (web-test-runner) mount this same handler.
 */
import {
  CUSTOMERS,
  type MockCommit,
  type MockCredit,
  type MockGrant,
  acmeCredits,
  contractBalances,
  contracts,
  edgeCredits,
  manyCredits,
  plansGrants,
} from './fixtures.js';

/** The bearer token the mock accepts in place of a Metronome API key. */
export const MOCK_API_KEY = 'mock-metronome-key';

export type Route = 'token' | 'credits' | 'commits' | 'balances' | 'grants' | 'contracts';

/** The list endpoints, by Metronome's path. */
const LISTS: Record<string, Route> = {
  '/v1/contracts/customerCredits/list': 'credits',
  '/v1/contracts/customerCommits/list': 'commits',
  '/v1/contracts/customerBalances/list': 'balances',
  '/v1/credits/listGrants': 'grants',
  '/v2/contracts/list': 'contracts',
};

/** One injected fault: the next matching request gets this answer instead of the normal one. */
export interface Fault {
  route: Route;
  status?: number;
  headers?: Record<string, string>;
  /** Raw body text (truncated JSON, HTML, …); default `{"message": "Injected fault"}`. */
  body?: string;
  /** Wait this long before answering (the normal answer when no status or body is given). */
  delayMs?: number;
  /**
   * Hold the answer until the test opens this gate (`POST /__scenarios/:id/gates/:gate`): a slow answer
   * whose timing the test decides, without waiting on the clock.
   */
  gate?: string;
  /** Send the headers and the start of a body, then nothing more until the gate (or forever): a stalled body. */
  trickle?: boolean;
  /** Answer with a JSON body this many bytes long, made as it is read (the log counts what was sent). */
  bodyBytes?: number;
  /** Announce a body's length, send the start of it, then cut the connection: every browser sees a network error. */
  drop?: boolean;
  /**
   * The same without a length (a chunked body): Chromium and Firefox report a network error; WebKit hands the
   * page the truncated body as if it were whole.
   */
  cut?: boolean;
  /** How many requests this fault answers (default 1). */
  times?: number;
}

/** A test's own customer: its id is the scenario id; data and misbehaviour are the test's to choose. */
export interface Scenario {
  /** Copy the data of this seeded customer id. */
  base?: string;
  credits?: unknown[];
  commits?: unknown[];
  grants?: unknown[];
  /** "List contracts" (v2): the customer's contracts, as Metronome sends them. */
  contracts?: unknown[];
  faults?: Fault[];
  /** `repeat`: every page answers the same cursor; `endless`: a new cursor forever. */
  cursor?: 'repeat' | 'endless';
  /** Lifetime of tokens from the mock's token endpoint. */
  tokenExpiresIn?: number;
  /** The mock's token endpoint names this customer in its answer. */
  tokenCustomerId?: string;
}

export interface LoggedRequest {
  route: Route;
  query: Record<string, string>;
  body: unknown;
  authorization: string | null;
  at: number;
  /** The caller went away before the answer was complete. */
  aborted?: boolean;
  /** Bytes of a `bodyBytes` answer actually sent. */
  sent?: number;
}

interface ScenarioState extends Scenario {
  log: LoggedRequest[];
  faults: Fault[];
  /** Each gate, and how to open it. */
  gates: Map<string, { opened: Promise<void>; open: () => void }>;
}

/** The gate `name` of a scenario, made closed on first use. */
function gate(scenario: ScenarioState, name: string) {
  let entry = scenario.gates.get(name);
  if (!entry) {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    scenario.gates.set(name, (entry = { opened, open }));
  }
  return entry;
}

export interface MockOptions {
  /** The path the mock is mounted at, e.g. `/mock`. */
  basePath?: string;
  now?: () => Date;
}

/** What the mock holds for one customer. */
interface CustomerData {
  credits: unknown[];
  commits: unknown[];
  grants: unknown[];
  contracts?: unknown[];
}

/** The body fields that bring in contract-level items and that pick one item, per list. */
const LIST_FIELDS = {
  credits: { contractField: 'include_contract_credits', idField: 'credit_id' },
  commits: { contractField: 'include_contract_commits', idField: 'commit_id' },
  balances: { contractField: 'include_contract_balances', idField: 'id' },
} as const;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const error = (status: number, message: string) => json(status, { message });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const decodeCursor = (cursor: string): number | undefined => {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
};

export function createMockMetronome(options: MockOptions = {}) {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const scenarios = new Map<string, ScenarioState>();
  const issuedTokens = new Set<string>([MOCK_API_KEY]);
  let scenarioCount = 0;

  function seeded(customerId: string): CustomerData | undefined {
    const at = now();
    switch (customerId) {
      case CUSTOMERS.acme:
        return { credits: acmeCredits(at), commits: [], grants: [] };
      case CUSTOMERS.many:
        return { credits: manyCredits(at), commits: [], grants: [] };
      case CUSTOMERS.empty:
        return { credits: [], commits: [], grants: [] };
      case CUSTOMERS.plans:
        return { credits: [], commits: [], grants: plansGrants(at, customerId) };
      case CUSTOMERS.edge:
        return { credits: edgeCredits(at), commits: [], grants: [] };
      case CUSTOMERS.contract:
        return { ...contractBalances(at), grants: [], contracts: contracts(at) };
      default:
        return undefined;
    }
  }

  function dataOf(customerId: string): CustomerData | undefined {
    const scenario = scenarios.get(customerId);
    if (!scenario) return seeded(customerId);
    const base = scenario.base ? seeded(scenario.base) : undefined;
    return {
      credits: scenario.credits ?? base?.credits ?? [],
      commits: scenario.commits ?? base?.commits ?? [],
      grants: scenario.grants ?? base?.grants ?? [],
      contracts: scenario.contracts ?? base?.contracts ?? [],
    };
  }

  /** The injected answer for this request, if a fault is waiting for its route. */
  async function injected(
    scenario: ScenarioState | undefined,
    route: Route,
    entry: LoggedRequest | undefined,
  ): Promise<Response | undefined> {
    const index = scenario?.faults.findIndex((f) => f.route === route) ?? -1;
    if (!scenario || index < 0) return undefined;
    const fault = scenario.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) scenario.faults.splice(index, 1);
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.trickle) {
      const opened = fault.gate ? gate(scenario, fault.gate).opened : new Promise<void>(() => {});
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":['));
          await opened;
          controller.enqueue(new TextEncoder().encode('],"next_page":null}'));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    if (fault.gate) await gate(scenario, fault.gate).opened;
    if (fault.bodyBytes !== undefined) {
      const total = fault.bodyBytes;
      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) return controller.close();
          const part = chunk.subarray(0, Math.min(chunk.byteLength, total - sent));
          sent += part.byteLength;
          if (entry) entry.sent = sent;
          controller.enqueue(part);
        },
      });
      return new Response(body, { status: fault.status ?? 200, headers: { 'content-type': 'application/json', ...fault.headers } });
    }
    if (fault.drop || fault.cut) {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":[{"id":"'));
          controller.error(new Error('connection cut by the mock'));
        },
      });
      // With a length announced, every engine knows the body came up short.
      const length: Record<string, string> = fault.drop ? { 'content-length': '1024' } : {};
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...length } });
    }
    if (fault.status === undefined && fault.body === undefined) return undefined;
    const nullBody = [204, 205, 304].includes(fault.status ?? 200);
    return new Response(nullBody ? null : (fault.body ?? JSON.stringify({ message: 'Injected fault' })), {
      status: fault.status ?? 200,
      headers: { 'content-type': 'application/json', ...fault.headers },
    });
  }

  function page<T>(items: T[], offset: number, limit: number, scenario: ScenarioState | undefined) {
    const data = items.slice(offset, offset + limit);
    let next: string | null = offset + limit < items.length ? encodeCursor(offset + limit) : null;
    if (scenario?.cursor === 'repeat') next = encodeCursor(0);
    if (scenario?.cursor === 'endless') next = encodeCursor(offset + limit);
    return { data, next_page: next };
  }

  function authorized(request: Request): boolean {
    const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
    return !!match && issuedTokens.has(match[1]!);
  }

  /**
   * "List credits", "List commits" and "List balances": the customer's items of that list, filtered as Metronome
   * documents (`include_contract_*` brings in contract-level items, `credit_id`, `commit_id` or `id` picks one).
   */
  function listContractItems(
    route: 'credits' | 'commits' | 'balances',
    body: Record<string, unknown>,
    scenario: ScenarioState | undefined,
  ) {
    const customerId = body.customer_id;
    if (typeof customerId !== 'string') return error(400, 'customer_id is required');
    const data = dataOf(customerId);
    if (!data) return error(404, `Customer ${customerId} not found`);
    const limit = body.limit ?? 25;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 25) {
      return error(400, 'limit must be an integer between 1 and 25');
    }
    const offset = typeof body.next_page === 'string' ? decodeCursor(body.next_page) : 0;
    if (offset === undefined) return error(400, 'Invalid next_page');

    const covering = typeof body.covering_date === 'string' ? Date.parse(body.covering_date) : undefined;
    const startingAt = typeof body.starting_at === 'string' ? Date.parse(body.starting_at) : undefined;
    const effectiveBefore = typeof body.effective_before === 'string' ? Date.parse(body.effective_before) : undefined;
    const { contractField, idField } = LIST_FIELDS[route];
    const items = [
      ...(route === 'credits' ? [] : (data.commits as MockCommit[])),
      ...(route === 'commits' ? [] : (data.credits as MockCredit[])),
    ];
    const listed = items
      .filter((c) => body.include_archived === true || !c.archived)
      .filter((c) => body[contractField] === true || !c.contract)
      .filter((c) => typeof body[idField] !== 'string' || c.id === body[idField])
      .filter((c) => body.exclude_zero_balances !== true || (c.balance ?? 0) !== 0)
      .filter((c) => {
        const scheduled = c.access_schedule?.schedule_items ?? [];
        const spans = scheduled.map((s) => [Date.parse(s.starting_at), Date.parse(s.ending_before)] as const);
        if (covering !== undefined && !spans.some(([s, e]) => s <= covering && covering < e)) return false;
        if (startingAt !== undefined && !spans.some(([, e]) => e > startingAt)) return false;
        if (effectiveBefore !== undefined && !spans.some(([s]) => s < effectiveBefore)) return false;
        return true;
      })
      .map((c) => {
        if (typeof c !== 'object' || c === null) return c;
        const { archived: _archived, ledger, balance, ...rest } = c;
        return {
          ...rest,
          ...(body.include_balance === true && balance !== undefined && { balance }),
          ...(body.include_ledgers === true && ledger !== undefined && { ledger }),
        };
      });
    return json(200, page(listed, offset, limit, scenario));
  }

  function listGrants(url: URL, body: Record<string, unknown>, scenario: ScenarioState | undefined): Response {
    if (Array.isArray(body.credit_grant_ids) && (body.customer_ids !== undefined || body.credit_type_ids !== undefined)) {
      return error(400, 'credit_grant_ids cannot be combined with customer_ids or credit_type_ids');
    }
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? 100 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(400, 'limit must be an integer between 1 and 100');
    const cursor = url.searchParams.get('next_page');
    const offset = cursor ? decodeCursor(cursor) : 0;
    if (offset === undefined) return error(400, 'Invalid next_page');
    const customerIds = Array.isArray(body.customer_ids) ? body.customer_ids.filter((id) => typeof id === 'string') : [];
    const effectiveBefore = typeof body.effective_before === 'string' ? Date.parse(body.effective_before) : undefined;
    const notExpiringBefore = typeof body.not_expiring_before === 'string' ? Date.parse(body.not_expiring_before) : undefined;
    const grants = customerIds
      .flatMap((id) => (dataOf(id)?.grants ?? []) as MockGrant[])
      .filter((g) => effectiveBefore === undefined || Date.parse(g.effective_at) < effectiveBefore)
      .filter((g) => notExpiringBefore === undefined || Date.parse(g.expires_at) >= notExpiringBefore);
    return json(200, page(grants, offset, limit, scenario));
  }

  /** "List contracts" (v2): the customer's contracts, those in force at `covering_date` when it is given; one page. */
  function listContracts(body: Record<string, unknown>): Response {
    const customerId = body.customer_id;
    if (typeof customerId !== 'string') return error(400, 'customer_id is required');
    const data = dataOf(customerId);
    if (!data) return error(404, `Customer ${customerId} not found`);
    const covering = typeof body.covering_date === 'string' ? Date.parse(body.covering_date) : undefined;
    const inForce = (contract: { starting_at?: string; ending_before?: string }) =>
      covering === undefined ||
      (Date.parse(contract.starting_at ?? '') <= covering && !(Date.parse(contract.ending_before ?? '') <= covering));
    return json(200, { data: (data.contracts ?? []).filter((c) => inForce(c as { starting_at?: string })) });
  }

  async function readJson(request: Request): Promise<Record<string, unknown> | undefined> {
    try {
      const body: unknown = JSON.parse((await request.text()) || '{}');
      return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${basePath}/`)) return error(404, 'Not found');
    const path = url.pathname.slice(basePath.length);

    // Test control: create a scenario, read its log.
    if (path === '/__scenarios' && request.method === 'POST') {
      const spec = ((await readJson(request)) ?? {}) as Scenario;
      const id = `scenario-${++scenarioCount}-${crypto.randomUUID()}`;
      scenarios.set(id, { ...spec, faults: [...(spec.faults ?? [])].map((f) => ({ ...f })), log: [], gates: new Map() });
      return json(200, { id });
    }
    const control = /^\/__scenarios\/([^/]+)\/(log|faults|gates\/([\w-]+))$/.exec(path);
    if (control) {
      const scenario = scenarios.get(decodeURIComponent(control[1]!));
      if (!scenario) return error(404, 'No such scenario');
      if (control[3] && request.method === 'POST') {
        gate(scenario, control[3]).open();
        return json(200, { opened: control[3] });
      }
      if (control[2] === 'log' && request.method === 'GET') return json(200, { requests: scenario.log });
      if (control[2] === 'faults' && request.method === 'POST') {
        const faults = (await request.json()) as Fault[];
        scenario.faults.push(...faults.map((f) => ({ ...f })));
        return json(200, { faults: scenario.faults.length });
      }
      return error(405, 'Method not allowed');
    }

    const route: Route | undefined = path === '/token' ? 'token' : LISTS[path];
    if (!route) return error(404, 'Not found');
    if (request.method !== 'POST') return error(405, 'Method not allowed');
    const authorization = request.headers.get('authorization');
    const body = await readJson(request);
    if (!body) return error(400, 'The body must be a JSON object');

    const customerId =
      route === 'grants' && Array.isArray(body.customer_ids) ? String(body.customer_ids[0]) : String(body.customer_id ?? '');
    const scenario = scenarios.get(customerId);
    const entry: LoggedRequest = { route, query: Object.fromEntries(url.searchParams), body, authorization, at: Date.now() };
    scenario?.log.push(entry);
    request.signal.addEventListener('abort', () => (entry.aborted = true), { once: true });

    const fault = await injected(scenario, route, scenario && entry);
    if (fault) return fault;

    if (route === 'token') {
      const token = `mock-token-${crypto.randomUUID()}`;
      issuedTokens.add(token);
      return json(200, {
        token,
        expires_in: scenario?.tokenExpiresIn ?? 300,
        ...(scenario?.tokenCustomerId && { customer_id: scenario.tokenCustomerId }),
        api_base: basePath || '/',
      });
    }
    if (!authorized(request)) return error(401, 'Unauthorized');
    if (route === 'contracts') return listContracts(body);
    return route === 'grants' ? listGrants(url, body, scenario) : listContractItems(route, body, scenario);
  }

  return { handle, basePath };
}

export type MockMetronome = ReturnType<typeof createMockMetronome>;
