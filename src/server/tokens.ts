/**
 * The widget's tokens: short-lived HS256 JWTs naming the customer they were minted for, signed with the
 * companion's own secret, and checked (signature, audience, issuer, expiry) on every list call.
 */
import { SignJWT, jwtVerify } from 'jose';
import { HttpError, bearerToken } from './http.js';

/** How long a widget token lives unless `tokenTtlSeconds` says otherwise. */
export const DEFAULT_TOKEN_TTL_SECONDS = 300;

const AUDIENCE = 'credit-balance';
const ISSUER = 'credit-balance/server';

export function widgetTokens(secret: Uint8Array, ttlSeconds: number) {
  return {
    /** A token for `customerId`, and when it expires (seconds since the epoch). */
    async mint(customerId: string): Promise<{ token: string; expiresAt: number }> {
      const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(customerId)
        .setAudience(AUDIENCE)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(secret);
      return { token, expiresAt };
    },

    /** The customer the request's bearer token was minted for; `401` without a valid one. */
    async customerOf(request: Request): Promise<string> {
      const token = bearerToken(request);
      if (!token) throw new HttpError(401, 'A bearer token is required.', { 'www-authenticate': 'Bearer' });
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER });
        if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
        return payload.sub;
      } catch {
        throw new HttpError(401, 'The token is invalid or has expired.', { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
    },
  };
}
