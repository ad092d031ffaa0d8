import type { DocumentNotification, UserNotification } from 'kuzzle-rx';
import type { SchedulerLike } from 'rxjs';
import { FakeWebSocket } from './fake-web-socket';
import { accepts, documentNotification, userNotification, type Delivery, type DocumentChange, type UserChange } from './notifications';
import { resolveBackendOptions, type KuzzleTestingBackendOptions, type ResolvedBackendOptions } from './options';
import type { RequestMatch } from './request-match';
import { RequestLog } from './request-log';
import type { SentFrame } from './response-frames';
import { describeTarget, SubscriptionTable, type LiveSubscription, type SubscriptionTarget } from './subscriptions';
import { TestRequest, type RequestHost } from './test-request';
import { advance, ownTestScheduler } from './virtual-time';

const PING = '{"p":1}';
const PONG = '{"p":2}';

function parseRequest(text: string): SentFrame | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && typeof (value as SentFrame)['controller'] === 'string'
      ? (value as SentFrame)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The roomId a `realtime:unsubscribe` names. */
const roomIdOf = (request: TestRequest): unknown => (request.request['body'] as { roomId?: unknown } | undefined)?.roomId;

/**
 * A Kuzzle server in memory, for tests, in the manner of Angular's `HttpTestingController`: the client's requests
 * wait until the test answers them (`expectOne(...).respond(result)`), the test checks that nothing else was sent
 * (`expectNone`, `verify`), pushes notifications to live subscriptions, and drops and restores the link. It accepts
 * connections, answers pings and (unless told otherwise) acknowledges subscriptions by itself. Everything runs on its
 * scheduler: virtual time by default, moved with `tick(ms)`, or the test's own TestScheduler for marbles.
 *
 * `createTestingKuzzle()` builds one with a client connected to it; any `WebSocketProtocol` can use it through
 * `WebSocketCtor`. One client per backend: `socket` is the latest connection.
 *
 * @example
 * ```ts
 * const { kuzzle, backend } = createTestingKuzzle();
 * const orders: unknown[] = [];
 * kuzzle.document.get('shop', 'orders', 'o1').subscribe((order) => orders.push(order));
 * backend.expectOne({ controller: 'document', action: 'get', _id: 'o1' }).respond({ _id: 'o1', _source: { total: 12 }, _version: 1 });
 * backend.verify();
 * // orders: [{ _id: 'o1', _source: { total: 12 }, _version: 1 }]
 * ```
 */
export class KuzzleTestingBackend {
  /** The clock of the backend and of its client. */
  readonly scheduler: SchedulerLike;
  /** The WebSocket constructor that connects to this backend (give it to a `WebSocketProtocol`). */
  readonly WebSocketCtor: typeof FakeWebSocket;

  private readonly options: ResolvedBackendOptions;
  private readonly log = new RequestLog(() => this.sockets.some((socket) => socket.readyState === socket.OPEN));
  private readonly table = new SubscriptionTable();
  private up = true;
  private stamps = 0;
  private readonly host: RequestHost = {
    answered: (request, result) => this.answered(request, result),
    subscriptionIds: (request) => this.table.idsFor(request.request),
  };

  constructor(options?: KuzzleTestingBackendOptions) {
    this.options = resolveBackendOptions(options, 'KuzzleTestingBackend');
    this.scheduler = this.options.scheduler ?? ownTestScheduler();
    const Socket = FakeWebSocket.isolated();
    Socket.onConstruct = (socket) => this.scheduler.schedule(() => this.handshake(socket));
    Socket.onSend = (socket, text) => this.receive(socket, text);
    this.WebSocketCtor = Socket;
  }

  /** Every connection made to the backend, oldest first. */
  get sockets(): readonly FakeWebSocket[] {
    return this.WebSocketCtor.instances;
  }

  /** The latest connection; throws when the client never connected. */
  get socket(): FakeWebSocket {
    return this.WebSocketCtor.last;
  }

  /** Whether the backend accepts connections (false between `dropLink()` and `restoreLink()`). */
  get linkUp(): boolean {
    return this.up;
  }

  /** Every request received, answered or not, in order (pings left out). */
  get requests(): readonly TestRequest[] {
    return this.log.all;
  }

  /** The subscriptions acknowledged on connections still open, oldest first. */
  get subscriptions(): readonly LiveSubscription[] {
    return this.table.list();
  }

  /**
   * Returns the one request matching `match` that no expectation took yet, which the test then answers
   * (`respond(result)`, `fail(error)`). It is taken: a later expectation does not see it again.
   * @throws {Error} when none or several match, listing the requests sent and not yet taken.
   *
   * @example
   * ```ts
   * kuzzle.document.get('shop', 'orders', 'o1').subscribe();
   * backend.expectOne({ controller: 'document', action: 'get', _id: 'o1' }).respond({ _id: 'o1', _source: { total: 12 } });
   * ```
   */
  expectOne(match: RequestMatch, description?: string): TestRequest {
    return this.log.expectOne(match, description);
  }

  /**
   * Checks that no request matching `match` was sent and left untaken; returns nothing.
   * @throws {Error} when a request matching `match` was sent and not taken, naming it.
   */
  expectNone(match: RequestMatch, description?: string): void {
    this.log.expectNone(match, description);
  }

  /**
   * Takes every request matching `match` not taken yet and returns them, oldest first; none is not an error.
   */
  match(match: RequestMatch): TestRequest[] {
    return this.log.match(match);
  }

