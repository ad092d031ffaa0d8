import {
  BehaviorSubject,
  concat,
  defer,
  EMPTY,
  filter,
  finalize,
  map,
  merge,
  mergeMap,
  type Observable,
  of,
  Subject,
  take,
  tap,
  throwError,
  timeout,
  catchError,
  concatMap,
  first,
  ignoreElements,
  type Subscription,
} from 'rxjs';
import { TokenStore, isTokenError } from '../auth/TokenStore';
import { AuthController } from '../controllers/AuthController';
import { DocumentController } from '../controllers/DocumentController';
import { ServerController } from '../controllers/ServerController';
import { InvalidRequestError, NotConnectedError, RequestTimeoutError, SubscriptionLostError, TokenExpiredError } from '../errors/ClientErrors';
import { KuzzleError } from '../errors/KuzzleError';
import { CookieJar } from '../http/cookieJar';
import { HttpTransport } from '../http/HttpTransport';
import type { LinkEvent, WebSocketProtocol } from '../protocol/WebSocketProtocol';
import { RealtimeController } from '../realtime/RealtimeController';
import { RoomRegistry } from '../realtime/RoomRegistry';
import type { ConnectionState, KuzzleEvent } from './events';
import { parseServerFrame } from './frames';
import { OfflineQueue } from './offlineQueue';
import { resolveKuzzleOptions, validateRequestOptions, type KuzzleOptions, type ResolvedKuzzleOptions } from './options';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from './request';
import { RequestChannel } from './RequestChannel';
import { isCookieAction, split } from './router';
import { SDK_NAME } from './version';

type SendableRequest = KuzzleRequest & { requestId: string };

/** Actions that must not carry the session's token (they are how a session starts or is checked). */
const WITHOUT_TOKEN: ReadonlySet<string> = new Set(['auth:login', 'auth:checkToken']);

/**
 * The Kuzzle client. Everything is an Observable: `connect()`, every request, realtime subscriptions, `state$`,
 * `events$` and `latency$`.
 */
export class Kuzzle {
  readonly options: ResolvedKuzzleOptions;
  /** Identifies this client in its requests' `volatile.sdkInstanceId` (used by `subscribeToSelf: false`). */
  readonly instanceId: string;

  readonly auth: AuthController;
  readonly server: ServerController;
  readonly document: DocumentController;
  readonly realtime: RealtimeController;

  private readonly state = new BehaviorSubject<ConnectionState>('offline');
  private readonly events = new Subject<KuzzleEvent>();
  private readonly latency = new Subject<number>();
  private readonly linkLost = new Subject<void>();
  private readonly connectFailures = new Subject<Error>();
  private readonly tokens = new TokenStore();
  private readonly cookies = new CookieJar();
  private readonly queue: OfflineQueue;
  private readonly channel: RequestChannel;
  private readonly rooms: RoomRegistry;
  private readonly http: HttpTransport;
  private everConnected = false;
  private restoring: Subscription | undefined;

  /** The connection state, current value replayed. Never 'offline' during a reconnection or a cookie renewal. */
  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  /** Lifecycle, request and subscription events: a union on `type` (see `KuzzleEvent`). */
  readonly events$: Observable<KuzzleEvent> = this.events.asObservable();
  /** Round trip of each keep-alive ping, in ms. */
  readonly latency$: Observable<number> = this.latency.asObservable();

  constructor(
    readonly protocol: WebSocketProtocol,
    options?: KuzzleOptions,
  ) {
    this.options = resolveKuzzleOptions(options);
    this.instanceId = this.options.requestIdGenerator();
    const emit = (event: KuzzleEvent) => this.events.next(event);
    this.queue = new OfflineQueue(this.state, () => this.state.value, emit, {
      maxSize: this.options.queueMaxSize,
      maxAge: this.options.queueMaxAge,
      scheduler: protocol.options.scheduler,
    });
    this.channel = new RequestChannel({
      send: (text) => protocol.send(text),
      serialize: (request) => JSON.stringify(this.withToken(request)),
      linkLost$: this.linkLost,
      whenReady: (request, queuable) => this.queue.whenReady(request, queuable),
    });
    this.rooms = new RoomRegistry({
      request: (request, requestOptions, bypassQueue) => this.execute(request, requestOptions, bypassQueue),
      emit,
      instanceId: this.instanceId,
      isConnected: () => this.state.value === 'connected',
    });
    this.http = new HttpTransport(protocol.httpUrl, () => this.fetchFunction(), this.cookies);
    protocol.setHandshakeHeaders((): Record<string, string> => {
      const cookie = this.options.cookieAuth ? this.cookies.cookieHeader : undefined;
      return cookie ? { cookie } : {};
    });
    this.auth = new AuthController(this, () => this.tokens.jwt);
    this.server = new ServerController(this);
    this.document = new DocumentController(this);
    this.realtime = new RealtimeController(this, this.rooms);
    protocol.link$.subscribe((event) => this.onLink(event));
  }

