import { defer, finalize, first, map, type Observable, of, throwError, timeout, type SchedulerLike } from 'rxjs';
import { NotConnectedError, RequestDroppedError } from '../vocabulary/errors/client-errors';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import type { KuzzleRequest } from '../vocabulary/request';

export interface OfflineQueueConfig {
  readonly maxSize: number;
  readonly maxAge: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Requests made while connecting or reconnecting wait here, bounded in size and age, and go out in order once the
 * client is connected; while offline they fail at once.
 */
export class OfflineQueue {
  private waiting = 0;

  constructor(
    private readonly state$: Observable<ConnectionState>,
    private readonly currentState: () => ConnectionState,
    private readonly emit: (event: KuzzleEvent) => void,
    private readonly config: OfflineQueueConfig,
  ) {}

  /** Emits once the request may be sent; errors when it may not wait or waited in vain. */
  whenReady(request: KuzzleRequest, queuable: boolean): Observable<void> {
    return defer(() => {
      const state = this.currentState();
      if (state === 'connected') return of(undefined);
      if (state === 'offline') {
        return throwError(() => new NotConnectedError(request, 'the client is offline (call connect() first)'));
      }
      if (!queuable) return throwError(() => new NotConnectedError(request, `the client is ${state} and the request is not queuable`));
      if (this.waiting >= this.config.maxSize) return this.drop(request, 'queue-full');
      this.waiting++;
      this.emit({ type: 'queued', request });
      const settled$ = this.state$.pipe(first((s) => s === 'connected' || s === 'offline'));
      const bounded$ =
        this.config.maxAge > 0
          ? settled$.pipe(
              timeout({ first: this.config.maxAge, scheduler: this.config.scheduler, with: () => this.drop(request, 'max-age') }),
            )
          : settled$;
      return bounded$.pipe(
        map((s) => {
          if (s === 'offline') throw new NotConnectedError(request, 'the client went offline while the request waited');
          this.emit({ type: 'replayed', request });
        }),
        finalize(() => this.waiting--),
      );
    });
  }

  private drop(request: KuzzleRequest, reason: 'queue-full' | 'max-age'): Observable<never> {
    this.emit({ type: 'dropped', reason, request });
    return throwError(() => new RequestDroppedError(request, reason));
  }
}
