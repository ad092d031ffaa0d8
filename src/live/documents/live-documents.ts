import {
  catchError,
  connect,
  distinctUntilChanged,
  EMPTY,
  filter,
  map,
  merge,
  type Observable,
  scan,
  startWith,
  switchMap,
  throwError,
} from 'rxjs';
import type { MGetResult } from '../../controllers/document/types';
import {
  ConnectionLostError,
  NotConnectedError,
  RequestDroppedError,
  RequestUnsafeToResendError,
} from '../../vocabulary/errors/client-errors';
import type { SubscriptionEvent, SubscriptionStatus } from '../../vocabulary/subscription-status';
import type { WatchedDocuments } from '../types';
import { changeOf } from './document-change';
import { initialWatchState, nextWatchState, statusOf, type WatchInput, type WatchState } from './watch-state';

/** Where a watch of documents gets its data. */
export interface DocumentSources<S extends object> {
  /** The subscription to the watched ids, with its status, as `realtime.subscribeWithStatus()` emits it. */
  readonly events$: Observable<SubscriptionEvent>;
  /** One fetch of every watched document (`document.mGet`), subscribed each time the subscription is live. */
  readonly fetch$: Observable<MGetResult<S>>;
}

const isStatus = (event: SubscriptionEvent): event is SubscriptionStatus => event.type === 'status';

function inputOf<S extends object>(event: SubscriptionEvent): WatchInput<S> | undefined {
  if (isStatus(event)) return { kind: 'subscription', state: event.state };
  const change = changeOf<S>(event);
  return change && { kind: 'change', change };
}

/** A fetch the link loss interrupted: the subscription is being restored, and the fetch made after that replaces it. */
const interrupted = (error: unknown): boolean =>
  error instanceof ConnectionLostError ||
  error instanceof RequestUnsafeToResendError ||
  error instanceof NotConnectedError ||
  error instanceof RequestDroppedError;

const viewOf = <S extends object>(state: WatchState<S>): WatchedDocuments<S> =>
  Object.freeze({ status: statusOf(state), documents: state.documents });

/**
 * Watches documents `ids` (deduplicated) with `sources`: subscribes, fetches once the subscription is live and merges
 * what was notified meanwhile (newest wins by server time), applies notifications as they come after that, and
 * fetches again each time the subscription is live again after a restoration, the fetch in flight being dropped as
 * soon as it is not. Ends with the subscription's error, or a fetch's (other than a link loss).
 */
export function liveDocuments<S extends object>(ids: readonly string[], sources: DocumentSources<S>): Observable<WatchedDocuments<S>> {
  const initial = initialWatchState<S>(ids);
  const fetched$ = sources.fetch$.pipe(
    map((result): WatchInput<S> => ({ kind: 'fetched', result })),
    catchError((error: unknown) => (interrupted(error) ? EMPTY : throwError(() => error))),
  );
  return sources.events$.pipe(
    // One subscription, two readers, in this order: each status reaches the state before it starts or drops a fetch.
    connect((events$) =>
      merge(
        events$.pipe(
          map((event) => inputOf<S>(event)),
          filter((input): input is WatchInput<S> => input !== undefined),
        ),
        events$.pipe(
          filter(isStatus),
          switchMap((status) => (status.state === 'live' ? fetched$ : EMPTY)),
        ),
      ),
    ),
    scan(nextWatchState<S>, initial),
    startWith(initial),
    distinctUntilChanged((a, b) => statusOf(a) === statusOf(b) && a.documents === b.documents),
    map(viewOf),
  );
}
