import {
  BehaviorSubject,
  EMPTY,
  filter,
  Observable,
  of,
  retry,
  Subject,
  switchMap,
  take,
  throwError,
  timer,
  type Subscription,
} from 'rxjs';
import { LinkLostError } from '../vocabulary/errors/connection-errors';
import type { LinkEvent } from '../vocabulary/link-events';
import { resolveProtocolOptions, type ResolvedProtocolOptions, type WebSocketProtocolOptions } from './options';
import { decideReconnect } from './reconnect-policy';
import { socketSession, type IntentionalClose, type SessionSignal } from './socket-session';
import { resolveWebSocketCtor } from './web-socket-ctor';

/**
 * The WebSocket transport: one socket at a time, kept alive with `{"p":1}` pings, re-opened after every unexpected
 * loss with exponential backoff and full jitter. A `Kuzzle` client drives it; it knows nothing of requests.
 */
export class WebSocketProtocol {
  readonly host: string;
  readonly options: ResolvedProtocolOptions;

  private readonly events = new Subject<LinkEvent>();
  private readonly closeRequests = new Subject<IntentionalClose>();
  /** HTTP authentication calls in progress: no socket opens while any is (see `suspend()`). */
  private readonly suspensions = new BehaviorSubject(0);
  private lifecycle: Subscription | undefined;
  private sendOnSocket: ((text: string) => boolean) | undefined;
  private handshakeHeaders: () => Record<string, string> = () => ({});
  /**
   * Failed attempts since the link last proved alive. A socket proves alive with its first pong or message (or as it
   * opens, without keep-alive), not by opening: a server that accepts and closes at once still backs off.
   */
  private failures = 0;

  /** Every event of the link, hot. */
  readonly link$: Observable<LinkEvent> = this.events.asObservable();

  constructor(host: string, options?: WebSocketProtocolOptions) {
    const resolved = resolveProtocolOptions(host, options);
    this.host = resolved.host;
    this.options = resolved.options;
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

  /** True while a socket is open. */
  get isOpen(): boolean {
    return this.sendOnSocket !== undefined;
  }

  /** True from `open()` until `close()` or until the reconnection policy gives up. */
  get isRunning(): boolean {
    return this.lifecycle !== undefined;
  }

  /** Sends a text frame on the open socket; false when no socket is open. */
  send(text: string): boolean {
    return this.sendOnSocket?.(text) ?? false;
  }

  /**
   * Headers added to each handshake, read at every attempt (the cookie of a Node cookie jar goes there).
   * @internal
   */
  setHandshakeHeaders(provider: () => Record<string, string>): void {
    this.handshakeHeaders = provider;
  }

  /** Starts the link (no-op when running): opens a socket and keeps one open until `close()`. */
  open(): void {
    if (this.lifecycle) return;
    this.failures = 0;
    const { options } = this;
    const attempt$ = this.suspensions.pipe(
      filter((count) => count === 0),
      take(1),
      switchMap(() => resolveWebSocketCtor(options.WebSocketCtor)),
      switchMap((WebSocketCtor) =>
        socketSession({
          url: this.url,
          WebSocketCtor,
          headers: { ...options.headers, ...this.handshakeHeaders() },
          keepAlive: options,
          connectTimeout: options.connectTimeout,
          closeRequests$: this.closeRequests,
        }),
      ),
    );
    this.lifecycle = attempt$.pipe(retry({ delay: (error: unknown) => this.nextAttempt(error) })).subscribe({
      next: (signal) => this.onSignal(signal),
      error: (error: unknown) => {
        this.lifecycle = undefined;
        this.sendOnSocket = undefined;
        this.events.next({ type: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      },
    });
  }

  /** Closes the socket for good (code 1000) and stops any reconnection in progress. */
  close(): void {
    const lifecycle = this.lifecycle;
    if (!lifecycle) return;
    const wasOpen = this.isOpen;
    this.lifecycle = undefined;
    this.sendOnSocket = undefined;
    // Unsubscribe before reopening the gate: an attempt held by suspend() would otherwise open a socket first.
    lifecycle.unsubscribe();
    this.suspensions.next(0);
    this.events.next({ type: 'closed', wasOpen });
  }

  /**
   * Closes the socket and holds every new attempt until `resume()`: the state stays "reconnecting", not offline.
   * Used around the HTTP calls of cookie authentication, so the next handshake carries the new cookie.
   */
  suspend(): void {
    this.suspensions.next(this.suspensions.value + 1);
    this.closeRequests.next('auth-renewal');
  }

  /** Ends one `suspend()`; the link opens again once every suspension has ended, with the last cookie. */
  resume(): void {
    this.suspensions.next(Math.max(0, this.suspensions.value - 1));
  }

  private onSignal(signal: SessionSignal): void {
    switch (signal.kind) {
      case 'open':
        if (this.options.pingInterval <= 0) this.failures = 0;
        this.sendOnSocket = signal.send;
        this.events.next({ type: 'open' });
        break;
      case 'message':
        this.failures = 0;
        this.events.next({ type: 'message', text: signal.text });
        break;
      case 'latency':
        this.failures = 0;
        this.events.next({ type: 'latency', ms: signal.ms });
        break;
      case 'binary':
        this.events.next({ type: 'binary' });
        break;
    }
  }

  /** The reconnection policy, as `retry`'s delay: a timer to wait, or an error to give up. */
  private nextAttempt(error: unknown): Observable<unknown> {
    this.sendOnSocket = undefined;
    if (!(error instanceof LinkLostError)) return throwError(() => error);
    this.events.next({ type: 'lost', error });
    const decision = decideReconnect(error, this.failures, this.options);
    switch (decision.kind) {
      case 'now':
        // The gate of open() holds the attempt until the HTTP call is done.
        return of(0);
      case 'stop':
        return EMPTY;
      case 'give-up':
        return throwError(() => decision.error);
      case 'wait':
        this.failures = decision.attempt;
        this.events.next({ type: 'retrying', attempt: decision.attempt, delay: decision.delay });
        return timer(decision.delay, this.options.scheduler);
    }
  }
}
