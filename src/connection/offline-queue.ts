import {
  BehaviorSubject,
  defer,
  finalize,
  first,
  map,
  mergeMap,
  type Observable,
  of,
  throwError,
  timeout,
  type SchedulerLike,
  Subject,
  switchMap,
} from 'rxjs';
import { NotConnectedError, RequestDroppedError, type RequestDropReason } from '../vocabulary/errors/client-errors';
import type { KuzzleEvent } from '../vocabulary/events';
import type { KuzzleRequest } from '../vocabulary/request';
import { decideQueued, type QueueGate } from './queue-decision';
import { INITIAL_QUEUE_MODE, reduceQueueMode, type QueueCommand, type QueueMode } from './queue-mode';

/** The events of the offline queue. */
export type QueueEvent = Extract<KuzzleEvent, { readonly type: 'queued' | 'replayed' | 'dropped' }>;

export interface OfflineQueueConfig {
  readonly maxSize: number;
  readonly maxAge: number;
  /** Whether a request that has to wait may (the `queueFilter` option). */
  readonly filter: (request: KuzzleRequest) => boolean;
  readonly scheduler: SchedulerLike;
}

/**
 * Requests made while connecting or reconnecting (or while `startQueuing()` holds them) wait here, bounded in size and
 * age, and go out in order once they may (see `decideQueued`); while offline they fail at once. Each waiting request
 * follows the connection and the queue's mode, each step of one with the current value of the other, until its decision is not 'wait'.
 */
export class OfflineQueue {
  /** What the queue does with the requests (`queued`, `replayed`, `dropped`); only the queue reports here. */
  private readonly reported = new Subject<QueueEvent>();
  /** The queue's events, for the client's `events$`. */
  readonly events$: Observable<QueueEvent> = this.reported.asObservable();
  /** The mode after the user's commands, folded by `reduceQueueMode`. */
  private readonly mode = new BehaviorSubject<QueueMode>(INITIAL_QUEUE_MODE);
  /**
   * How many requests wait, for `maxSize`: a count of subscriptions, which the streams do not see come and go (a
   * caller may unsubscribe at any time), kept by the admission and the `finalize` of each waiting request.
   */
  private waiting = 0;

  constructor(
    private readonly gate$: Observable<QueueGate>,
    private readonly currentGate: () => QueueGate,
    private readonly config: OfflineQueueConfig,
  ) {}

  /** Applies `startQueuing()`, `stopQueuing()`, `playQueue()` or `flushQueue()`; the waiting requests follow. */
  command(command: QueueCommand): void {
    this.mode.next(reduceQueueMode(this.mode.value, command));
  }

  /**
   * Runs `work$` with the queue paused: the requests made meanwhile wait (as while reconnecting) until it ends. A cookie
   * renewal runs so, from the wait for the answers in flight to the new socket's restoration, so that no request goes
   * out on the socket it is about to close.
   */
  pause<T>(work$: Observable<T>): Observable<T> {
    return defer(() => {
      this.command('pause');
      return work$.pipe(finalize(() => this.command('resume')));
    });
  }

  /** Emits once the request may be sent; errors when it may not wait or waited in vain. */
  whenReady(request: KuzzleRequest, queuable: boolean): Observable<void> {
    return defer(() => {
      const gate = this.currentGate();
      const since = this.mode.value;
      const now = decideQueued(gate, since, since, request);
      if (now === 'go') return of(undefined);
      const { state } = gate;
      if (now === 'offline') {
        return throwError(() => new NotConnectedError(request, 'the client is offline (call connect() first)'));
      }
      if (!queuable) {
        // Connected, yet it would wait: startQueuing() holds the requests, and this one may not be held.
        if (state === 'connected' && since.pauses === 0) return this.drop(request, 'filtered');
        const doing = state === 'connected' ? 'renewing its cookie' : state;
        return throwError(() => new NotConnectedError(request, `the client is ${doing} and the request is not queuable`));
      }
      if (!this.config.filter(request)) return this.drop(request, 'filtered');
      if (this.waiting >= this.config.maxSize) return this.drop(request, 'queue-full');
      this.waiting++;
      this.reported.next({ type: 'queued', request });
      // Both replay their current value: each step of either is decided with the current value of the other.
      const settled$ = this.gate$.pipe(
        switchMap((g) => this.mode.pipe(map((mode) => decideQueued(g, mode, since, request)))),
        first((decision) => decision !== 'wait'),
      );
      const bounded$ =
        this.config.maxAge > 0
          ? settled$.pipe(
              timeout({ first: this.config.maxAge, scheduler: this.config.scheduler, with: () => this.drop(request, 'max-age') }),
            )
          : settled$;
      return bounded$.pipe(
        mergeMap((decision) => {
          if (decision === 'flushed') return this.drop(request, 'flushed');
          if (decision === 'offline') {
            return throwError(() => new NotConnectedError(request, 'the client went offline while the request waited'));
          }
          this.reported.next({ type: 'replayed', request });
          return of(undefined);
        }),
        finalize(() => this.waiting--),
      );
    });
  }

  private drop(request: KuzzleRequest, reason: RequestDropReason): Observable<never> {
    this.reported.next({ type: 'dropped', reason, request });
    return throwError(() => new RequestDroppedError(request, reason));
  }
}
