import {
  BehaviorSubject,
  concat,
  connectable,
  defer,
  distinctUntilChanged,
  filter,
  first,
  map,
  merge,
  mergeMap,
  type Observable,
  of,
  scan,
  skip,
  Subject,
  switchMap,
  tap,
  throwError,
} from 'rxjs';
import type { WebSocketProtocol } from '../protocol/web-socket-protocol';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import type { LinkEvent } from '../vocabulary/link-events';
import { INITIAL_CONNECTION, reduceConnection, type ConnectionSnapshot } from './connection-state';
import type { EngineEvent } from './engine-events';

export interface EngineDeps {
  readonly protocol: WebSocketProtocol;
  /** What a new socket must restore before requests go out (`resumed`: it follows another). Never errors. */
  readonly restoration: (resumed: boolean) => Observable<EngineEvent>;
  /**
   * What the inbound text frames do: routed to requests and rooms, and the engine events they cause. `offline$`
   * emits when the client goes offline (work started by a frame ends then).
   */
  readonly inbound: (frames$: Observable<string>, offline$: Observable<unknown>) => Observable<EngineEvent>;
  /** The link dropped: the rooms stop being live, before the requests in flight on it fail. */
  readonly onLinkLost: () => void;
  /** The client is offline for good (policy gave up, or `disconnect()`): what it held ends with `cause`. */
  readonly onOffline: (cause: Error) => void;
}

const READY: EngineEvent = { type: 'ready' };

/** Socket events that do not change what the connection is doing (they must not cancel a restoration). */
const isReport = (event: LinkEvent): boolean => event.type === 'message' || event.type === 'latency' || event.type === 'binary';

/**
 * The client's connection as one composed Observable: the link's events, each new socket's restoration (cancelled by
 * the next loss: `switchMap`), the inbound frames and `connect()` calls, merged and folded by `reduceConnection`.
 * Its snapshots are replayed to every listener (`state$`, `events$`, `latency$`, the requests in flight).
 */
export class ConnectionEngine {
  /** The `connect()` calls, as engine events. */
  private readonly connects = new Subject<EngineEvent>();
  // Where each step is published, in the order listeners rely on (see `publish`).
  private readonly snapshots = new BehaviorSubject<ConnectionSnapshot>(INITIAL_CONNECTION);
  private readonly announcements = new Subject<KuzzleEvent>();
  private readonly losses = new Subject<void>();

  /** Every step of the connection, the current one replayed. */
  readonly snapshot$: Observable<ConnectionSnapshot> = this.snapshots.asObservable();
  /** The connection state, current value replayed. */
  readonly state$: Observable<ConnectionState>;
  /** The lifecycle events, as they happen (not replayed). */
  readonly events$: Observable<KuzzleEvent>;
  /** Round trip of each keep-alive ping, in ms. */
  readonly latency$: Observable<number>;
  /** Emits each time the link drops or is closed, after the rooms heard of it. */
  readonly lost$: Observable<void> = this.losses.asObservable();

  constructor(private readonly deps: EngineDeps) {
    const { protocol } = deps;
    const link$ = protocol.link$;
    const phases$ = link$.pipe(
      filter((event) => !isReport(event)),
      switchMap((event) => (event.type === 'open' ? concat(of(event), deps.restoration(event.resumed), of(READY)) : of(event))),
    );
    const reports$ = link$.pipe(filter((event) => event.type === 'latency' || event.type === 'binary'));
    const changes$ = this.snapshot$.pipe(skip(1));
    const inbound$ = deps.inbound(
      link$.pipe(
        filter((event) => event.type === 'message'),
        map((event) => event.text),
      ),
      changes$.pipe(filter((snapshot) => snapshot.offline !== undefined)),
    );
    const engine$ = merge(this.connects, phases$, reports$, inbound$).pipe(
      scan(reduceConnection, INITIAL_CONNECTION),
      tap((snapshot) => this.publish(snapshot)),
    );
    this.state$ = this.snapshot$.pipe(
      map((snapshot) => snapshot.state),
      distinctUntilChanged(),
    );
    this.events$ = this.announcements.asObservable();
    this.latency$ = changes$.pipe(
      map((snapshot) => snapshot.latency),
      filter((ms): ms is number => ms !== undefined),
    );
    // The engine's one subscription, for the client's lifetime: it holds no socket and no timer while offline.
    connectable(engine$).connect();
  }

  /**
   * Hands a step to its listeners in the order they rely on. A loss is announced first, then the state changes, then
   * the rooms are told (restoring) before the requests in flight fail. Going offline changes the state and ends the
   * requests, then the rooms, then announces it. Any other step: the state (the queue sends what waited), then the
   * announcement, so that `connected` comes after the queued requests went out.
   */
  private publish(snapshot: ConnectionSnapshot): void {
    const announce = () => snapshot.events.forEach((event) => this.announcements.next(event));
    if (snapshot.lost && !snapshot.offline) {
      announce();
      this.snapshots.next(snapshot);
      this.deps.onLinkLost();
      this.losses.next();
      return;
    }
    this.snapshots.next(snapshot);
    if (snapshot.offline) {
      this.losses.next();
      this.deps.onOffline(snapshot.offline);
    }
    announce();
  }

  /** The connection's current step. */
  get current(): ConnectionSnapshot {
    return this.snapshots.value;
  }

  /**
   * Opens the connection (ignored while it is open or opening): emits once connected (and restored), then completes;
   * errors when the reconnection policy gives up or `disconnect()` is called first.
   */
  connect(): Observable<void> {
    return defer(() => {
      if (this.current.state === 'connected') return of(undefined);
      if (this.current.state === 'offline') {
        this.connects.next({ type: 'connect' });
        this.deps.protocol.open();
      }
      return this.snapshot$.pipe(
        first((snapshot) => snapshot.state === 'connected' || snapshot.offline !== undefined),
        mergeMap((snapshot) => (snapshot.offline ? throwError(() => snapshot.offline) : of(undefined))),
      );
    });
  }
}
