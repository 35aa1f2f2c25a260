/**
 * Cross-origin calls, for a token endpoint on a sibling origin: only the origins the host names get CORS
 * headers (with credentials), and a preflight from any other is refused.
 */
import { HttpError } from './http.js';
import { FORWARDED_HEADERS } from './upstream.js';

export function cors(allowedOrigins: ReadonlySet<string>) {
  /** The CORS headers for the request's origin, if it is allowed; none otherwise. */
  function headers(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.has(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': FORWARDED_HEADERS.join(', '),
      vary: 'Origin',
    };
  }

  /** The answer to a preflight (`OPTIONS`): `204` for an allowed origin, `403` for any other. */
  function preflight(request: Request): Response {
    const allowed = headers(request);
    if (!allowed['access-control-allow-origin']) throw new HttpError(403, 'This origin is not allowed.');
    return new Response(null, {
      status: 204,
      headers: {
        ...allowed,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      },
    });
  }

  return { headers, preflight };
}
