/**
 * The companion's HTTP pieces, shared by every path: its error, its JSON answers (never cached), the answer for
 * a failure, the bearer token of a request, a stream read within a size bound, the default `fetch`, and the
 * SHA-256 that keys what it keeps (session answers by cookies, Metronome's answers by call).
 */

/** A refusal, with its status and the headers it needs (`Retry-After`, `WWW-Authenticate`, `Allow`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

/** Every method but POST (and OPTIONS, for CORS) is refused so. */
export const methodNotAllowed = () => new HttpError(405, 'Only POST is allowed.', { allow: 'POST, OPTIONS' });

/** The answer for a failure: an {@link HttpError} as it says, anything else a `500` without details. */
export const errorResponse = (error: unknown): Response =>
  error instanceof HttpError
    ? jsonResponse(error.status, { message: error.message }, error.headers)
    : jsonResponse(500, { message: 'Internal error.' });

/** The token of `Authorization: Bearer <token>`, if the request has one. */
export const bearerToken = (request: Request): string | undefined => /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];

/** The SHA-256 of `text`, in hex (Web Crypto: Node, Deno and workers alike). */
export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The platform's `fetch`, looked up at each call (a test or an agent may replace it). */
export const platformFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * A stream's bytes, read no further than `maxBytes` (past it `tooLarge()` is thrown) and no longer than
 * `deadline` lets it (which rejects with its own error); either way the stream is cancelled, never buffered
 * beyond the limit. The stream's own failure is rethrown as it came.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
  deadline: Promise<never> = new Promise<never>(() => {}),
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
