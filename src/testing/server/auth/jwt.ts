import { createHmac } from 'node:crypto';

/** Kuzzle prefixes its authentication tokens so they can be told apart from API keys. */
export const TOKEN_PREFIX = 'kauth-';

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs a JWT shaped like the real one (`{_id, iat, exp}`, HS256). `iat` and `exp` are in seconds,
 * so two tokens issued for one user within the same second are the same string: the real server
 * behaves so too, and a client must survive it.
 */
export function signToken(secret: string, userId: string, issuedAtMs: number, ttlMs: number): string {
  const iat = Math.floor(issuedAtMs / 1000);
  const claims = ttlMs < 0 ? { _id: userId, iat } : { _id: userId, iat, exp: iat + Math.floor(ttlMs / 1000) };
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${TOKEN_PREFIX}${unsigned}.${signature}`;
}
