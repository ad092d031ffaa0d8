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

/**
 * Sends a ping every `pingInterval` and waits at most `pongTimeout` for a sign of life: the pong, or any other frame
 * (a server over its rate limit answers a ping with an error frame, a busy one may send notifications first: the link
 * is alive all the same). Emits each round trip in ms when the pong comes within `pongTimeout`; errors with
 * `PingTimeoutError` when nothing at all came. A ping is not sent while one is still awaited (`exhaustMap`), so a link
 * that goes silent is reported within `pingInterval + pongTimeout`.
 */
export function keepAlive(sendPing: () => void, signs$: Observable<LifeSign>, config: KeepAliveConfig): Observable<number> {
  const { pingInterval, pongTimeout, scheduler } = config;
  if (pingInterval <= 0) return new Observable<number>();
  return interval(pingInterval, scheduler).pipe(
    exhaustMap(() => {
      const sentAt = scheduler.now();
      // One subscription to the signs per ping, shared by the two waits.
      const wait$ = signs$.pipe(
        connect((signs) =>
          merge(
            // Any sign within pongTimeout proves the link alive.
            signs.pipe(
              take(1),
              timeout({ first: pongTimeout, scheduler, with: () => throwError(() => new PingTimeoutError(pongTimeout)) }),
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
      const ping$ = defer(() => {
        sendPing();
        return EMPTY;
      });
      return merge(wait$, ping$);
    }),
  );
}
