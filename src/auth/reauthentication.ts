import { catchError, concat, defer, EMPTY, ignoreElements, type Observable, of } from 'rxjs';
import type { EngineEvent } from '../connection/engine-events';
import { TokenExpiredError } from '../vocabulary/errors/client-errors';

export interface ReauthenticationDeps {
  readonly authenticator: (() => Observable<unknown>) | undefined;
  readonly cookieAuth: boolean;
  readonly rooms: {
    restore$(): Observable<never>;
    failAll(error: () => Error): void;
  };
}

const AUTHENTICATING: EngineEvent = { type: 'authenticating' };
const REAUTHENTICATED: EngineEvent = { type: 'reauthenticated' };

function failRooms(deps: ReauthenticationDeps, error: Error): Observable<never> {
  return defer(() => {
    deps.rooms.failAll(() => error);
    return EMPTY;
  });
}

/**
 * The server's `TokenExpired` notification: it has dropped this connection's subscriptions. The `authenticator` logs
 * in again and the subscriptions are restored (in cookie mode, the login's reopened socket restores them); without
 * one, or when it fails, they end with `TokenExpiredError`. The composition root runs this with `exhaustMap`.
 */
export function afterExpiryNotification(deps: ReauthenticationDeps): Observable<EngineEvent> {
  const { authenticator } = deps;
  if (!authenticator) {
    return failRooms(deps, new TokenExpiredError('Authentication token expired: the subscription was ended by the server'));
  }
  return concat(authenticator().pipe(ignoreElements()), of(REAUTHENTICATED), deps.cookieAuth ? EMPTY : deps.rooms.restore$()).pipe(
    catchError((error: unknown) => failRooms(deps, reauthenticationFailed(error))),
  );
}

/**
 * The token check after a reconnection found the token expired: the `authenticator` runs before the subscriptions
 * are restored, so that they come back under the user (while it runs, only auth requests go out). Without one, the
 * session goes on as the anonymous user (`tokenExpired` said so); when it fails, the subscriptions end.
 */
export function afterExpiredOnReconnection(deps: ReauthenticationDeps): Observable<EngineEvent> {
  const { authenticator } = deps;
  if (!authenticator) return EMPTY;
  return concat(of(AUTHENTICATING), authenticator().pipe(ignoreElements()), of(REAUTHENTICATED)).pipe(
    catchError((error: unknown) => failRooms(deps, reauthenticationFailed(error))),
  );
}

function reauthenticationFailed(error: unknown): TokenExpiredError {
  return new TokenExpiredError(
    `Authentication token expired and re-authentication failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}
