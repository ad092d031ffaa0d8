import {
  BehaviorSubject,
  filter,
  map,
  merge,
  mergeMap,
  type Observable,
  of,
  defer,
  Subject,
  take,
  throwError,
  type Subscription,
} from 'rxjs';
import { NotConnectedError } from '../vocabulary/errors/client-errors';
import type { LinkEvent } from '../vocabulary/link-events';
import type { WebSocketProtocol } from '../protocol/web-socket-protocol';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';

export interface LifecycleHooks {
  /** Runs on each new socket after the first, before the client reports itself connected (never errors). */
  readonly restore$: () => Observable<never>;
  readonly onMessage: (text: string) => void;
  /** The link dropped (a new socket is tried unless the policy gives up); called before the requests in flight end. */
  readonly onLinkLost: () => void;
  /** The link is down for good (policy gave up, or `disconnect()`). */
  readonly onOffline: (cause: Error) => void;
}

/**
 * The client's connection state machine, driven by the link's events: `state$`, the lifecycle events, `connect()`,
 * and `linkLost$` that ends the requests in flight.
 */
export class ConnectionLifecycle {
  readonly state = new BehaviorSubject<ConnectionState>('offline');
  /** Emits each time the link drops or is closed (after `state` has changed). */
  readonly linkLost = new Subject<void>();
  readonly latency = new Subject<number>();
  private readonly failures = new Subject<Error>();
  private everConnected = false;
  private restoring: Subscription | undefined;

  constructor(
    private readonly protocol: WebSocketProtocol,
    private readonly emit: (event: KuzzleEvent) => void,
    private readonly hooks: LifecycleHooks,
  ) {
    protocol.link$.subscribe((event) => this.onLink(event));
  }

  connect(): Observable<void> {
    return defer(() => {
      if (this.state.value === 'connected') return of(undefined);
      if (this.state.value === 'offline') {
        this.everConnected = false;
        this.state.next('connecting');
        this.protocol.open();
      }
      const failure$ = this.failures.pipe(mergeMap((error) => throwError(() => error)));
      const connected$ = this.state.pipe(filter((state) => state === 'connected'));
      return merge(connected$, failure$).pipe(
        take(1),
        map(() => undefined),
      );
    });
  }

  private onLink(event: LinkEvent): void {
    switch (event.type) {
      case 'open':
        this.restoring?.unsubscribe();
        this.restoring = (this.everConnected ? this.hooks.restore$() : of()).subscribe({ complete: () => this.ready() });
        break;
      case 'message':
        this.hooks.onMessage(event.text);
        break;
      case 'binary':
        this.emit({ type: 'discarded', reason: 'binary' });
        break;
      case 'latency':
        this.latency.next(event.ms);
        break;
      case 'lost': {
        this.restoring?.unsubscribe();
        const { error } = event;
        if (error.wasOpen) {
          this.emit({
            type: 'disconnected',
            origin: error.origin,
            ...(error.code === undefined ? {} : { code: error.code }),
            ...(error.reason ? { reason: error.reason } : {}),
          });
        }
        if (error.origin === 'network' && error.cause instanceof Error) this.emit({ type: 'networkError', error: error.cause });
        if (this.state.value === 'connected') this.state.next('reconnecting');
        this.hooks.onLinkLost();
        this.linkLost.next();
        break;
      }
      case 'retrying':
        this.emit({ type: 'reconnecting', attempt: event.attempt, delay: event.delay });
        break;
      case 'failed':
        this.goOffline(event.error);
        this.emit({ type: 'reconnectionFailed', error: event.error });
        this.failures.next(event.error);
        break;
      case 'closed': {
        const reason = new NotConnectedError(undefined, 'disconnect() was called');
        this.goOffline(reason);
        // Only a socket that was open is disconnected now: a lost one was reported when it was lost.
        if (event.wasOpen) this.emit({ type: 'disconnected', origin: 'user', code: 1000 });
        this.failures.next(reason);
        break;
      }
    }
  }

  private goOffline(cause: Error): void {
    this.restoring?.unsubscribe();
    this.state.next('offline');
    this.linkLost.next();
    this.hooks.onOffline(cause);
  }

  private ready(): void {
    const first = !this.everConnected;
    this.everConnected = true;
    this.state.next('connected');
    this.emit({ type: first ? 'connected' : 'reconnected' });
  }
}
