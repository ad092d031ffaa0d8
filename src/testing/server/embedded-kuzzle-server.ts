import { createServer, type Server } from 'node:http';
import type { Observable, Subscription } from 'rxjs';
import type { ConnectionEvent, FrameEvent } from './events';
import { Faults } from './faults';
import { handleHttp } from './http-handler';
import { watchIdleSockets } from './idle-timeout';
import { Kernel } from './kernel';
import { listen, stopListening } from './listener';
import { resolveServerOptions, type EmbeddedServerOptions, type ResolvedServerOptions } from './options';
import { SocketPool } from './socket-pool';

/**
 * An in-process server speaking the Kuzzle 2.x protocol (WebSocket and HTTP on one port), with
 * switches to inject the faults a client must survive. Node only.
 *
 * ```ts
 * const server = await EmbeddedKuzzleServer.start({ users: [{ username: 'alice', password: 'secret' }] });
 * // ... connect a client to server.url ...
 * server.dropAll();
 * await server.stop();
 * ```
 */
export class EmbeddedKuzzleServer {
  private readonly kernel: Kernel;
  private readonly faults = new Faults();
  private readonly sockets: SocketPool;
  private readonly http: Server;
  private readonly idleWatch: Subscription;
  private boundPort = 0;

  /** Every text frame received or sent, on every socket. */
  readonly frames$: Observable<FrameEvent>;
  /** Sockets opening and closing, with their upgrade headers. */
  readonly connections$: Observable<ConnectionEvent>;

  private constructor(private readonly options: ResolvedServerOptions) {
    this.kernel = new Kernel(options);
    this.sockets = new SocketPool(this.kernel, this.faults);
    this.frames$ = this.sockets.frames.asObservable();
    this.connections$ = this.sockets.connectionEvents.asObservable();
    this.http = createServer((incoming, outgoing) => handleHttp(this.kernel, this.faults, incoming, outgoing));
    this.http.on('upgrade', (incoming, socket, head: Buffer) => this.sockets.upgrade(incoming, socket, head));
    this.idleWatch = watchIdleSockets(() => this.sockets.all(), options.idleTimeout, this.faults);
  }

  /** Starts a server; see {@link EmbeddedServerOptions} for the defaults. */
  static async start(options?: EmbeddedServerOptions): Promise<EmbeddedKuzzleServer> {
    const server = new EmbeddedKuzzleServer(resolveServerOptions(options));
    try {
      server.boundPort = await listen(server.http, server.options.port, server.options.host);
    } catch (error) {
      server.release();
      throw error;
    }
    return server;
  }

  /** `ws://host:port` */
  get url(): string {
    return `ws://${this.options.host}:${this.boundPort}`;
  }

  /** `http://host:port`, the same port as {@link url}. */
  get httpUrl(): string {
    return `http://${this.options.host}:${this.boundPort}`;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Sockets open right now. */
  get connectionCount(): number {
    return this.sockets.open().length;
  }

  /** false: `{"p":1}` gets no `{"p":2}` (RFC pings are still answered). */
  answerPings(on: boolean): void {
    this.faults.answerPings = on;
  }

  /** true: incoming frames are ignored (no processing, no pong of any kind) and nothing is sent; TCP stays open. */
  freeze(on: boolean): void {
    this.faults.frozen = on;
  }

  /** Sends a close frame with `code` (one `ws` accepts: 1000-1003, 1007-1014, 3000-4999) to every socket. */
  closeAll(code: number, reason?: string): void {
    for (const session of this.sockets.open()) {
      session.close(code, reason);
    }
  }

  /** Destroys every TCP connection without a close frame: clients see 1006. */
  dropAll(): void {
    for (const session of this.sockets.open()) {
      session.terminate();
    }
  }

  /** Delays every response by `ms` (pongs and notifications are not delayed); 0 turns it off. */
  delayResponses(ms: number): void {
    this.faults.responseDelayMs = Math.max(0, ms);
  }

  /** Sends a raw text frame to every open socket (nothing while frozen). */
  sendRaw(text: string): void {
    for (const session of this.sockets.open()) {
      session.send(text);
    }
  }

  /**
   * Frames each socket may send per second, pings included, like the real server's
   * `server.protocols.websocket.rateLimit`: it counts per second of its own clock, and answers a frame over the limit
   * with a `network.websocket.ratelimit_exceeded` (429) error frame of its own request id and no `room` (a ping gets
   * that instead of its pong), without processing it. 0 turns it off (the default, as on the real server).
   */
  limitRate(framesPerSecond: number): void {
    this.faults.rateLimit = Math.max(0, framesPerSecond);
  }

  /** true: new WebSocket upgrades are answered 503; open sockets are kept. */
  refuseConnections(on: boolean): void {
    this.faults.refusingConnections = on;
  }

  /**
   * Ends a token now, as if its ttl ran out: every socket that used it gets the `TokenExpired` server
   * notification and loses its subscriptions, and the token is refused from then on.
   */
  expireToken(jwt: string): void {
    this.kernel.tokens.expire(jwt);
  }

  /**
   * Simulates a crash and a restart on the same port: every socket dies (1006), subscriptions are
   * gone; users, tokens and documents are kept.
   */
  async restart(): Promise<void> {
    const dying = this.sockets.terminateAll();
    await stopListening(this.http);
    await dying;
    this.kernel.resetSessions();
    await listen(this.http, this.boundPort, this.options.host);
  }

  async stop(): Promise<void> {
    const dying = this.sockets.terminateAll();
    await stopListening(this.http);
    await dying;
    this.release();
  }

  /** Timers and streams: what would keep the process alive or subscribers waiting. */
  private release(): void {
    this.idleWatch.unsubscribe();
    this.sockets.dispose();
    this.kernel.dispose();
  }
}
