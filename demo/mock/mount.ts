import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FetchHandler, toNodeListener } from '../../src/server/node.js';

/** Connect middleware (Vite) that hands requests under `prefix` to a web-standard handler. */
export function connectMiddleware(prefix: string, handler: FetchHandler) {
  const listener = toNodeListener(handler);
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url === prefix || req.url?.startsWith(`${prefix}/`)) void listener(req, res);
    else next();
  };
}

/** Koa middleware (web-test-runner) that does the same. */
export function koaMiddleware(prefix: string, handler: FetchHandler) {
  const listener = toNodeListener(handler);
  return async (ctx: { url: string; req: IncomingMessage; res: ServerResponse; respond?: boolean }, next: () => Promise<unknown>) => {
    if (ctx.url === prefix || ctx.url.startsWith(`${prefix}/`)) {
      ctx.respond = false;
      await listener(ctx.req, ctx.res);
    } else {
      await next();
    }
  };
}