  /**
   * Checks that every request sent on an open connection was taken by an expectation (or answered by the backend
   * itself: pings, subscriptions); returns nothing. Call it after each test.
   * @throws {Error} when a request the backend did not answer by itself was sent on an open connection and no
   * expectation took it, listing them.
   *
   * @example
   * ```ts
   * afterEach(() => backend.verify());
   * ```
   */
  verify(): void {
    this.log.verify();
  }

  /**
   * Pushes a document notification (a change the server saw) to the live subscriptions `target` designates whose
   * `scope` takes it; returns the notifications sent, one per channel.
   * @throws {Error} when no live subscription would receive it, listing the live ones.
   *
   * @example
   * ```ts
   * kuzzle.realtime.subscribe('shop', 'orders', {}).subscribe((n) => console.log(n.type));
   * backend.notifyDocument({ index: 'shop', collection: 'orders' }, { action: 'update', _id: 'o1', _source: { total: 14 } });
   * ```
   */
  notifyDocument(target: SubscriptionTarget, change: DocumentChange): readonly DocumentNotification[] {
    const way = change.scope ?? (change.action === 'delete' ? 'out' : 'in');
    return this.push(
      target,
      `document notification (${change.action ?? 'create'}, scope ${way})`,
      (s) => accepts(s.scope, way),
      (to) => documentNotification(change, to, this.stamp()),
    );
  }

  /**
   * Pushes a user notification (someone entered or left the room) to the live subscriptions `target` designates
   * that asked for users (`users` option); returns the notifications sent.
   * @throws {Error} when no live subscription would receive it.
   */
  notifyUser(target: SubscriptionTarget, change: UserChange): readonly UserNotification[] {
    return this.push(
      target,
      `user notification (${change.user})`,
      (s) => accepts(s.users, change.user),
      (to) => userNotification(change, to, this.stamp()),
    );
  }

  /**
   * The link drops (the connection closes without a closing handshake, code 1006, unless `code` says otherwise) and
   * the server stays out of reach: every new connection is refused until `restoreLink()`. The client reconnects
   * with its backoff, on the backend's clock. What the server held on that connection is gone: its subscriptions,
   * and its requests not answered yet (the client sends its read-only ones again on the next connection).
   */
  dropLink(close: { readonly code?: number; readonly reason?: string } = {}): void {
    this.up = false;
    const socket = this.WebSocketCtor.instances.at(-1);
    const code = close.code ?? 1006;
    if (socket && socket.readyState !== socket.CLOSED) socket.serverClose(code, close.reason ?? '', code !== 1006);
  }

  /**
   * The server is reachable again: the client's next attempt connects (run the clock past its reconnection delay,
   * 500 ms for the first with the testing protocol options), and its subscriptions are restored.
   */
  restoreLink(): void {
    this.up = true;
  }

  /**
   * Runs the virtual clock `ms` further (0: what is due now), running what the client and the backend scheduled.
   * @throws {Error} when the backend runs on real time (a `scheduler` that is no TestScheduler), or `ms` is negative.
   */
  tick(ms = 0): void {
    advance(this.scheduler, ms);
  }

  /** Completes the handshakes of the connections still opening (or refuses them while the link is down), now. */
  acceptConnections(): void {
    for (const socket of this.WebSocketCtor.instances) this.handshake(socket);
  }

  private handshake(socket: FakeWebSocket): void {
    if (socket.readyState !== socket.CONNECTING) return;
    if (this.up) socket.open();
    else socket.fail(new Error('connect ECONNREFUSED (the testing backend dropped the link)'));
  }

  private receive(socket: FakeWebSocket, text: string): void {
    if (text === PING) {
      if (this.options.answerPings) socket.receive(PONG);
      return;
    }
    const frame = parseRequest(text);
    if (!frame) return;
    const request = new TestRequest(frame, socket, this.host);
    const automatic =
      this.options.acknowledgeSubscriptions && (request.action === 'realtime:subscribe' || request.action === 'realtime:unsubscribe');
    this.log.record(request, !automatic);
    if (!automatic) return;
    const { acknowledgeDelay } = this.options;
    if (acknowledgeDelay > 0) this.scheduler.schedule(() => this.acknowledge(request), acknowledgeDelay);
    else this.acknowledge(request);
  }

  private acknowledge(request: TestRequest): void {
    if (request.answered || !request.connectionOpen) return;
    if (request.action === 'realtime:subscribe') request.acknowledge();
    else request.respond({ roomId: roomIdOf(request) ?? null });
  }

  private answered(request: TestRequest, result: unknown): void {
    if (request.action === 'realtime:subscribe') this.table.add(request.request, result, request.socket);
    if (request.action === 'realtime:unsubscribe') this.table.remove(roomIdOf(request), request.socket);
  }

  private push<N>(target: SubscriptionTarget, what: string, takes: (s: LiveSubscription) => boolean, build: (to: Delivery) => N): N[] {
    const targeted = this.table.select(target);
    const receiving = targeted.filter(takes);
    if (receiving.length === 0) {
      const why =
        targeted.length === 0
          ? `no live subscription is on ${describeTarget(target)}`
          : `the live subscriptions on ${describeTarget(target)} do not take it`;
      throw new Error(`Cannot push a ${what}: ${why}. ${this.table.describe()}`);
    }
    return receiving.map((subscription) => {
      const notification = build(subscription);
      subscription.socket.receiveJson(notification);
      return notification;
    });
  }

  private stamp(): { timestamp: number; requestId: string } {
    return { timestamp: this.scheduler.now(), requestId: `testing-backend-${++this.stamps}` };
  }
}