  /** The session's token in token mode; always null in cookie mode (the cookie is never exposed). */
  get jwt(): string | null {
    return this.tokens.jwt;
  }

  /** Uses a token obtained elsewhere (token mode). */
  set jwt(token: string | null) {
    this.tokens.set(token);
  }

  /**
   * Opens the connection: emits once it is open (and restored), then completes. Several calls share one socket. A failed
   * attempt goes through the reconnection policy; it errors only when the policy gives up. Unsubscribing does not
   * close the connection: `disconnect()` does.
   */
  connect(): Observable<void> {
    return defer(() => {
      if (this.state.value === 'connected') return of(undefined);
      if (this.state.value === 'offline') {
        this.everConnected = false;
        this.state.next('connecting');
        this.protocol.open();
      }
      const failure$ = this.connectFailures.pipe(mergeMap((error) => throwError(() => error)));
      const connected$ = this.state.pipe(filter((state) => state === 'connected'));
      return merge(connected$, failure$).pipe(
        take(1),
        map(() => undefined),
      );
    });
  }

  /** Closes the connection for good (code 1000) and stops any reconnection. Pending requests end with typed errors. */
  disconnect(): void {
    this.protocol.close();
  }

  /**
   * Sends any request and emits the whole response, then completes; an error response errors with `KuzzleError`.
   * Cold: nothing is sent before subscription, and unsubscribing before the response forgets it.
   */
  query<R = unknown>(request: KuzzleRequest, options?: RequestOptions): Observable<KuzzleResponse<R>> {
    return this.execute(request, options ?? {}, false) as Observable<KuzzleResponse<R>>;
  }

