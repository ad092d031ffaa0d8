import {
  catchError,
  connect,
  defer,
  distinctUntilChanged,
  EMPTY,
  endWith,
  exhaustMap,
  filter,
  ignoreElements,
  interval,
  map,
  merge,
  type Observable,
  observeOn,
  of,
  type SchedulerLike,
  scan,
  startWith,
  Subject,
  switchMap,
  takeUntil,
  tap,
  throwError,
  timer,
  withLatestFrom,
} from 'rxjs';
import { ConnectionLostError, RequestUnsafeToResendError } from '../../vocabulary/errors/client-errors';
import type { SubscriptionEvent } from '../../vocabulary/subscription-status';
import type { LiveResult } from '../types';
import { changeOf, isUnidentifiedWrite, type LiveDocument } from './changes';
import { lagOf } from './lag';
import { reduce } from './reduce';
import type { Snapshot } from './snapshot';
import { initialState, resultOf, sameResult, type WatchEvent, type WatchRules, type WatchState } from './state';

/** Where a live query gets what it merges, and its time. `clientSources()` builds them from a client. */
export interface WatchSources<S extends object> {
  /** The collection's notifications, with the subscription's status changes, in order. */
  readonly subscribe: () => Observable<SubscriptionEvent>;
  /** A snapshot: the first hits of the query in its order (at most `size`), and how many match. */
  readonly search: () => Observable<Snapshot<S>>;
  /** How many documents match the query on the server. */
  readonly count: () => Observable<number>;
  /** Runs the timers (lag, periodic check, recount delay) and hands effects' answers back to the state. */
  readonly scheduler: SchedulerLike;
  /** The time, in ms, as the lag detector and the staleness window measure it. */
  readonly clock: () => number;
}

/** A live query's rules and timing, checked. */
export interface LiveQuerySpec<S extends object> {
  readonly rules: WatchRules;
  readonly initial: ReadonlyArray<LiveDocument<S>>;
  readonly lagThreshold: number;
  readonly checkInterval: number;
}

const toEvent = <S extends object>(event: SubscriptionEvent, at: number): WatchEvent<S> | null => {
  if (event.type === 'status') return { type: 'status', state: event.state, at };
  if (isUnidentifiedWrite(event)) return { type: 'resync', reason: 'unidentified-write', at };
  const change = changeOf<S>(event, at);
  return change && { type: 'change', change, at };
};

/** Count answers are advisory: a failed count leaves the total as it is (the next check tries again). */
const advisory = <T>(source: Observable<T>): Observable<T> => source.pipe(catchError(() => EMPTY));

/** The requests the state asks for (a search, a recount) and the periodic check, as events for the state. */
const isLinkLoss = (error: unknown): boolean => error instanceof ConnectionLostError || error instanceof RequestUnsafeToResendError;

function effects<S extends object>(
  spec: LiveQuerySpec<S>,
  sources: WatchSources<S>,
  state$: Observable<WatchState<S>>,
): Observable<WatchEvent<S>> {
  const { scheduler, clock } = sources;
  const search$ = state$.pipe(
    map((state) => state.fetch),
    distinctUntilChanged(),
    // A new request, or none (the link was lost), abandons the search in flight: switchMap unsubscribes from it.
    switchMap((request) =>
      request === null
        ? EMPTY
        : sources.search().pipe(
            map((snapshot): WatchEvent<S> => ({ type: 'snapshot', request, snapshot, at: clock() })),
            // The subscription reports the loss too, and its restoration asks for a new search (also when this one was
            // in flight at too many losses in a row to be sent again: the next one is a new request).
            catchError((error: unknown) => (isLinkLoss(error) ? EMPTY : throwError(() => error))),
          ),
    ),
  );
  const recount$ = state$.pipe(
    map((state) => state.recount?.request ?? null),
    distinctUntilChanged(),
    // Waits for the storage to see the changes that made the total uncertain.
    switchMap((request) =>
      request === null
        ? EMPTY
        : timer(spec.rules.staleness, scheduler).pipe(
            exhaustMap(() => sources.count().pipe(catchError(() => of(null)))),
            map((count): WatchEvent<S> => ({ type: 'recount', request, count, at: clock() })),
          ),
    ),
  );
  const check$ =
    spec.checkInterval > 0
      ? interval(spec.checkInterval, scheduler).pipe(
          withLatestFrom(state$),
          filter(([, state]) => state.phase === 'live'),
          exhaustMap(([, state]) => {
            const sentAt = clock();
            return advisory(sources.count()).pipe(
              map((count): WatchEvent<S> => ({ type: 'check', count, seq: state.seq, sentAt, at: clock() })),
            );
          }),
        )
      : EMPTY;
  return merge(search$, recount$, check$);
}

/**
 * A live query over injected sources: subscribes, fetches a snapshot once live, merges, applies the notifications,
 * and fetches again after a link loss, a lag or a failed check. The state is one `scan` of `reduce`; the requests it
 * asks for are effects of the state, whose answers come back as events.
 */
export function liveQuery<S extends object>(spec: LiveQuerySpec<S>, sources: WatchSources<S>): Observable<LiveResult<S>> {
  return defer(() => {
    const { rules } = spec;
    const { scheduler, clock } = sources;
    // The loop from the state to its effects and back. The answers are handed back on the scheduler, so that the
    // state never changes while one of its values is still being delivered (a synchronous answer would reorder them).
    const answers = new Subject<WatchEvent<S>>();
    const start = initialState<S>(rules, spec.initial);
    return sources.subscribe().pipe(
      connect((subscription$) => {
        const ended$ = subscription$.pipe(ignoreElements(), endWith(true));
        const events$ = merge(
          subscription$.pipe(
            map((event) => toEvent<S>(event, clock())),
            filter((event): event is WatchEvent<S> => event !== null),
          ),
          lagOf(spec.lagThreshold, scheduler, clock).pipe(map((at): WatchEvent<S> => ({ type: 'resync', reason: 'lag', at }))),
          answers.pipe(observeOn(scheduler)),
        ).pipe(takeUntil(ended$));
        return events$.pipe(
          scan((state: WatchState<S>, event: WatchEvent<S>) => reduce(rules, state, event), start),
          startWith(start),
          connect((state$) =>
            merge(
              state$.pipe(
                map((state) => resultOf(state)),
                distinctUntilChanged(sameResult),
              ),
              effects(spec, sources, state$).pipe(
                tap((answer) => answers.next(answer)),
                ignoreElements(),
                takeUntil(state$.pipe(ignoreElements(), endWith(true))),
              ),
            ),
          ),
        );
      }),
    );
  });
}
