import { defer, EMPTY, exhaustMap, interval, map, merge, Observable, take, throwError, timeout, type SchedulerLike } from 'rxjs';
import { PingTimeoutError } from '../vocabulary/errors/connection-errors';

export interface KeepAliveConfig {
  /** Ping period (ms); 0 disables. */
  readonly pingInterval: number;
  /** How long a ping may wait for its pong (ms). */
  readonly pongTimeout: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Sends a ping every `pingInterval` and waits at most `pongTimeout` for the next pong; emits each round trip in
 * ms and errors with `PingTimeoutError` when a pong is missing. A ping is not sent while one is still awaited
 * (`exhaustMap`), so a link that goes silent is reported within `pingInterval + pongTimeout`.
 */
export function keepAlive(sendPing: () => void, pongs$: Observable<unknown>, config: KeepAliveConfig): Observable<number> {
  const { pingInterval, pongTimeout, scheduler } = config;
  if (pingInterval <= 0) return new Observable<number>();
  return interval(pingInterval, scheduler).pipe(
    exhaustMap(() => {
      const sentAt = scheduler.now();
      // Listen before sending: a pong may come back synchronously.
      const ping$ = defer(() => {
        sendPing();
        return EMPTY;
      });
      return merge(pongs$, ping$).pipe(
        take(1),
        timeout({ first: pongTimeout, scheduler, with: () => throwError(() => new PingTimeoutError(pongTimeout)) }),
        map(() => scheduler.now() - sentAt),
      );
    }),
  );
}
