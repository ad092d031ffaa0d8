import { concatMap, defer, first, map, type Observable } from 'rxjs';
import type { Link } from './link';

/** What the cookie renewal needs of the connection. */
export interface HeldConnection {
  /** Runs work with the link held: the socket closes, and reopens once every hold has ended. */
  hold<T>(work$: Observable<T>): Observable<T>;
  /** True while the client is connected or trying to be (the socket will reopen after the hold). */
  isRunning(): boolean;
  /** Emits once the new socket is ready (its subscriptions restored), or the client went offline. */
  readonly settled$: Observable<unknown>;
  /**
   * Emits once the requests in flight got their responses (at once when none is), or when waiting for them lasted
   * too long: a reopen then loses none of the answers on their way.
   */
  readonly drained$: Observable<unknown>;
  /** Runs work with new requests held back (they wait, as while reconnecting) until it ends. */
  pause<T>(work$: Observable<T>): Observable<T>;
}

/**
 * Cookie renewal as a link around `http`: hold new requests back, let the requests in flight get their answers, hold
 * the connection, make the HTTP call (its response sets the cookie), reopen, and emit the response once the new socket
 * is ready, so that what follows the call runs in the new session; the requests held back go out on it. The socket
 * reopens whatever the call's outcome. Overlapping renewals share one hold: the socket reopens once.
 */
export function cookieRenewal(http: Link, connection: HeldConnection): Link {
  return (operation) =>
    defer(() => {
      const running = connection.isRunning();
      const call$ = connection.drained$.pipe(
        first(),
        concatMap(() => connection.hold(http(operation))),
      );
      if (!running) return call$;
      return connection.pause(
        call$.pipe(
          concatMap((response) =>
            connection.settled$.pipe(
              first(),
              map(() => response),
            ),
          ),
        ),
      );
    });
}
