import {
  BehaviorSubject,
  catchError,
  defer,
  exhaustMap,
  filter,
  finalize,
  map,
  type Observable,
  of,
  share,
  Subject,
  switchMap,
} from 'rxjs';
import type { LinkEvent } from '../vocabulary/link-events';
import { browserNetworkStatus } from './network-status';
import { resolveProtocolOptions, type ResolvedProtocolOptions, type WebSocketProtocolOptions } from './options';
import { decideReconnect } from './reconnect-policy';
import { linkRun, type ReconnectionPolicy } from './reconnection';
import { socketSession, type IntentionalClose } from './socket-session';
import { resolveWebSocketCtor } from './web-socket-ctor';

/**
 * The WebSocket transport: one socket at a time, kept alive with `{"p":1}` pings, re-opened after every unexpected
 * loss by the reconnection policy (exponential backoff with full jitter by default). `link$` is the link: each
 * `open()` starts a run of socket sessions (see `linkRun`), shared by its listeners, that ends with `closed` or
 * `failed`. It knows nothing of requests or authentication.
 */
export class WebSocketProtocol {
  readonly host: string;
  readonly options: ResolvedProtocolOptions;

  // The ports of the link: calls of the API, turned into streams here and nowhere else.
  private readonly opens = new Subject<void>();
  private readonly closeRequests = new Subject<IntentionalClose>();
  private readonly outbound = new Subject<string>();
  /** Holds in progress (see `hold()`): no socket opens while there is one. */
  private readonly holds = new BehaviorSubject(0);
  private readonly handshakeHeaders = new BehaviorSubject<() => Record<string, string>>(() => ({}));

  /**
   * Every event of the link, hot while listened to: `open()` starts a run, ignored while one is going on
   * (`exhaustMap`).
   */
  readonly link$: Observable<LinkEvent>;

  constructor(host: string, options?: WebSocketProtocolOptions) {
    const resolved = resolveProtocolOptions(host, options);
    this.host = resolved.host;
    this.options = resolved.options;
    this.link$ = this.opens.pipe(
      exhaustMap(() => this.run()),
      share(),
    );
  }

  /** `ws://host:port/` or `wss://...`. */
  get url(): string {
    return `${this.options.ssl ? 'wss' : 'ws'}://${this.authority}${this.options.path}`;
  }

  /** The same server over HTTP (used by cookie authentication). */
  get httpUrl(): string {
    return `${this.options.ssl ? 'https' : 'http'}://${this.authority}`;
  }

  private get authority(): string {
    const host = this.host.includes(':') && !this.host.startsWith('[') ? `[${this.host}]` : this.host;
    return `${host}:${this.options.port}`;
  }

  /**
   * True while a socket is open: its session is the one writing the outbound frames.
   * @internal
   */
  get isOpen(): boolean {
    return this.outbound.observed;
  }

  /**
   * Sends a text frame on the open socket; false when no socket is open (the frame is not kept: the loss that
   * follows tells its sender).
   * @internal
   */
  send(text: string): boolean {
    if (!this.isOpen) return false;
    this.outbound.next(text);
    return true;
  }

  /**
   * Headers added to each handshake, read at every attempt (the cookie of a Node cookie jar goes there).
   * @internal
   */
  setHandshakeHeaders(provider: () => Record<string, string>): void {
    this.handshakeHeaders.next(provider);
  }

  /** Starts a run of the link (ignored while one is going on): opens a socket and keeps one open until `close()`. */
  open(): void {
    this.opens.next();
  }

  /** Closes the socket for good (code 1000) and stops any reconnection in progress. */
  close(): void {
    this.closeRequests.next('user');
  }

  /**
   * Runs `work$` with the link held: the open socket closes (code 1000, reason `reopen`) and no new one opens until
   * every hold has ended; then one opens at once, without counting as a failed attempt. Overlapping holds reopen once.
   * Cookie authentication holds the link around its HTTP calls, so that the next handshake carries the new cookie.
   * @internal
   */
  hold<T>(work$: Observable<T>): Observable<T> {
    return defer(() => {
      this.holds.next(this.holds.value + 1);
      this.closeRequests.next('reopen');
      return work$.pipe(finalize(() => this.holds.next(this.holds.value - 1)));
    });
  }

  /** One run: the reconnection loop over socket sessions, with this protocol's ports. */
  private run(): Observable<LinkEvent> {
    const { options } = this;
    const policy: ReconnectionPolicy = options.reconnectionPolicy ?? ((loss, attempt) => decideReconnect(loss, attempt - 1, options));
    // One listener for the run, shared by its sockets and its waits.
    const network$ = (options.networkStatus$ ?? browserNetworkStatus()).pipe(share());
    return resolveWebSocketCtor(options.WebSocketCtor).pipe(
      switchMap((WebSocketCtor) =>
        linkRun({
          session: (resumed) =>
            socketSession({
              url: this.url,
              WebSocketCtor,
              headers: { ...options.headers, ...this.handshakeHeaders.value() },
              keepAlive: options,
              connectTimeout: options.connectTimeout,
              maxPayload: options.maxPayload,
              rateLimit: options.rateLimit,
              resumed,
              outbound$: this.outbound,
              closeRequests$: this.closeRequests,
              offline$: network$.pipe(filter((up) => !up)),
            }),
          policy,
          scheduler: options.scheduler,
          mayOpen$: this.holds.pipe(map((count) => count === 0)),
          userClose$: this.closeRequests.pipe(filter((origin) => origin === 'user')),
          online$: network$.pipe(filter(Boolean)),
        }),
      ),
      // No WebSocket constructor in this runtime: the run fails at once.
      catchError((error: unknown) => of<LinkEvent>({ type: 'failed', error: error instanceof Error ? error : new Error(String(error)) })),
    );
  }
}
