import {
  concat,
  connect,
  defer,
  EMPTY,
  exhaustMap,
  filter,
  first,
  map,
  merge,
  mergeMap,
  type Observable,
  observeOn,
  of,
  race,
  Subject,
  takeUntil,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import { afterExpiredOnReconnection, afterExpiryNotification, type ReauthenticationDeps } from '../auth/reauthentication';
import { AuthSession } from '../auth/auth-session';
import { ConnectionEngine } from '../connection/connection-engine';
import { report, type EngineEvent } from '../connection/engine-events';
import type { CallOptions } from '../controllers/base-controller';
import type { FetchLike } from '../http/fetch';
import { HttpTransport } from '../http/http-transport';
import { clientLinks } from '../links/client-links';
import type { HeldConnection } from '../links/cookie-renewal';
import type { Link } from '../links/link';
import type { WebSocketProtocol } from '../protocol/web-socket-protocol';
import { RoomRegistry } from '../realtime/room-registry';
import { InvalidOptionError, RequestTimeoutError, SubscriptionLostError } from '../vocabulary/errors/client-errors';
import { KuzzleError } from '../vocabulary/errors/kuzzle-error';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import { parseServerFrame, redactFrame } from '../vocabulary/frames';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';
import { OfflineQueue } from '../connection/offline-queue';
import { resolveKuzzleOptions, splitRequestOptions, type KuzzleOptions, type ResolvedKuzzleOptions } from './options';
import { RequestChannel } from '../links/request-channel';
import { requestFrame, type SendableRequest } from '../links/request-frame';

/** What routing a frame says when it is the server's TokenExpired notification. */
const TOKEN_EXPIRED = 'token-expired';

const TOKEN_EXPIRED_REPORT = report({ type: 'tokenExpired' });

/**
 * The Kuzzle client without its controllers: the connection, `query()`, the session, `state$`, `events$` and
 * `latency$`. `Kuzzle` is this client with every controller on it; size-minded apps build this one and the
 * controllers they use (`new DocumentController(client)`), so that a bundler leaves the others out.
 *
 * It is the composition root: it builds the connection engine over the protocol, the links (WebSocket, HTTP, cookie
 * renewal, the user's own), the session, the offline queue and the rooms, and wires them to one another.
 *
 * @example A lean client
 * ```ts
 * const client = new KuzzleClient(new WebSocketProtocol('localhost'));
 * const document = new DocumentController(client);
 * client.connect().pipe(switchMap(() => document.get('shop', 'orders', 'o1'))).subscribe(console.log);
 * ```
 */

/** How long a cookie renewal waits for the answers in flight before it reopens the socket, in ms. */
const DRAIN_LIMIT = 1000;
export class KuzzleClient {
  readonly options: ResolvedKuzzleOptions;
  /** Identifies this client in its requests' `volatile.sdkInstanceId` (used by `subscribeToSelf: false`). */
  readonly instanceId: string;

  /**
   * What the requests' answers tell `events$` (`queryError`, and `tokenExpired` when one says the session is over).
   * The connection, the queue and the rooms have their own events; only `settle` reports here.
   */
  private readonly answers = new Subject<KuzzleEvent>();
  private readonly engine: ConnectionEngine;
  private readonly session: AuthSession;
  private readonly channel: RequestChannel;
  private readonly link: Link;
  /** @internal The realtime subscriptions, for `RealtimeController`. */
  readonly rooms: RoomRegistry;

  /** The connection state, current value replayed. Never 'offline' during a reconnection or a cookie renewal. */
  readonly state$: Observable<ConnectionState>;
  /** Lifecycle, request and subscription events: a union on `type` (see `KuzzleEvent`). */
  readonly events$: Observable<KuzzleEvent>;
  /** Round trip of each keep-alive ping, in ms. */
  readonly latency$: Observable<number>;

  constructor(
    readonly protocol: WebSocketProtocol,
    options?: KuzzleOptions,
  ) {
    this.options = resolveKuzzleOptions(options);
    this.instanceId = this.options.requestIdGenerator();
    const isConnected = () => this.engine.current.state === 'connected';
    this.rooms = new RoomRegistry({
      request: (request, requestOptions, restoring) => this.execute(request, requestOptions, restoring),
      instanceId: this.instanceId,
      isConnected,
    });
    this.session = new AuthSession({
      cookieAuth: this.options.cookieAuth,
      sendNow: (request) => this.execute(request, {}, true),
    });
    this.engine = new ConnectionEngine({
      protocol,
      restoration: (resumed) => (resumed ? this.restoration() : EMPTY),
      inbound: (frames$, offline$) => this.inbound(frames$, offline$),
      onLinkLost: () => this.rooms.suspend(),
      onOffline: (cause) => this.rooms.failAll((room) => new SubscriptionLostError(room.roomId, cause)),
    });
    this.state$ = this.engine.state$;
    this.latency$ = this.engine.latency$;
    const queue = new OfflineQueue(this.engine.snapshot$, () => this.engine.current, {
      maxSize: this.options.queueMaxSize,
      maxAge: this.options.queueMaxAge,
      filter: this.options.queueFilter,
      scheduler: protocol.options.scheduler,
    });
    this.queue = queue;
    this.events$ = merge(this.engine.events$, this.rooms.events$, queue.events$, this.answers);
    this.channel = new RequestChannel({
      send: (text) => protocol.send(text),
      serialize: (request) => JSON.stringify(this.session.attachToken(request)),
      linkLost$: this.engine.lost$,
      whenReady: (request, queuable) => queue.whenReady(request, queuable),
      maxRequestSize: this.options.maxRequestSize,
      maxResends: this.options.maxResends,
    });
    const http = new HttpTransport(protocol.httpUrl, () => this.fetchFunction(), this.session.cookies);
    this.link = clientLinks({
      channel: this.channel,
      http,
      attachToken: (request) => this.session.attachToken(request),
      connection: this.heldConnection(),
      cookieAuth: this.options.cookieAuth,
      middlewares: this.options.links,
    });
    protocol.setHandshakeHeaders(() => this.session.handshakeHeaders());
  }

  /**
   * The connection as the cookie renewal holds it. The answers on their way when a renewal starts are waited for at
   * most DRAIN_LIMIT ms, one scheduler hop after the last, so that the socket is not closed from inside the routing of
   * a frame; new requests wait in the queue meanwhile (`pause`).
   */
  private heldConnection(): HeldConnection {
    const { protocol, engine, channel, queue } = this;
    const { scheduler } = protocol.options;
    return {
      hold: (work$) => protocol.hold(work$),
      isRunning: () => engine.current.state !== 'offline',
      settled$: engine.snapshot$.pipe(filter((snapshot) => snapshot.state === 'connected' || snapshot.state === 'offline')),
      drained$: defer(() =>
        channel.busy
          ? race(
              channel.idle$.pipe(
                observeOn(scheduler),
                first(() => !channel.busy),
              ),
              timer(DRAIN_LIMIT, scheduler),
            )
          : of(undefined),
      ),
      pause: (work$) => queue.pause(work$),
    };
  }

  /** What the re-authentication flows need. */
  private get reauthentication(): ReauthenticationDeps {
    return { authenticator: this.options.authenticator, cookieAuth: this.options.cookieAuth, rooms: this.rooms };
  }

  /** A new socket after the first: the token checked (and renewed by the authenticator), then the subscriptions. */
  private restoration(): Observable<EngineEvent> {
    return concat(
      this.session
        .stillValid$()
        .pipe(mergeMap((valid) => (valid ? EMPTY : concat(this.expired$(), afterExpiredOnReconnection(this.reauthentication))))),
      defer(() => this.rooms.restore$()),
    );
  }

  /** The session expired: the token is dropped, and `tokenExpired` said if there was a session to lose. */
  private expired$(): Observable<EngineEvent> {
    return defer(() => (this.session.expire() ? of(TOKEN_EXPIRED_REPORT) : EMPTY));
  }

  /**
   * Every frame is routed to the request or the rooms awaiting it, a frame nobody awaits reported; a TokenExpired
   * notification ends the session and starts one re-authentication at a time (`exhaustMap`), ended by going offline.
   */
  private inbound(frames$: Observable<string>, offline$: Observable<unknown>): Observable<EngineEvent> {
    return frames$.pipe(
      map((text) => this.route(text)),
      connect((routed$) => {
        const expiries$ = routed$.pipe(filter((routed) => routed === TOKEN_EXPIRED));
        // In this order for each notification: the session ends (and says so), then the re-authentication starts.
        return merge(
          routed$.pipe(filter((routed): routed is EngineEvent => typeof routed === 'object')),
          expiries$.pipe(mergeMap(() => this.expired$())),
          expiries$.pipe(exhaustMap(() => afterExpiryNotification(this.reauthentication).pipe(takeUntil(offline$)))),
        );
      }),
    );
  }

  /**
   * Adds a controller (a plugin's, say) under `accessor`, like the official SDK's `useController`, and returns this
   * client typed with it: `const k = kuzzle.useController(GreeterController, 'greeter'); k.greeter.greet('you')`.
   * The controller is any class built on `BaseController` whose constructor takes the client.
   * @throws InvalidOptionError when `accessor` is empty or already taken (by a controller or a client member).
   */
  useController<C extends object, A extends string>(
    Controller: new (client: KuzzleClient) => C,
    accessor: A,
  ): this & { readonly [K in A]: C } {
    if (typeof accessor !== 'string' || accessor === '' || accessor in this) {
      throw new InvalidOptionError('useController.accessor', `${JSON.stringify(accessor)} is empty or already taken`);
    }
    Object.defineProperty(this, accessor, { value: new Controller(this), enumerable: true });
    return this as this & { readonly [K in A]: C };
  }

  /** The connection state now (what `state$` would replay). */
  get state(): ConnectionState {
    return this.engine.current.state;
  }

  /** The session's token in token mode; always null in cookie mode (the cookie is never exposed). */
  get jwt(): string | null {
    return this.options.cookieAuth ? null : this.session.tokens.jwt;
  }

  /** Uses a token obtained elsewhere (token mode; ignored in cookie mode, where the cookie carries the session). */
  set jwt(token: string | null) {
    if (!this.options.cookieAuth) this.session.tokens.set(token);
  }

  /**
   * Opens the connection: emits once it is open (and restored), then completes. Several calls share one socket. A
   * failed attempt goes through the reconnection policy; it errors only when the policy gives up
   * (`ReconnectionFailedError`, or the fatal `LinkLostError`) or when `disconnect()` comes first (`NotConnectedError`).
   * Unsubscribing does not close the connection: `disconnect()` does.
   *
   * @example
   * ```ts
   * kuzzle.connect().pipe(switchMap(() => kuzzle.server.now())).subscribe((now) => console.log(now));
   * ```
   */
  connect(): Observable<void> {
    return this.engine.connect();
  }

  /** Closes the connection for good (code 1000) and stops any reconnection. Pending requests end with typed errors. */
  disconnect(): void {
    this.protocol.close();
  }

  /** The offline queue, for `startQueuing()`, `stopQueuing()`, `playQueue()` and `flushQueue()`. */
  private readonly queue: OfflineQueue;

  /**
   * Holds the requests in the offline queue even while connected, until `playQueue()` sends them or `stopQueuing()`
   * ends the hold, and returns this client (as the official SDK's does). The held requests are bounded as every waiting
   * request (`queueMaxSize`, `queueMaxAge`, `queueFilter`, their `timeout`); one made with `queuable: false` is dropped
   * at once (`RequestDroppedError`, reason `'filtered'`). The restoration of subscriptions after a reconnection, and
   * the authenticator's login then, are never held. Without it, requests wait for a connection only (what the SDK's
   * `autoQueue` and `autoReplay` do), and go out in order once the subscriptions are restored.
   *
   * @example Writes sent together once the user confirms them
   * ```ts
   * kuzzle.startQueuing();
   * forkJoin(items.map((item) => kuzzle.document.create('shop', 'cart', item))).subscribe(() => console.log('saved'));
   * confirm.onclick = () => kuzzle.playQueue().stopQueuing();
   * cancel.onclick = () => kuzzle.flushQueue().stopQueuing();
   * ```
   */
  startQueuing(): this {
    this.queue.command('start');
    return this;
  }

  /**
   * Ends the hold of `startQueuing()` and returns this client: requests wait for a connection only again, so the ones
   * held go out now, in order, when the client is connected (once it is, otherwise). Unlike the SDK's, which keeps
   * them until `playQueue()`, nothing stays behind: call `flushQueue()` first to drop them instead.
   *
   * @example
   * ```ts
   * kuzzle.startQueuing();
   * kuzzle.document.create('shop', 'orders', { total: 12 }).subscribe(); // held
   * kuzzle.stopQueuing(); // sent now, when connected
   * ```
   */
  stopQueuing(): this {
    this.queue.command('stop');
    return this;
  }

  /**
   * Sends the requests waiting now, in order, as soon as the client is connected (at once when it is), and returns
   * this client. Requests made afterwards are still held while `startQueuing()` is in force. Without it there is
   * nothing to play: waiting requests go out by themselves once connected. Unlike the SDK's, a call made while
   * reconnecting is not lost: the requests waiting then go once connected.
   *
   * @example
   * ```ts
   * kuzzle.startQueuing();
   * kuzzle.document.update('shop', 'orders', 'o1', { paid: true }).subscribe();
   * kuzzle.playQueue(); // sent now; later requests are held again
   * ```
   */
  playQueue(): this {
    this.queue.command('play');
    return this;
  }

  /**
   * Drops every request waiting in the offline queue and returns this client: each one's Observable errors with
   * `RequestDroppedError` (reason `'flushed'`), in order, each after a `dropped` event. Requests made afterwards wait
   * as before. Unlike the SDK's, which forgets its queued requests without settling them, every caller hears of it.
   *
   * @example
   * ```ts
   * kuzzle.events$.pipe(filter((event) => event.type === 'disconnected')).subscribe(() => kuzzle.flushQueue());
   * ```
   */
  flushQueue(): this {
    this.queue.command('flush');
    return this;
  }

  /**
   * Sends any request and emits the whole response, then completes; an error response errors with `KuzzleError`.
   * Cold: nothing is sent before subscription, and unsubscribing before the response forgets it. Options other than
   * the client's own (`timeout`, `volatile`, `queuable`, `resendAfterReconnect`) go into the request as API arguments.
   * @throws {InvalidRequestError} when the request has no controller or action (nothing is sent).
   * @throws {RequestTimeoutError} `NotConnectedError`, `ConnectionLostError`, `RequestDroppedError` as the
   * connection goes; `KuzzleError` for an error response.
   */
  query<R = unknown>(request: KuzzleRequest, options?: CallOptions): Observable<KuzzleResponse<R>> {
    return this.execute(request, options ?? {}, false) as Observable<KuzzleResponse<R>>;
  }

  /** One request down the links, settled (error responses as `KuzzleError`) and bounded by its timeout. */
  private execute(request: KuzzleRequest, options: CallOptions | RequestOptions, restoring: boolean): Observable<KuzzleResponse> {
    return defer(() => {
      const { client, args } = splitRequestOptions(options);
      const frame = requestFrame({ ...request, ...args }, client, {
        volatile: this.options.volatile,
        instanceId: this.instanceId,
        nextId: this.options.requestIdGenerator,
      });
      const response$ = this.link({ request: frame, options: client, restoring }).pipe(
        mergeMap((response) => this.settle(frame, response)),
      );
      const limit = client.timeout ?? this.options.requestTimeout;
      if (limit <= 0) return response$;
      return response$.pipe(
        timeout({
          first: limit,
          scheduler: this.protocol.options.scheduler,
          with: () => throwError(() => new RequestTimeoutError(frame, limit)),
        }),
      );
    });
  }

  /** Turns an error response into a `KuzzleError` and keeps the session in step with auth results. */
  private settle(request: SendableRequest, response: KuzzleResponse): Observable<KuzzleResponse> {
    if (response.error) {
      const error = new KuzzleError(response.error);
      this.answers.next({ type: 'queryError', error, request });
      if (this.session.onError(request, error)) this.answers.next({ type: 'tokenExpired' });
      return throwError(() => error);
    }
    this.session.onSuccess(request, response);
    return of(response);
  }

  /** The fetch of the `fetch` option, else the global one, read at each call. */
  private fetchFunction(): FetchLike {
    const fetch = this.options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined);
    if (typeof fetch !== 'function') {
      throw new InvalidOptionError('Kuzzle.fetch', 'cookieAuth needs fetch and this runtime has none: pass one');
    }
    return fetch;
  }

  /**
   * Hands a server frame to the request or the rooms awaiting it. What is left to do: nothing, report a frame nobody
   * awaits, or end the session (the server's TokenExpired notification).
   */
  private route(text: string): EngineEvent | typeof TOKEN_EXPIRED | undefined {
    const parsed = parseServerFrame(text);
    if (!parsed.ok) return report({ type: 'discarded', reason: parsed.reason, frame: redactFrame(text) });
    const { frame } = parsed;
    if (frame.kind === 'server-notification') return TOKEN_EXPIRED;
    if (frame.kind === 'response' && !this.channel.deliver(frame.response)) {
      const { requestId, error } = frame.response;
      return report({ type: 'discarded', reason: 'unknown-request', requestId, ...(error ? { error: new KuzzleError(error) } : {}) });
    }
    if (frame.kind === 'notification' && !this.rooms.dispatch(frame.notification)) {
      return report({ type: 'discarded', reason: 'unknown-room', frame: text });
    }
    return undefined;
  }
}
