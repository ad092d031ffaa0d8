import { connect, createServer, type Server, type Socket } from 'node:net';
import {
  defer,
  finalize,
  fromEvent,
  ignoreElements,
  mergeMap,
  Subject,
  tap,
  withLatestFrom,
  type Observable,
  type Subscription,
} from 'rxjs';
import { AllConnections } from './all-connections';
import { newTally, snapshot, type FaultProxyCounters } from './counters';
import type { FaultProxyEvent } from './events';
import { checkRefusal } from './fault-arguments';
import { resolveFaultProxyOptions, type FaultProxyOptions, type ResolvedFaultProxyOptions } from './options';
import { ProxiedConnection } from './proxied-connection';
import { refusalState, type RefusalCommand, type RefusalMode } from './refusal';
import { closeOf, ignoreErrors } from './sockets';

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * A loopback proxy between clients and a Kuzzle server (WebSocket and HTTP on one port) that reads the WebSocket
 * frames both ways and puts each connection through the faults a client must survive. Node only.
 *
 * ```ts
 * const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: 7512 } });
 * const kuzzle = new Kuzzle(new WebSocketProtocol('127.0.0.1', { port: proxy.port }));
 * proxy.all().swallow('toClient', isKuzzlePong); // the client's keep-alive gives up, it reconnects
 * await proxy.close();
 * ```
 */
export class FaultProxy {
  private readonly live = new Map<number, ProxiedConnection>();
  private readonly tally = newTally();
  private readonly refusals = new Subject<RefusalCommand>();
  private readonly lifecycle = new Subject<FaultProxyEvent>();
  private readonly everyone = new AllConnections(() => this.connections);
  private readonly running: Subscription;
  private refusingNow = false;
  private refusalMode: RefusalMode;
  private lastId = 0;

  /** Connections opening, upgrading and closing, and connections refused. Completes on `close()`. */
  readonly events$: Observable<FaultProxyEvent> = this.lifecycle.asObservable();

  private constructor(
    private readonly server: Server,
    private readonly options: ResolvedFaultProxyOptions,
    /** The port the proxy listens on. */
    readonly port: number,
  ) {
    this.refusalMode = options.refusal;
    const refusing$ = refusalState(this.refusals, options.scheduler).pipe(tap((refusing) => (this.refusingNow = refusing)));
    this.running = fromEvent(server, 'connection')
      .pipe(
        withLatestFrom(refusing$),
        mergeMap(([socket, refusing]) => (refusing ? this.turnAway(socket as Socket) : this.adopt(socket as Socket))),
      )
      .subscribe();
  }

  /** Starts a proxy; see {@link FaultProxyOptions}. Throws an `InvalidOptionError` for bad options. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const resolved = resolveFaultProxyOptions(options);
    const server = createServer();
    const port = await listen(server, resolved.port, resolved.host);
    return new FaultProxy(server, resolved, port);
  }

  /** `ws://host:port`: where clients connect instead of the server. */
  get url(): string {
    return `ws://${this.options.host}:${this.port}`;
  }

  /** `http://host:port`, the same port as {@link url}: HTTP requests are forwarded too. */
  get httpUrl(): string {
    return `http://${this.options.host}:${this.port}`;
  }

  /** The live connections, oldest first (a frozen one stays until both its sockets have closed). */
  get connections(): readonly ProxiedConnection[] {
    return [...this.live.values()];
  }

  /** A snapshot of what the proxy has done so far. */
  get counters(): FaultProxyCounters {
    return snapshot(this.tally);
  }

  /** New connections are being turned away. */
  get refusing(): boolean {
    return this.refusingNow;
  }

  /** Every connection: live ones now, and (for lasting faults) those accepted afterwards. See {@link AllConnections}. */
  all(): AllConnections {
    return this.everyone;
  }

  /**
   * Turns new connections away, for `ms` milliseconds or until {@link accept}; live connections are left alone (cut
   * them with `all().cut()` for a link that goes down). `how` overrides the `refusal` option for this time.
   */
  refuse(ms?: number, how?: RefusalMode): void {
    const checked = checkRefusal(ms, how);
    this.refusalMode = checked.how ?? this.options.refusal;
    this.refusals.next({ refuse: true, ms: checked.ms });
  }

  /** Accepts new connections again. */
  accept(): void {
    this.refusals.next({ refuse: false });
  }

  /** Stops listening and destroys every connection. */
  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.running.unsubscribe();
    this.refusals.complete();
    this.lifecycle.complete();
    return closed;
  }

  private adopt(client: Socket): Observable<never> {
    return defer(() => {
      const connection = new ProxiedConnection(
        ++this.lastId,
        client,
        connect(this.options.target.port, this.options.target.host),
        this.everyone.defaults,
        {
          scheduler: this.options.scheduler,
          tally: this.tally,
          upgraded: (upgraded) => {
            this.tally.upgraded++;
            this.lifecycle.next({ type: 'upgraded', connection: upgraded });
          },
        },
      );
      this.live.set(connection.id, connection);
      this.tally.accepted++;
      this.lifecycle.next({ type: 'opened', connection });
      return connection.life().pipe(
        finalize(() => {
          this.live.delete(connection.id);
          this.lifecycle.next({ type: 'closed', connectionId: connection.id });
        }),
      );
    });
  }

  private turnAway(socket: Socket): Observable<never> {
    return defer(() => {
      this.tally.refused++;
      this.lifecycle.next({ type: 'refused', refused: this.tally.refused });
      ignoreErrors(socket);
      if (this.refusalMode === 'reset') socket.resetAndDestroy();
      else socket.end();
      return closeOf(socket).pipe(
        ignoreElements(),
        finalize(() => socket.destroy()),
      );
    });
  }
}

/** Starts a {@link FaultProxy} in front of `options.target`. */
export const startFaultProxy = (options: FaultProxyOptions): Promise<FaultProxy> => FaultProxy.start(options);
