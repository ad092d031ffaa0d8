import { concatMap, map, pipe, timer, type OperatorFunction, type SchedulerLike } from 'rxjs';

/**
 * Holds each value `latencyOf(value)` ms, read when it arrives, and keeps the order: a value never overtakes the one
 * before it, as on a real link when the latency drops (`concatMap` waits for the one before; the due time, taken on
 * arrival, keeps the waits from adding up). Values with nothing to wait for go through synchronously.
 */
export function delayEach<T>(latencyOf: (value: T) => number, scheduler: SchedulerLike): OperatorFunction<T, T> {
  return pipe(
    map((value: T) => ({ value, at: scheduler.now() + latencyOf(value) })),
    concatMap(({ value, at }) => {
      const wait = at - scheduler.now();
      return wait > 0 ? timer(wait, scheduler).pipe(map(() => value)) : [value];
    }),
  );
}
