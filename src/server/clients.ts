/**
 * Who is asking, as far as the companion can tell: the address a request's connection comes from or, when that
 * is a proxy the host declares trusted, the address the proxy forwards for. It keys the limits that keep one
 * client from deciding for the others (the session checks, the standalone server's connections); it never says
 * who is signed in.
 */

/** The socket address of each request the Node adapter made (a web `Request` has no socket). */
const socketAddresses = new WeakMap<Request, string>();

/** Records the address of the socket `request` came in on (the Node adapter calls it). */
export function recordSocketAddress(request: Request, address: string | undefined): void {
  if (address) socketAddresses.set(request, address);
}

/** How the companion learns a request's client address: the options of the handler that concern it. */
export interface ClientAddressOptions {
  /**
   * Addresses of the proxies in front of the companion (exact, as the socket reports them: `127.0.0.1`, `::1`,
   * `10.0.0.7`). A request whose connection comes from one of them is the client its `X-Forwarded-For` names
   * (the last address in it that is not itself a trusted proxy); any other request is its socket's address,
   * whatever it claims. Default none.
   */
  trustedProxies?: string[];
  /**
   * The client address of a request, where the runtime knows it and the companion cannot (an edge runtime has
   * no socket): `(request) => request.headers.get('cf-connecting-ip')` on Cloudflare. It replaces the socket
   * address and `trustedProxies`. Without either, per-client bounds do not apply, and only the global ones do.
   */
  clientAddress?: (request: Request) => string | null | undefined;
}

/**
 * One client's key for an address: an IPv4 address as it is (an IPv4-mapped IPv6 one as IPv4), an IPv6 address
 * by its first 64 bits, which a provider gives one customer whole (so a client cannot become millions).
 */
export function clientKey(address: string): string {
  // A zone (`%eth0`) is the host's own business; the length bound keeps a made-up address from being a large key.
  const bare = address.trim().toLowerCase().replace(/%.*$/, '').slice(0, 64);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  // `::` stands for as many zero groups as the eight leave room for.
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0');
  const prefix = [...before, ...zeros, ...after].slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The client key of a request under `options`, or undefined where nothing tells it. */
export function clientOf({ trustedProxies = [], clientAddress }: ClientAddressOptions): (request: Request) => string | undefined {
  if (clientAddress) {
    return (request) => {
      const address = clientAddress(request);
      return address ? clientKey(address) : undefined;
    };
  }
  const trusted = new Set(trustedProxies);
  return (request) => {
    const socket = socketAddresses.get(request);
    if (socket === undefined) return undefined;
    if (!trusted.has(socket)) return clientKey(socket);
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const client = forwarded.reverse().find((hop) => !trusted.has(hop));
    return clientKey(client ?? socket);
  };
}
