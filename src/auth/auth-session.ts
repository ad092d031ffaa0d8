import { catchError, concat, defer, EMPTY, ignoreElements, type Observable, tap } from 'rxjs';
import type { KuzzleEvent } from '../vocabulary/events';
import { actionName, type KuzzleRequest, type KuzzleResponse } from '../vocabulary/request';
import { TokenExpiredError } from '../vocabulary/errors/client-errors';
import type { KuzzleError } from '../vocabulary/errors/kuzzle-error';
import { CookieJar } from '../http/cookie-jar';
import type { RoomRegistry } from '../realtime/room-registry';
import { isTokenError, TokenStore } from './token-store';

/** Actions that must not carry the session's token (they are how a session starts or is checked). */
const WITHOUT_TOKEN: ReadonlySet<string> = new Set(['auth:login', 'auth:checkToken']);

export interface AuthSessionDeps {
  readonly cookieAuth: boolean;
  readonly authenticator: (() => Observable<unknown>) | undefined;
  readonly emit: (event: KuzzleEvent) => void;
  readonly rooms: RoomRegistry;
  /** Sends a request before the client reports itself connected (restoration). */
  readonly sendNow: (request: KuzzleRequest) => Observable<KuzzleResponse>;
}

/**
 * The authentication session: the token in token mode (attached to requests, kept in step with auth results, checked
 * after each reconnection), the cookie jar in cookie mode, and what token expiry does to subscriptions.
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

  onError(request: KuzzleRequest, error: KuzzleError): void {
    if (isTokenError(error.id) && !WITHOUT_TOKEN.has(actionName(request))) this.expire();
  }

  /** After a reconnection: is the token still valid? Never errors. */
  verify$(): Observable<never> {
    const jwt = this.tokens.jwt;
    if (jwt === null || this.deps.cookieAuth) return EMPTY;
    return this.deps.sendNow({ controller: 'auth', action: 'checkToken', body: { token: jwt } }).pipe(
      tap((response) => {
        if (!(response.result as { valid?: boolean }).valid && this.tokens.jwt === jwt) this.expire();
      }),
      ignoreElements(),
      catchError(() => EMPTY),
    );
  }

  /**
   * The server's `TokenExpired` notification: it has dropped this connection's subscriptions. Log in again and restore
   * them with the `authenticator`, or end them with `TokenExpiredError`.
   */
  onTokenExpiredNotification(): void {
    this.expire();
    const { authenticator, rooms, emit } = this.deps;
    if (!authenticator) {
      rooms.failAll(() => new TokenExpiredError('Authentication token expired: the subscription was ended by the server'));
      return;
    }
    concat(
      authenticator().pipe(ignoreElements()),
      defer(() => {
        emit({ type: 'reauthenticated' });
        // In cookie mode the login reopened the socket, which restored the subscriptions already.
        return this.deps.cookieAuth ? EMPTY : rooms.restore$();
      }),
    ).subscribe({
      error: (error: unknown) =>
        rooms.failAll(
          () =>
            new TokenExpiredError(
              `Authentication token expired and re-authentication failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
        ),
    });
  }

  private expire(): void {
    const hadToken = this.tokens.clear();
    if (hadToken || this.deps.cookieAuth) this.deps.emit({ type: 'tokenExpired' });
  }
}
