import { concat, concatMap, defer, finalize, first, map, mergeMap, type Observable, of, Subject, throwError, timeout } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { InvalidOptionError, RequestTimeoutError, SubscriptionLostError } from '../vocabulary/errors/client-errors';
import { KuzzleError } from '../vocabulary/errors/kuzzle-error';
import type { FetchLike } from '../http/fetch';
import { HttpTransport } from '../http/http-transport';
import type { WebSocketProtocol } from '../protocol/web-socket-protocol';
import { RoomRegistry } from '../realtime/room-registry';
import { ConnectionLifecycle } from './connection-lifecycle';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import { parseServerFrame } from '../vocabulary/frames';
import { OfflineQueue } from './offline-queue';
import { resolveKuzzleOptions, splitRequestOptions, type KuzzleOptions, type ResolvedKuzzleOptions } from './options';
import type { CallOptions } from '../controllers/base-controller';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';
import { RequestChannel } from './request-channel';
import { requestFrame, type SendableRequest } from './request-frame';
import { isHttpOnlyAction } from '../http/routes';
import { isCookieAction, split } from './router';

/**
 * The Kuzzle client without its controllers: the connection, `query()`, the session, `state$`, `events$` and
 * `latency$`. `Kuzzle` is this client with every controller on it; size-minded apps build this one and the
 * controllers they use (`new DocumentController(client)`), so that a bundler leaves the others out.
 *
 * @example A lean client
 * ```ts
 * const client = new KuzzleClient(new WebSocketProtocol('localhost'));
 * const document = new DocumentController(client);
 * client.connect().pipe(switchMap(() => document.get('shop', 'orders', 'o1'))).subscribe(console.log);
 * ```
 */
export class KuzzleClient {
  readonly options: ResolvedKuzzleOptions;
  /** Identifies this client in its requests' `volatile.sdkInstanceId` (used by `subscribeToSelf: false`). */
  readonly instanceId: string;

  private readonly events = new Subject<KuzzleEvent>();
  private readonly lifecycle: ConnectionLifecycle;
  private readonly session: AuthSession;
  private readonly queue: OfflineQueue;
  private readonly channel: RequestChannel;
  /** @internal The realtime subscriptions, for `RealtimeController`. */
  readonly rooms: RoomRegistry;
  private readonly http: HttpTransport;

  /** The connection state, current value replayed. Never 'offline' during a reconnection or a cookie renewal. */
  readonly state$: Observable<ConnectionState>;
  /** Lifecycle, request and subscription events: a union on `type` (see `KuzzleEvent`). */
  readonly events$: Observable<KuzzleEvent> = this.events.asObservable();
  /** Round trip of each keep-alive ping, in ms. */
  readonly latency$: Observable<number>;

