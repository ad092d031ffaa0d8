import { defer, finalize, first, map, type Observable, of, throwError, timeout, type SchedulerLike } from 'rxjs';
import { NotConnectedError, RequestDroppedError } from '../vocabulary/errors/client-errors';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import type { KuzzleRequest } from '../vocabulary/request';

export interface OfflineQueueConfig {
  readonly maxSize: number;
  readonly maxAge: number;
  readonly scheduler: SchedulerLike;
}

/** What the queue reads of the connection. */
export interface QueueGate {
  readonly state: ConnectionState;
  /** The `authenticator` runs during a restoration: auth requests may go out. */
  readonly authenticating: boolean;
}

/** Whether a request may go out now. */
function mayGo(gate: QueueGate, request: KuzzleRequest): boolean {
  return gate.state === 'connected' || (gate.authenticating && request.controller === 'auth');
}

/**
 * Requests made while connecting or reconnecting wait here, bounded in size and age, and go out in order once the
 * client is connected; while offline they fail at once.
 */
export class OfflineQueue {
  private waiting = 0;

  constructor(
    private readonly gate$: Observable<QueueGate>,
    private readonly currentGate: () => QueueGate,
    private readonly emit: (event: KuzzleEvent) => void,
    private readonly config: OfflineQueueConfig,
  ) {}

  /** Emits once the request may be sent; errors when it may not wait or waited in vain. */
  whenReady(request: KuzzleRequest, queuable: boolean): Observable<void> {
    return defer(() => {
      const gate = this.currentGate();
      if (mayGo(gate, request)) return of(undefined);
      const { state } = gate;
      if (state === 'offline') {
        return throwError(() => new NotConnectedError(request, 'the client is offline (call connect() first)'));
      }
      if (!queuable) return throwError(() => new NotConnectedError(request, `the client is ${state} and the request is not queuable`));
      if (this.waiting >= this.config.maxSize) return this.drop(request, 'queue-full');
      this.waiting++;
      this.emit({ type: 'queued', request });
      const settled$ = this.gate$.pipe(first((g) => mayGo(g, request) || g.state === 'offline'));
      const bounded$ =
        this.config.maxAge > 0
          ? settled$.pipe(
              timeout({ first: this.config.maxAge, scheduler: this.config.scheduler, with: () => this.drop(request, 'max-age') }),
            )
          : settled$;
      return bounded$.pipe(
        map((g) => {
          if (!mayGo(g, request)) throw new NotConnectedError(request, 'the client went offline while the request waited');
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
