import { defer, EMPTY, filter, interval, map, type Observable, pairwise, type SchedulerLike, startWith } from 'rxjs';

/**
 * Emits the clock's time whenever a timer ticking every `threshold` ms fires more than `threshold` ms late: the
 * client was too busy to run it (a long task, a suspended tab or process), so it did not read its socket either, and
 * the server may have skipped notifications to it. 0 disables.
 */
export function lagOf(threshold: number, scheduler: SchedulerLike, clock: () => number): Observable<number> {
  if (threshold <= 0) return EMPTY;
  return defer(() =>
    interval(threshold, scheduler).pipe(
      map(() => clock()),
      startWith(clock()),
      pairwise(),
      filter(([before, now]) => now - before - threshold > threshold),
      map(([, now]) => now),
    ),
  );
}