  constructor(
    readonly protocol: WebSocketProtocol,
    options?: KuzzleOptions,
  ) {
    this.options = resolveKuzzleOptions(options);
    this.instanceId = this.options.requestIdGenerator();
    const emit = (event: KuzzleEvent) => this.events.next(event);
    this.rooms = new RoomRegistry({
      request: (request, requestOptions, bypassQueue) => this.execute(request, requestOptions, bypassQueue),
      emit,
      instanceId: this.instanceId,
      isConnected: () => this.lifecycle.state.value === 'connected',
    });
    this.session = new AuthSession({
      cookieAuth: this.options.cookieAuth,
      authenticator: this.options.authenticator,
      emit,
      rooms: this.rooms,
      sendNow: (request) => this.execute(request, {}, true),
    });
    this.lifecycle = new ConnectionLifecycle(protocol, emit, {
      restore$: () =>
        concat(
          this.session.verify$(),
          defer(() => this.rooms.restore$()),
        ),
      onMessage: (text) => this.onMessage(text),
      onLinkLost: () => this.rooms.suspend(),
      onOffline: (cause) => this.rooms.failAll((room) => new SubscriptionLostError(room.roomId, cause)),
    });
    const { state } = this.lifecycle;
    this.state$ = state.asObservable();
    this.latency$ = this.lifecycle.latency.asObservable();
    this.queue = new OfflineQueue(state, () => state.value, emit, {
      maxSize: this.options.queueMaxSize,
      maxAge: this.options.queueMaxAge,
      scheduler: protocol.options.scheduler,
    });
    this.channel = new RequestChannel({
      send: (text) => protocol.send(text),
      serialize: (request) => JSON.stringify(this.session.attachToken(request)),
      linkLost$: this.lifecycle.linkLost,
      whenReady: (request, queuable) => this.queue.whenReady(request, queuable),
    });
    this.http = new HttpTransport(protocol.httpUrl, () => this.fetchFunction(), this.session.cookies);
    protocol.setHandshakeHeaders(() => this.session.handshakeHeaders());
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

  /** The session's token in token mode; always null in cookie mode (the cookie is never exposed). */
  get jwt(): string | null {
    return this.options.cookieAuth ? null : this.session.tokens.jwt;
  }

  /** Uses a token obtained elsewhere (token mode; ignored in cookie mode, where the cookie carries the session). */
  set jwt(token: string | null) {
    if (!this.options.cookieAuth) this.session.tokens.set(token);
  }

  /**
   * Opens the connection: emits once it is open (and restored), then completes. Several calls share one socket. A failed
   * attempt goes through the reconnection policy; it errors only when the policy gives up. Unsubscribing does not
   * close the connection: `disconnect()` does.
   */
  connect(): Observable<void> {
    return this.lifecycle.connect();
  }

  /** Closes the connection for good (code 1000) and stops any reconnection. Pending requests end with typed errors. */
  disconnect(): void {
    this.protocol.close();
  }

  /**
   * Sends any request and emits the whole response, then completes; an error response errors with `KuzzleError`.
   * Cold: nothing is sent before subscription, and unsubscribing before the response forgets it. Options other than
   * the client's own (`timeout`, `volatile`, `queuable`, `resendAfterReconnect`) go into the request as API arguments.
   */
  query<R = unknown>(request: KuzzleRequest, options?: CallOptions): Observable<KuzzleResponse<R>> {
    return this.execute(request, options ?? {}, false) as Observable<KuzzleResponse<R>>;
  }

  private execute(request: KuzzleRequest, options: CallOptions | RequestOptions, bypassQueue: boolean): Observable<KuzzleResponse> {
    return defer(() => {
      const { client, args } = splitRequestOptions(options);
      const frame = requestFrame({ ...request, ...args }, client, {
        volatile: this.options.volatile,
        instanceId: this.instanceId,
        nextId: this.options.requestIdGenerator,
      });
      const routed$ = of(frame).pipe(
        split(
          (f: SendableRequest) => isHttpOnlyAction(f) || (this.options.cookieAuth && isCookieAction(f)),
          (f) => (isHttpOnlyAction(f) ? this.http.request(this.session.attachToken(f) as SendableRequest) : this.renewOverHttp(f)),
          (f) => this.channel.exchange(f, client, bypassQueue),
        ),
        mergeMap((response) => this.settle(frame, response)),
      );
      const limit = client.timeout ?? this.options.requestTimeout;
      if (limit <= 0) return routed$;
      return routed$.pipe(
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
      this.events.next({ type: 'queryError', error, request });
      this.session.onError(request, error);
      return throwError(() => error);
    }
    this.session.onSuccess(request, response);
    return of(response);
  }

  /**
   * Cookie mode: close the socket, make the HTTP call, reopen so the handshake carries the new cookie. The socket is
   * reopened whatever the call's outcome, and the call emits once the new socket is ready (subscriptions restored), so
   * what follows it runs in the new session.
   */
  private renewOverHttp(request: SendableRequest): Observable<KuzzleResponse> {
    return defer(() => {
      const running = this.lifecycle.state.value !== 'offline';
      const call$ = this.protocol.hold(this.http.request(request));
      if (!running) return call$;
      const ready$ = this.lifecycle.state.pipe(first((state) => state === 'connected' || state === 'offline'));
      return call$.pipe(concatMap((response) => ready$.pipe(map(() => response))));
    });
  }

  /** The fetch of the `fetch` option, else the global one, read at each call. */
  private fetchFunction(): FetchLike {
    const fetch = this.options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined);
    if (typeof fetch !== 'function')
      throw new InvalidOptionError('Kuzzle.fetch', 'cookieAuth needs fetch and this runtime has none: pass one');
    return fetch;
  }

  private onMessage(text: string): void {
    const parsed = parseServerFrame(text);
    if (!parsed.ok) {
      this.events.next({ type: 'discarded', reason: parsed.reason, frame: text });
      return;
    }
    const { frame } = parsed;
    if (frame.kind === 'server-notification') this.session.onTokenExpiredNotification();
    else if (frame.kind === 'response' && !this.channel.deliver(frame.response))
      this.events.next({ type: 'discarded', reason: 'unknown-request', frame: text });
    else if (frame.kind === 'notification' && !this.rooms.dispatch(frame.notification))
      this.events.next({ type: 'discarded', reason: 'unknown-room', frame: text });
  }
}
