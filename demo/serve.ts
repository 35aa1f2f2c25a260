// A real HTTP server with the demo backend (companion + mock Metronome) and some static files: for the
// end-to-end tests and the benchmark.
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type CustomerLimits, toNodeListener } from '../src/server/index.js';
import { createDemoBackend } from './backend.js';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves `files` (URL path → file) or a whole `dir`, behind the demo backend, listing the files asked for; `headers` go on every file, and
 * `limits` replace the companion's per-customer ones; `now` is the instant the mock lays its data out around.
 */
export async function serve(options: {
  files?: Record<string, string>;
  dir?: string;
  headers?: Record<string, string>;
  limits?: CustomerLimits;
  now?: () => Date;
}) {
  const { limits, now } = options;
  const routes = createDemoBackend({}, { ...(limits && { limits }), ...(now && { now }) }).routes.map(({ prefix, handler }) => ({
    prefix,
    listener: toNodeListener(handler),
  }));
  /** The paths of the files asked for, in order (what a page downloaded). */
  const requested: string[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.find((r) => path.startsWith(`${r.prefix}/`));
    if (route) return route.listener(req, res);
    requested.push(path);
    const file = options.files?.[path] ?? (options.dir && join(options.dir, normalize(path === '/' ? '/index.html' : path)));
    try {
      const body = await readFile(file!);
      res.writeHead(200, { 'content-type': types[extname(file!)] ?? 'application/octet-stream', ...options.headers }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    /** Stops serving: connections a browser keeps open (keep-alive, a tab left open) are closed, not waited for. */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
