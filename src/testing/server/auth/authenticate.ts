import { kerror } from '../errors';
import type { ServerRequest } from '../request';
import { AUTH_COOKIE, parseCookies } from './cookies';
import type { TokenRecord, ServerTokens } from './tokens';

/** With `cookieAuth`, these actions run as anonymous instead of verifying the cookie (real server's list). */
const COOKIE_EXEMPT_ACTIONS = ['login', 'checkToken', 'logout'];

/**
 * Resolves the token a request runs with (null: anonymous), following the real server's rules: an
 * `authToken` cookie (HTTP header, or the WebSocket upgrade's) replaces the `jwt`, both at once is
 * `security.token.verification_error`, and the literal cookie value `null` means no cookie.
 */
export function authenticate(request: ServerRequest, tokens: ServerTokens): TokenRecord | null {
  const header = request.headers['cookie'];
  const cookie = header === undefined ? undefined : parseCookies(header).get(AUTH_COOKIE);
  if (cookie !== undefined && cookie.length > 0 && cookie !== 'null') {
    if (request.jwt) {
      throw kerror('security.token.verification_error', 'Both token and cookie are present, could not decide which one to use');
    }
    request.jwt = cookie;
    const exempt =
      request.getBoolean('cookieAuth') && request.controller === 'auth' && COOKIE_EXEMPT_ACTIONS.includes(request.action ?? '');
    if (exempt) {
      return null;
    }
  }
  return request.jwt === null ? null : tokens.verify(request.jwt);
}
