import type { KuzzleErrorPayload } from 'kuzzle-rx';
import { errorFrame, resultFrame, type SentFrame } from './response-frames';
import { FakeCloseEvent, FakeErrorEvent, FakeMessageEvent } from './socket-events';

/** The `error` object of a Kuzzle error response. */
export type KuzzleErrorFrame = KuzzleErrorPayload;

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** What each class of fake sockets records: its sockets and its two hooks. */
interface SocketRegistry {
  readonly instances: FakeWebSocket[];
  readonly onConstruct: ((socket: FakeWebSocket) => void) | undefined;
  readonly onSend: ((socket: FakeWebSocket, text: string) => void) | undefined;
}

/**
 * An in-memory WebSocket, usable as the `WebSocketCtor` of a `WebSocketProtocol`: nothing goes over a network. The
 * test plays the server with `open()`, `receive()`, `respond()`, `serverClose()` and `fail()`, and reads what the
 * client did in `sent`, `requests`, `closedWith` and `terminated`. Events fire synchronously, through the `on*`
 * properties (which rxjs's `webSocket()` sets) and through `dispatchEvent`, so a test drives them directly or from a
 * scheduler.
 *
 * Every socket is recorded in its class's `instances`. `FakeWebSocket` itself is one shared registry (call
 * `FakeWebSocket.reset()` before each test); `FakeWebSocket.isolated()` gives a class with a registry of its own, for
 * tests that run side by side. `KuzzleTestingBackend` builds on it and plays a whole server.
 *
 * @example A request and its answer
 * ```ts
 * const Socket = FakeWebSocket.isolated();
 * const kuzzle = new Kuzzle(new WebSocketProtocol('localhost', { WebSocketCtor: Socket, pingInterval: 0 }));
 * kuzzle.connect().subscribe();
 * Socket.last.open();
 * kuzzle.server.now().subscribe((now) => console.log(now)); // 42
 * Socket.last.respond(Socket.last.lastRequest, { now: 42 });
 * ```
 */
export class FakeWebSocket extends EventTarget implements WebSocket {
  /** Every socket of this class constructed since the last `reset()`, oldest first. */
  static readonly instances: FakeWebSocket[] = [];

  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;

  /** Called with each new socket once constructed (e.g. to schedule what the server does with it). */
  static onConstruct: ((socket: FakeWebSocket) => void) | undefined;

  /** Called with each text frame a socket sends, after it is recorded (e.g. to answer it, or to record when). */
  static onSend: ((socket: FakeWebSocket, text: string) => void) | undefined;

  /** Forgets every recorded socket of this class and its `onConstruct` and `onSend` hooks (call it before each test). */
  static reset(): void {
    this.instances.length = 0;
    this.onConstruct = undefined;
    this.onSend = undefined;
  }

  /** The most recent socket of this class; throws when none was constructed. */
  static get last(): FakeWebSocket {
    const socket = this.instances[this.instances.length - 1];
    if (!socket) throw new Error('No FakeWebSocket was constructed');
    return socket;
  }

  /** The n-th socket of this class (0-based); throws when it was not constructed. */
  static nth(index: number): FakeWebSocket {
    const socket = this.instances[index];
    if (!socket) throw new Error(`FakeWebSocket #${index} was not constructed (${this.instances.length} were)`);
    return socket;
  }

  /**
   * A class of fake sockets with its own `instances`, `onConstruct` and `onSend`: what it records and calls is
   * nobody else's, and `FakeWebSocket.reset()` does not touch it.
   */
  static isolated(): typeof FakeWebSocket {
    return class IsolatedFakeWebSocket extends FakeWebSocket {
      static override readonly instances: FakeWebSocket[] = [];
      static override onConstruct: ((socket: FakeWebSocket) => void) | undefined = undefined;
      static override onSend: ((socket: FakeWebSocket, text: string) => void) | undefined = undefined;
    };
  }

  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSING = CLOSING;
  readonly CLOSED = CLOSED;

  readonly url: string;
  readonly protocol: string;
  readonly extensions = '';
  readonly bufferedAmount = 0;
  binaryType: BinaryType = 'blob';
  readyState: number = CONNECTING;

  onopen: WebSocket['onopen'] = null;
  onmessage: WebSocket['onmessage'] = null;
  onclose: WebSocket['onclose'] = null;
  onerror: WebSocket['onerror'] = null;

  /** The handshake headers (third constructor argument, as with the `ws` package). */
  readonly headers: Record<string, string> | undefined;
  /** How many other sockets of its class were still connecting or open when this one was constructed. */
  readonly liveSocketsAtCreation: number;
  /** Every text the client sent while the socket was open, in order. */
  readonly sent: string[] = [];
  /** The client's `close(code, reason)` call, if any. */
  closedWith: { readonly code: number | undefined; readonly reason: string | undefined } | undefined;
  /** Whether the client called `terminate()`. */
  terminated = false;

