/**
 * The test harness of the client's unit specs: a `Kuzzle` client on a `WebSocketProtocol` whose sockets are
 * `FakeWebSocket`s, driven in virtual time by an rxjs `TestScheduler`.
 *
 * ```ts
 * beforeEach(() => FakeWebSocket.reset());
 *
 * it('answers', () => {
 *   const { kuzzle, connect } = clientHarness({ kuzzle: { requestTimeout: 1000 } });
 *   const socket = connect();
 *   const now = observe(kuzzle.server.now());
 *   socket.respond(socket.lastRequest, { now: 42 });
 *   expect(now.values).toEqual([42]);
 * });
 * ```
 *
 * Unless told otherwise, the protocol sends no pings and waits a fixed 50 ms before its first reconnection attempt
 * (see {@link FIXED_BACKOFF}), and the client numbers its request ids `id-0`, `id-1`, ... (`id-0` being its
 * `instanceId`, the first request is `id-1`).
 */
import { catchError, throwError, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { KuzzleEvent } from '../../src/vocabulary/events';
import { Kuzzle } from '../../src/client/kuzzle';
import type { KuzzleOptions } from '../../src/client/options';
import type { WebSocketProtocolOptions } from '../../src/protocol/options';
import { WebSocketProtocol } from '../../src/protocol/web-socket-protocol';
import { FakeWebSocket } from './fake-web-socket';

// ---- virtual time ----

/** A TestScheduler that compares marbles with vitest's `toEqual`. */
export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A virtual clock and the two ways a test moves it. */
export interface VirtualTime {
  readonly scheduler: TestScheduler;
  /** Schedules `work` at the absolute virtual time `time` (ms); it runs once `runUntil` reaches that time. */
  readonly at: (time: number, work: () => void) => void;
  /** Runs everything scheduled up to the absolute virtual time `time` (ms) included, and stops there. */
  readonly runUntil: (time: number) => void;
}

/** Drives `scheduler` (a fresh {@link testScheduler} by default) by absolute virtual times. */
export function virtualTime(scheduler: TestScheduler = testScheduler()): VirtualTime {
  const at = (time: number, work: () => void): void => {
    scheduler.schedule(work, time - scheduler.now());
  };
  const runUntil = (time: number): void => {
    at(time, () => undefined);
    scheduler.maxFrames = time;
    scheduler.flush();
  };
  return { scheduler, at, runUntil };
}

// ---- protocol and client ----

/**
 * The reconnection delays of the harness: the first one is drawn in [0, 100) ms and the random source always gives
 * 0.5, so a first reconnection attempt starts 50 ms after the loss.
 */
export const FIXED_BACKOFF: Readonly<Pick<WebSocketProtocolOptions, 'reconnectionDelay' | 'random'>> = Object.freeze({
  reconnectionDelay: 100,
  random: () => 0.5,
});

/** A `WebSocketProtocol` to `localhost` whose sockets are `FakeWebSocket`s; `options` are passed on as they are. */
export function fakeProtocol(options: WebSocketProtocolOptions = {}): WebSocketProtocol {
  return new WebSocketProtocol('localhost', { WebSocketCtor: FakeWebSocket, ...options });
}

/** What differs between the clients of {@link clientHarness}. Every field is optional. */
export interface ClientHarnessOptions {
  /** The virtual clock of the protocol. @default a fresh {@link testScheduler} (marble specs pass `getTestScheduler()`) */
  readonly scheduler?: TestScheduler;
  /**
   * Options of the protocol, applied last. An option set to `undefined` falls back to the protocol's own default.
   * @default {} (no keep-alive, `pingInterval: 0`, and {@link FIXED_BACKOFF})
   */
  readonly protocol?: WebSocketProtocolOptions;
  /** Reconnect after {@link FIXED_BACKOFF}; false keeps the protocol's default delay and `Math.random` jitter. @default true */
  readonly fixedBackoff?: boolean;
  /** Options of the client, applied last (a `requestIdGenerator` here replaces the sequential ids). @default {} */
  readonly kuzzle?: KuzzleOptions;
  /** Request ids `id-0`, `id-1`, ... (`id-0` is the `instanceId`); false keeps the client's random UUIDs. @default true */
  readonly sequentialIds?: boolean;
}

/** A client on fake sockets, its clock, and what it reported. */
export interface ClientHarness extends VirtualTime {
  readonly protocol: WebSocketProtocol;
  readonly kuzzle: Kuzzle;
  /** Every event of `kuzzle.events$` since the client was created, in order. */
  readonly events: KuzzleEvent[];
  /** Connects, lets the server accept the handshake at once, and returns the open socket. */
  readonly connect: () => FakeWebSocket;
  /**
   * Drops the open socket (1006, not clean), runs the clock 100 ms further (past the first reconnection delay of
   * {@link FIXED_BACKOFF}), checks that exactly one new socket was created, opens it and returns it.
   */
  readonly reconnect: () => FakeWebSocket;
}

/** Builds a client on a fake-socket protocol, recording its events from the start. It connects only on `connect()`. */
export function clientHarness(options: ClientHarnessOptions = {}): ClientHarness {
  const { scheduler, at, runUntil } = virtualTime(options.scheduler);
  const protocol = fakeProtocol({
    scheduler,
    pingInterval: 0,
    ...(options.fixedBackoff === false ? {} : FIXED_BACKOFF),
    ...options.protocol,
  });
  let ids = 0;
  const kuzzle = new Kuzzle(protocol, {
    ...(options.sequentialIds === false ? {} : { requestIdGenerator: () => `id-${ids++}` }),
    ...options.kuzzle,
  });
  const events: KuzzleEvent[] = [];
  kuzzle.events$.subscribe((event) => events.push(event));

  const connect = (): FakeWebSocket => {
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();
    return FakeWebSocket.last;
  };
  const reconnect = (): FakeWebSocket => {
    const before = FakeWebSocket.instances.length;
    FakeWebSocket.last.serverClose(1006, '', false);
    runUntil(scheduler.now() + 100);
    expect(FakeWebSocket.instances).toHaveLength(before + 1);
    FakeWebSocket.last.open();
    return FakeWebSocket.last;
  };
  return { scheduler, at, runUntil, protocol, kuzzle, events, connect, reconnect };
}

// ---- observing ----

/** What an observable did so far, recorded by {@link observe}. */
export interface Observed<T> {
  /** The values emitted, in order. */
  readonly values: T[];
  /** The error it ended with, if any. */
  error: unknown;
  /** Whether it completed. */
  completed: boolean;
  /** Ends the subscription. */
  readonly unsubscribe: () => void;
}

/** Subscribes to `source` and records what it emits, how it ends, and a way to unsubscribe. */
export function observe<T>(source: Observable<T>): Observed<T> {
  const observed: Observed<T> = { values: [], error: undefined, completed: false, unsubscribe: () => subscription.unsubscribe() };
  const subscription = source.subscribe({
    next: (value) => observed.values.push(value),
    error: (error: unknown) => (observed.error = error),
    complete: () => (observed.completed = true),
  });
  return observed;
}

/** An error reduced to its name and message, so that it compares with `toEqual`; anything else as it is. */
export function nameAndMessage(error: unknown): unknown {
  return error instanceof Error ? { name: error.name, message: error.message } : error;
}

/** `source` with its error reduced by {@link nameAndMessage}, so that marbles compare it by name and message. */
export function errorsByNameAndMessage<T>(source: Observable<T>): Observable<T> {
  return source.pipe(catchError((error: unknown) => throwError(() => nameAndMessage(error))));
}
