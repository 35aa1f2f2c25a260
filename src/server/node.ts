/** Node's `http` listener around a web-standard `(Request) => Promise<Response>` handler (Express, plain Node). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordSocketAddress } from './clients.js';
import { HttpError, errorResponse, methodNotAllowed } from './http.js';
import type { RequestLogEntry } from './options.js';

/** A web-standard handler: Next.js route handlers, edge runtimes, Hono, Deno, Bun. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A Node `http` listener: `http.createServer(listener)`, or Express/Connect middleware. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

/** The web `Request` for a Node request, its body streamed; `signal` aborts it (the browser left). */
export function toRequest(req: IncomingMessage, signal?: AbortSignal): Request {
  const host = req.headers.host ?? 'localhost';
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`), {
    method,
    headers,
    ...(signal && { signal }),
    ...(hasBody && { body: bodyStream(req), duplex: 'half' }),
  } as RequestInit);
}

/**
 * The request body as a web stream. Unlike `Readable.toWeb`, a handler may cancel it midway (an oversized
 * body): the rest is drained and dropped, so the connection stays open for the answer.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume();
    },
  });
}

/**
 * Writes a web `Response` to a Node response, no faster than the client reads it (a large body is never piled
 * up in memory); a body that fails midway, or a client that leaves, cuts it off.
 */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) throw new Error('the client left');
      // Until the client has read what is buffered, or left; whichever comes first, the other listener goes.
      if (!res.write(value))
        await new Promise<void>((resolve) => {
          const settle = () => {
            res.off('drain', settle).off('close', settle);
            resolve();
          };
          res.once('drain', settle).once('close', settle);
        });
    }
    res.end();
  } catch {
    void reader.cancel().catch(() => {});
    res.destroy();
  }
}

/**
 * Adapts a web-standard handler to Node's `http` (and Express): `http.createServer(toNodeListener(handler))`
 * or `app.use(toNodeListener(handler))`. A handler that throws answers `500` without details. `onRefusal` is
 * told of the answers the adapter gives without the handler (a method a web `Request` cannot carry, a `Host`
 * that is no host), for an access log that has every request.
 */
export function toNodeListener(handler: FetchHandler, { onRefusal }: { onRefusal?: (entry: RequestLogEntry) => void } = {}): NodeListener {
  return async (req, res) => {
    const refuse = async (error: HttpError) => {
      await writeResponse(errorResponse(error), res);
      onRefusal?.({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status: error.status, durationMs: 0 });
    };
    // Methods a web `Request` cannot carry never reach the handler: they are refused like every other non-POST.
    if (/^(CONNECT|TRACE|TRACK)$/i.test(req.method ?? '')) return refuse(methodNotAllowed());
    // A browser that leaves aborts the request, and with it whatever the handler is waiting for upstream.
    const left = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) left.abort(new DOMException('The client closed the connection.', 'AbortError'));
    });
    let request: Request;
    try {
      request = toRequest(req, left.signal);
      recordSocketAddress(request, req.socket.remoteAddress);
    } catch {
      return refuse(new HttpError(400, 'The Host header is not a host.'));
    }
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      response = errorResponse(error);
    }
    if (left.signal.aborted) return;
    // An answer given before the request's body came in whole (a 401 before the body is read, a 404, a 408 for a
    // body too slow): the rest is not waited for, and the connection closes once the answer is out.
    if (!req.complete) res.setHeader('connection', 'close');
    await writeResponse(response, res);
  };
}

declare module 'node:http' {
  interface IncomingMessage {
    /** Set by Express/Connect when a router strips a mount path. */
    originalUrl?: string;
  }
}