  private readonly registry: SocketRegistry;

  constructor(url: string | URL, protocols?: string | string[], options?: { headers?: Record<string, string> }) {
    super();
    // The class that was called (a subclass, such as the handshake wrapper of the protocol, reads through to ours).
    this.registry = new.target as unknown as SocketRegistry;
    this.url = String(url);
    this.protocol = typeof protocols === 'string' ? protocols : '';
    this.headers = options?.headers;
    this.liveSocketsAtCreation = this.registry.instances.filter((s) => s.readyState === CONNECTING || s.readyState === OPEN).length;
    this.registry.instances.push(this);
    this.registry.onConstruct?.(this);
  }

  /** The texts sent, parsed as JSON (pings included). */
  get sentFrames(): Record<string, unknown>[] {
    return this.sent.map((text) => JSON.parse(text) as Record<string, unknown>);
  }

  /** The sent requests (pings left out), parsed. */
  get requests(): Record<string, unknown>[] {
    return this.sentFrames.filter((frame) => typeof frame['controller'] === 'string');
  }

  /** The most recent request sent; throws when none was. */
  get lastRequest(): Record<string, unknown> {
    const request = this.requests[this.requests.length - 1];
    if (!request) throw new Error(`Socket ${this.url} sent no request`);
    return request;
  }

  /** How many `{"p":1}` pings were sent. */
  get pings(): number {
    return this.sent.filter((text) => text === '{"p":1}').length;
  }

  // ---- what the client calls ----

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (this.readyState === CONNECTING) throw new Error('InvalidStateError: send() while CONNECTING');
    // Like browsers: data sent on a closing or closed socket is silently discarded.
    if (this.readyState !== OPEN) return;
    if (typeof data !== 'string') throw new Error('FakeWebSocket only records text frames');
    this.sent.push(data);
    this.registry.onSend?.(this, data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    this.closedWith = { code, reason };
    this.readyState = CLOSED;
    this.fire(new FakeCloseEvent(code ?? 1005, reason ?? '', true));
  }

  /** `ws` only: drops the connection without a closing handshake. */
  terminate(): void {
    if (this.readyState === CLOSED) return;
    this.terminated = true;
    this.readyState = CLOSED;
    this.fire(new FakeCloseEvent(1006, '', false));
  }

  // ---- what the server (the test) does ----

  /** The handshake succeeded. */
  open(): void {
    this.assertState(CONNECTING, 'open()');
    this.readyState = OPEN;
    this.fire(new Event('open'));
  }

  /** The server sends a text frame. */
  receive(text: string): void {
    this.assertState(OPEN, 'receive()');
    this.fire(new FakeMessageEvent(text));
  }

  /** The server sends a binary frame. */
  receiveBinary(data: ArrayBuffer = new ArrayBuffer(4)): void {
    this.assertState(OPEN, 'receiveBinary()');
    this.fire(new FakeMessageEvent(data));
  }

  /** The server sends a JSON frame. */
  receiveJson(value: unknown): void {
    this.receive(JSON.stringify(value));
  }

  /** The server answers a request (one of `requests`) with a result, the way Kuzzle does: `room` = `requestId`. */
  respond(request: SentFrame, result: unknown, status = 200): void {
    this.receiveJson(resultFrame(request, result, status));
  }

  /** The server answers a request with an error. */
  respondError(request: SentFrame, error: KuzzleErrorFrame): void {
    this.receiveJson(errorFrame(request, error));
  }

  /** The server closes the connection with a close frame (or, with `wasClean: false`, the TCP connection drops). */
  serverClose(code = 1000, reason = '', wasClean = true): void {
    if (this.readyState === CLOSED) throw new Error('serverClose() on a closed socket');
    this.readyState = CLOSED;
    this.fire(new FakeCloseEvent(code, reason, wasClean));
  }

  /** The connection fails (refused, reset, ...): `onerror`, then `onclose` with 1006. */
  fail(error: Error = new Error('connect ECONNREFUSED')): void {
    if (this.readyState === CLOSED) throw new Error('fail() on a closed socket');
    this.readyState = CLOSED;
    this.fire(new FakeErrorEvent(error));
    this.fire(new FakeCloseEvent(1006, '', false));
  }

  private fire(event: Event): void {
    switch (event.type) {
      case 'open':
        this.onopen?.call(this, event);
        break;
      case 'message':
        this.onmessage?.call(this, event as MessageEvent);
        break;
      case 'close':
        this.onclose?.call(this, event as CloseEvent);
        break;
      case 'error':
        this.onerror?.call(this, event);
        break;
    }
    this.dispatchEvent(event);
  }

  private assertState(expected: number, what: string): void {
    if (this.readyState !== expected) throw new Error(`${what} on a socket in readyState ${this.readyState}`);
  }
}