  private execute(request: KuzzleRequest, options: RequestOptions, bypassQueue: boolean): Observable<KuzzleResponse> {
    return defer(() => {
      const frame = this.frame(request, validateRequestOptions(options));
      const routed$ = of(frame).pipe(
        split(
          (f: SendableRequest) => this.options.cookieAuth && isCookieAction(f),
          (f) => this.renewOverHttp(f),
          (f) => this.channel.exchange(f, options, bypassQueue),
        ),
        mergeMap((response) => this.settle(frame, response)),
      );
      const limit = options.timeout ?? this.options.requestTimeout;
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

  private frame(request: KuzzleRequest, options: RequestOptions): SendableRequest {
    if (typeof request !== 'object' || request === null) throw new InvalidRequestError('the request must be an object', request);
    for (const field of ['controller', 'action'] as const) {
      if (typeof request[field] !== 'string' || request[field] === '') {
        throw new InvalidRequestError(`"${field}" must be a non-empty string`, request);
      }
    }
    const requestId = request.requestId ?? this.options.requestIdGenerator();
    const volatile = { ...this.options.volatile, ...request.volatile, ...options.volatile, sdkInstanceId: this.instanceId, sdkName: SDK_NAME };
    return { ...request, requestId, volatile };
  }

  private withToken(request: KuzzleRequest): KuzzleRequest {
    const jwt = this.tokens.jwt;
    if (jwt === null || this.options.cookieAuth || WITHOUT_TOKEN.has(`${request.controller}:${request.action}`)) return request;
    return { ...request, jwt };
  }

  /** Turns an error response into a `KuzzleError` and keeps the session in step with auth results. */
  private settle(request: SendableRequest, response: KuzzleResponse): Observable<KuzzleResponse> {
    if (response.error) {
      const error = new KuzzleError(response.error);
      this.events.next({ type: 'queryError', error, request });
      if (isTokenError(error.id) && !WITHOUT_TOKEN.has(`${request.controller}:${request.action}`)) this.tokenExpired();
      return throwError(() => error);
    }
    if (request.controller === 'auth' && !this.options.cookieAuth) {
      const result = response.result as { jwt?: unknown } | null;
      if ((request.action === 'login' || request.action === 'refreshToken') && typeof result?.jwt === 'string') {
        this.tokens.set(result.jwt);
      }
      if (request.action === 'logout') this.tokens.clear();
    }
    return of(response);
  }

  /**
   * Cookie mode: close the socket, make the HTTP call, reopen so the handshake carries the new cookie. The socket is
   * reopened whatever the call's outcome, and the call emits once the new socket is ready (subscriptions restored), so
   * what follows it runs in the new session.
   */
  private renewOverHttp(request: SendableRequest): Observable<KuzzleResponse> {
    return defer(() => {
      const running = this.protocol.isRunning;
      this.protocol.suspend();
      const call$ = this.http.request(request).pipe(finalize(() => this.protocol.resume()));
      if (!running) return call$;
      return call$.pipe(
        concatMap((response) =>
          this.state.pipe(
            first((state) => state === 'connected' || state === 'offline'),
            map(() => response),
          ),
        ),
      );
    });
  }

  private fetchFunction() {
    const fetch = this.options.fetch ?? (globalThis.fetch as unknown as ResolvedKuzzleOptions['fetch']);
    if (!fetch) throw new Error('No fetch implementation: pass the `fetch` option');
    return fetch;
  }

  private onLink(event: LinkEvent): void {
    switch (event.type) {
      case 'open':
        this.restoring?.unsubscribe();
        this.restoring = this.restore$().subscribe({ complete: () => this.ready() });
        break;
      case 'message':
        this.onMessage(event.text);
        break;
      case 'latency':
        this.latency.next(event.ms);
        break;
      case 'binary':
        this.events.next({ type: 'discarded', reason: 'binary' });
        break;
      case 'lost': {
        this.restoring?.unsubscribe();
        const { error } = event;
        if (error.wasOpen) {
          this.events.next({ type: 'disconnected', origin: error.origin, ...(error.code === undefined ? {} : { code: error.code }), ...(error.reason ? { reason: error.reason } : {}) });
        }
        if (error.origin === 'network' && error.cause instanceof Error) this.events.next({ type: 'networkError', error: error.cause });
        if (this.state.value === 'connected') this.state.next('reconnecting');
        this.linkLost.next();
        break;
      }
      case 'retrying':
        this.events.next({ type: 'reconnecting', attempt: event.attempt, delay: event.delay });
        break;
      case 'failed':
        this.goOffline(event.error);
        this.events.next({ type: 'reconnectionFailed', error: event.error });
        this.connectFailures.next(event.error);
        break;
      case 'closed': {
        const wasConnected = this.state.value !== 'offline';
        const reason = new NotConnectedError(undefined, 'disconnect() was called');
        this.goOffline(reason);
        if (wasConnected) this.events.next({ type: 'disconnected', origin: 'user', code: 1000 });
        this.connectFailures.next(reason);
        break;
      }
    }
  }

  /** The link is down for good: pending requests end, and so do subscriptions (none stays silently dead). */
  private goOffline(cause: Error): void {
    this.restoring?.unsubscribe();
    this.state.next('offline');
    this.linkLost.next();
    this.rooms.failAll((room) => new SubscriptionLostError(room.roomId, cause));
  }

  /** On each new socket, before requests flow: check the token, restore the subscriptions. Never errors. */
  private restore$(): Observable<never> {
    if (!this.everConnected) return EMPTY;
    const jwt = this.tokens.jwt;
    const checkToken$ =
      jwt === null || this.options.cookieAuth
        ? EMPTY
        : this.execute({ controller: 'auth', action: 'checkToken', body: { token: jwt } }, {}, true).pipe(
            tap((response) => {
              if (!(response.result as { valid?: boolean }).valid && this.tokens.jwt === jwt) this.tokenExpired();
            }),
            ignoreElements(),
            catchError(() => EMPTY),
          );
    return concat(checkToken$, defer(() => this.rooms.restore$()));
  }

  private ready(): void {
    const first = !this.everConnected;
    this.everConnected = true;
    this.state.next('connected');
    this.events.next({ type: first ? 'connected' : 'reconnected' });
  }

  private onMessage(text: string): void {
    const parsed = parseServerFrame(text);
    if (!parsed.ok) {
      this.events.next({ type: 'discarded', reason: parsed.reason, frame: text });
      return;
    }
    const { frame } = parsed;
    switch (frame.kind) {
      case 'response':
        if (!this.channel.deliver(frame.response)) this.events.next({ type: 'discarded', reason: 'unknown-request', frame: text });
        break;
      case 'notification':
        if (!this.rooms.dispatch(frame.notification)) this.events.next({ type: 'discarded', reason: 'unknown-room', frame: text });
        break;
      case 'server-notification':
        this.onTokenExpiredNotification();
        break;
    }
  }

  /** The server dropped this connection's subscriptions with its token: log in again and restore them, or fail them. */
  private onTokenExpiredNotification(): void {
    this.tokenExpired();
    const { authenticator } = this.options;
    if (!authenticator) {
      this.rooms.failAll(() => new TokenExpiredError('Authentication token expired: the subscription was ended by the server'));
      return;
    }
    concat(
      authenticator().pipe(ignoreElements()),
      defer(() => {
        this.events.next({ type: 'reauthenticated' });
        return this.rooms.restore$();
      }),
    ).subscribe({
      error: (error: unknown) =>
        this.rooms.failAll(() => new TokenExpiredError(`Authentication token expired and re-authentication failed: ${error instanceof Error ? error.message : String(error)}`)),
    });
  }

  private tokenExpired(): void {
    const hadToken = this.tokens.clear();
    if (hadToken || this.options.cookieAuth) this.events.next({ type: 'tokenExpired' });
  }
}
