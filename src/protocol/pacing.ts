import { concatMap, identity, map, type MonoTypeOperatorFunction, of, scan, type SchedulerLike, timer } from 'rxjs';

/**
 * The span over which `rateLimit` is counted: a second, and a tenth more. The server counts a socket's frames per
 * second of its own clock, which ticks every second at best; the margin absorbs that clock and the network bringing
 * frames sent apart closer together.
 */
export const RATE_WINDOW = 1100;

/** How many pings the keep-alive may send within one `RATE_WINDOW`: room kept for them under the rate limit. */
export function pingsPerWindow(pingInterval: number): number {
  return pingInterval > 0 ? Math.ceil(RATE_WINDOW / pingInterval) : 0;
}

/**
 * When a frame may go, given the times planned for the frames before it (oldest first) and now: at once while fewer
 * than `limit` went within the last `window` ms, else once the oldest of the last `limit` leaves the window.
 */
export function nextSendTime(planned: readonly number[], now: number, limit: number, window: number): number {
  const oldest = planned.length >= limit ? planned[planned.length - limit] : undefined;
  return oldest === undefined ? now : Math.max(now, oldest + window);
}

interface Plan<T> {
  /** The planned times of the last `limit` frames. */
  readonly planned: readonly number[];
  readonly value: T | undefined;
  readonly at: number;
}

/**
 * Lets at most `limit` values through within any `window` ms, in order, delaying the others (on `scheduler`) rather
 * than dropping them. A `limit` of 0 lets everything through at once.
 */
export function pace<T>(limit: number, window: number, scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  if (limit <= 0) return identity;
  return (source) =>
    source.pipe(
      scan<T, Plan<T>>(
        (plan, value) => {
          const at = nextSendTime(plan.planned, scheduler.now(), limit, window);
          return { planned: [...plan.planned, at].slice(-limit), value, at };
        },
        { planned: [], value: undefined, at: 0 },
      ),
      concatMap((plan) => {
        const value = plan.value as T;
        const wait = plan.at - scheduler.now();
        return wait <= 0 ? of(value) : timer(wait, scheduler).pipe(map(() => value));
      }),
    );
}
