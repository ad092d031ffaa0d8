import { Kuzzle, WebSocketProtocol } from 'kuzzle-rx';
import { KuzzleTestingBackend } from './kuzzle-testing-backend';
import { resolveBackendOptions, TESTING_PROTOCOL_OPTIONS, type TestingKuzzleOptions } from './options';

/** A client and the fake server it is connected to. */
export interface TestingKuzzle {
  /** A real `Kuzzle` client, every controller on it, whose connection ends at `backend`. */
  readonly kuzzle: Kuzzle;
  /** The server side: expectations, answers, notifications, the link and the clock. */
  readonly backend: KuzzleTestingBackend;
}

/**
 * Builds a `Kuzzle` client on `backend`'s sockets and scheduler and, unless `connect: false`, connects it: the
 * socket is open when this returns. The client lives until `kuzzle.disconnect()`.
 */
export function connectTestingClient(backend: KuzzleTestingBackend, options: TestingKuzzleOptions = {}): Kuzzle {
  const protocol = new WebSocketProtocol(options.host ?? 'localhost', {
    ...TESTING_PROTOCOL_OPTIONS,
    ...options.protocol,
    WebSocketCtor: backend.WebSocketCtor,
    scheduler: backend.scheduler,
  });
  const kuzzle = new Kuzzle(protocol, options.client);
  if (options.connect ?? true) {
    // Errors are reported by state$ and events$ too (a test that drops the link before connecting sees them there).
    kuzzle.connect().subscribe({ error: () => undefined });
    backend.acceptConnections();
  }
  return kuzzle;
}

/**
 * A `Kuzzle` client connected to an in-memory server, for unit tests of code that uses the client: nothing leaves
 * the process, and the test plays the server through `backend` (modelled on Angular's `HttpTestingController`).
 * Timers run in virtual time: the backend's own TestScheduler, or the `scheduler` given (marbles).
 *
 * @throws {InvalidOptionError} synchronously, when `options` has an unknown option or one of the wrong type
 * (`acknowledgeDelay: -1`, ...), or the client's options are not valid.
 *
 * @example Answer a request, push a notification
 * ```ts
 * const { kuzzle, backend } = createTestingKuzzle();
 * const seen: string[] = [];
 * kuzzle.realtime.subscribe('shop', 'orders', {}).subscribe((n) => seen.push(`${n.type}`));
 * backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1', _source: { total: 12 } });
 * const total = kuzzle.document.count('shop', 'orders');
 * total.subscribe((count) => seen.push(`count ${count}`));
 * backend.expectOne('document:count').respond({ count: 1 });
 * backend.verify();
 * // seen: ['document', 'count 1']
 * ```
 *
 * @example Marbles, on the test's TestScheduler
 * ```ts
 * const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
 * scheduler.run(({ expectObservable }) => {
 *   const { kuzzle, backend } = createTestingKuzzle({ scheduler });
 *   scheduler.schedule(() => backend.expectOne('server:now').respond({ now: 7 }), 30);
 *   expectObservable(kuzzle.server.now()).toBe('30ms (a|)', { a: 7 });
 * });
 * ```
 */
export function createTestingKuzzle(options: TestingKuzzleOptions = {}): TestingKuzzle {
  resolveBackendOptions(options, 'createTestingKuzzle', true);
  const { host: _host, protocol: _protocol, client: _client, connect: _connect, ...backendOptions } = options;
  const backend = new KuzzleTestingBackend(backendOptions);
  return { kuzzle: connectTestingClient(backend, options), backend };
}
