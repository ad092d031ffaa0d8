import {
  connect,
  defer,
  EMPTY,
  exhaustMap,
  filter,
  ignoreElements,
  interval,
  map,
  merge,
  Observable,
  take,
  takeUntil,
  throwError,
  timeout,
  timer,
  type SchedulerLike,
} from 'rxjs';
import { PingTimeoutError } from '../vocabulary/errors/connection-errors';

export interface KeepAliveConfig {
  /** Ping period (ms); 0 disables. */
  readonly pingInterval: number;
  /** How long a ping may wait for a sign of life (ms). */
  readonly pongTimeout: number;
  readonly scheduler: SchedulerLike;
}

/** What came from the server: the pong, or any other frame. */
export type LifeSign = 'pong' | 'frame';

/** A deadline that fired more than half a `pongTimeout` after it was due did not measure the link's silence. */
function firedLate(due: number, now: number, pongTimeout: number): boolean {
  return now - due > pongTimeout / 2;
}

function dead(pongTimeout: number): Observable<never> {
  return throwError(() => new PingTimeoutError(pongTimeout));
}

/**
 * Sends a ping every `pingInterval` and waits at most `pongTimeout` for a sign of life: the pong, or any other frame
 * (a server over its rate limit answers a ping with an error frame, a busy one may send notifications first: the link
 * is alive all the same). Emits each round trip in ms when the pong comes within `pongTimeout`; errors with
 * `PingTimeoutError` when nothing at all came. A ping is not sent while one is still awaited (`exhaustMap`), so a link
 * that goes silent is reported within `pingInterval + pongTimeout`. A deadline that fires late (the process was
 * suspended, the tab throttled) sends a probe and waits `pongTimeout` again before declaring the link dead.
 */
export function keepAlive(sendPing: () => void, signs$: Observable<LifeSign>, config: KeepAliveConfig): Observable<number> {
  const { pingInterval, pongTimeout, scheduler } = config;
  if (pingInterval <= 0) return new Observable<number>();
  // Listens, then pings again: a sign of life within a fresh pongTimeout (the answer read late included) proves the link.
  const probe = (signs: Observable<LifeSign>): Observable<LifeSign> =>
    merge(signs.pipe(take(1), timeout({ first: pongTimeout, scheduler, with: () => dead(pongTimeout) })), ping$);
  const ping$ = defer(() => {
    sendPing();
    return EMPTY;
  });
  return interval(pingInterval, scheduler).pipe(
    exhaustMap(() => {
      const sentAt = scheduler.now();
      // One subscription to the signs per ping, shared by the two waits.
      const wait$ = signs$.pipe(
        connect((signs) =>
          merge(
            // Any sign within pongTimeout proves the link alive. A deadline that fires late was held up (a suspended
            // process, a throttled background tab): the answer may be waiting unread, so a probe asks once more.
            signs.pipe(
              take(1),
              timeout({
                first: pongTimeout,
                scheduler,
                with: () => (firedLate(sentAt + pongTimeout, scheduler.now(), pongTimeout) ? probe(signs) : dead(pongTimeout)),
              }),
              ignoreElements(),
            ),
            // The pong, if it comes within pongTimeout, gives the round trip.
            signs.pipe(
              filter((sign) => sign === 'pong'),
              take(1),
              map(() => scheduler.now() - sentAt),
              takeUntil(timer(pongTimeout, scheduler)),
            ),
          ),
        ),
      );
      // Sent once the signs are listened to: a pong may come back synchronously.
      return merge(wait$, ping$);
    }),
  );
}
