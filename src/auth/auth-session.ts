import { catchError, defer, map, type Observable, of } from 'rxjs';
import { actionName, type KuzzleRequest, type KuzzleResponse } from '../vocabulary/request';
import type { KuzzleError } from '../vocabulary/errors/kuzzle-error';
import { CookieJar } from '../http/cookie-jar';
import { isTokenError, TokenStore } from './token-store';

/** Actions that must not carry the session's token (they are how a session starts or is checked). */
const WITHOUT_TOKEN: ReadonlySet<string> = new Set(['auth:login', 'auth:checkToken']);

export interface AuthSessionDeps {
  readonly cookieAuth: boolean;
  /** Sends a request while a new socket is restored, before the client reports itself connected. */
  readonly sendNow: (request: KuzzleRequest) => Observable<KuzzleResponse>;
}

/**
 * The authentication session: the token in token mode (attached to requests, kept in step with auth results, checked
 * after each reconnection), the cookie jar in cookie mode. What an expiry does to subscriptions is the composition
 * root's (see `reauthentication`).
 */
export class AuthSession {
  readonly tokens = new TokenStore();
  readonly cookies = new CookieJar();

  constructor(private readonly deps: AuthSessionDeps) {}

  /** The request as sent: with the token in token mode (never in cookie mode: the server refuses both). */
  attachToken(request: KuzzleRequest): KuzzleRequest {
    const jwt = this.tokens.jwt;
    if (jwt === null || this.deps.cookieAuth || WITHOUT_TOKEN.has(actionName(request))) return request;
    return { ...request, jwt };
  }

  /** Headers of the WebSocket handshake: the cookie of the jar, in Node and in cookie mode. */
  handshakeHeaders(): Record<string, string> {
    const cookie = this.deps.cookieAuth ? this.cookies.cookieHeader : undefined;
    return cookie ? { cookie } : {};
  }

  onSuccess(request: KuzzleRequest, response: KuzzleResponse): void {
    if (request.controller !== 'auth' || this.deps.cookieAuth) return;
    const jwt = (response.result as { jwt?: unknown } | null)?.jwt;
    if ((request.action === 'login' || request.action === 'refreshToken') && typeof jwt === 'string') this.tokens.set(jwt);
    if (request.action === 'logout') this.tokens.clear();
  }

  /** An error response: one of token expiry ends the session (see `expire`). True when the session expired. */
  onError(request: KuzzleRequest, error: KuzzleError): boolean {
    return isTokenError(error.id) && !WITHOUT_TOKEN.has(actionName(request)) && this.expire();
  }

  /**
   * After a reconnection: is the token still valid? Emits once, true when it is or when there is nothing to check
   * (no token, cookie mode, or the check itself failed); false when it expired, which the caller settles with
   * `expire()`. Never errors.
   */
  stillValid$(): Observable<boolean> {
    return defer(() => {
      const jwt = this.tokens.jwt;
      if (jwt === null || this.deps.cookieAuth) return of(true);
      return this.deps.sendNow({ controller: 'auth', action: 'checkToken', body: { token: jwt } }).pipe(
        map((response) => {
          return Boolean((response.result as { valid?: boolean }).valid) || this.tokens.jwt !== jwt;
        }),
        catchError(() => of(true)),
      );
    });
  }

  /**
   * The session is no longer valid: drops the token. True when there was a session to lose (a token, or the cookie),
   * which the caller reports as `tokenExpired`.
   */
  expire(): boolean {
    const hadToken = this.tokens.clear();
    return hadToken || this.deps.cookieAuth;
  }
}
