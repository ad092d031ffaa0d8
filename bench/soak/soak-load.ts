import { catchError, EMPTY, interval, lastValueFrom, merge, mergeMap, range, Subject, takeUntil, tap } from 'rxjs';
import type { Kuzzle } from '../../src';
import type { NotificationLedger } from './notification-ledger';
import type { RequestTally } from './request-tally';

export interface LoadPlan {
  readonly index: string;
  readonly collection: string;
  readonly slots: number;
  /** `server:now` per second, sent 10 at a time every 50 ms. */
  readonly readsPerSecond: number;
  /** `document:create` per second, each to slot `w % slots`: one notification each, to one subscription. */
  readonly writesPerSecond: number;
}

/** The load running; `stop()` stops sending, and resolves once every request sent has ended. */
export interface SoakLoad {
  stop(): Promise<void>;
}

const TICK = 50;

/** Starts the steady load: reads and writes, counted by their tallies, writes entered in the ledger. */
export function startLoad(
  kuzzle: Kuzzle,
  plan: LoadPlan,
  tallies: { reads: RequestTally; writes: RequestTally },
  ledger: NotificationLedger,
): SoakLoad {
  const stop$ = new Subject<void>();
  const perTick = Math.max(1, Math.round((plan.readsPerSecond * TICK) / 1000));
  // The ticks stop on stop$; the requests already sent run to their end, and the merge completes after the last one.
  const reads$ = interval(TICK).pipe(
    takeUntil(stop$),
    mergeMap(() => range(0, perTick)),
    mergeMap(() => tallies.reads.track(kuzzle.server.now()).pipe(catchError(() => EMPTY))),
  );
  const writes$ = interval(1000 / plan.writesPerSecond).pipe(
    takeUntil(stop$),
    mergeMap(() => {
      const w = ledger.issue();
      if (w === undefined) return EMPTY;
      return tallies.writes.track(kuzzle.document.create(plan.index, plan.collection, { slot: w % plan.slots, w })).pipe(
        tap({ next: () => ledger.answered(w, Date.now()), error: () => ledger.failed(w) }),
        catchError(() => EMPTY),
      );
    }),
  );
  const done = lastValueFrom(merge(reads$, writes$), { defaultValue: undefined });
  return {
    stop: async () => {
      stop$.next();
      await done;
    },
  };
}
