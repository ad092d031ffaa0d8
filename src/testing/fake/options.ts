import { InvalidOptionError, type KuzzleOptions, type WebSocketProtocolOptions } from 'kuzzle-rx';
import type { SchedulerLike } from 'rxjs';

/** Options of `new KuzzleTestingBackend(options)`: what the fake server does by itself. */
export interface KuzzleTestingBackendOptions {
  /**
   * The clock of the backend and of the client it serves (keep-alive, timeouts, reconnection delays, the offline
   * queue): virtual time, moved by `backend.tick(ms)` or by a TestScheduler's `run()`. Pass your TestScheduler to
   * write marbles; `asyncScheduler` for real time.
   * @default a new TestScheduler of the backend's own
   */
  scheduler?: SchedulerLike;
  /**
   * Acknowledge every `realtime:subscribe` (with a roomId and a channel) and `realtime:unsubscribe` by itself, so
   * that subscriptions are live without a word from the test; false leaves them to `expectOne(...).acknowledge()`.
   * @default true
   */
  acknowledgeSubscriptions?: boolean;
  /** Virtual ms between a subscribe request and its automatic acknowledgement; 0 answers it as it is sent. @default 0 */
  acknowledgeDelay?: number;
  /** Answer each `{"p":1}` ping with `{"p":2}` at once (matters only when the client's keep-alive is on). @default true */
  answerPings?: boolean;
}

/** Options of `createTestingKuzzle(options)`: the backend's, and the client it builds on it. */
export interface TestingKuzzleOptions extends KuzzleTestingBackendOptions {
  /** The host in the client's URL (nothing is resolved). @default 'localhost' */
  host?: string;
  /**
   * Options of the client's `WebSocketProtocol`, over {@link TESTING_PROTOCOL_OPTIONS}; its socket and scheduler are
   * the backend's.
   * @default {}
   */
  protocol?: Omit<WebSocketProtocolOptions, 'WebSocketCtor' | 'scheduler'>;
  /** Options of the `Kuzzle` client (request timeout, offline queue, volatile data, ...). @default {} */
  client?: KuzzleOptions;
  /** Connect the client at once (its socket opens before `createTestingKuzzle` returns). @default true */
  connect?: boolean;
}

export type ResolvedBackendOptions = Readonly<Required<Omit<KuzzleTestingBackendOptions, 'scheduler'>>> & {
  readonly scheduler: SchedulerLike | undefined;
};

export const DEFAULT_TESTING_BACKEND_OPTIONS: ResolvedBackendOptions = Object.freeze({
  scheduler: undefined,
  acknowledgeSubscriptions: true,
  acknowledgeDelay: 0,
  answerPings: true,
});

/**
 * The protocol options of a testing client, under the test's own: no keep-alive (a ping every 2 s would keep a
 * virtual clock busy for ever), and a reconnection jitter fixed at one half, so the first reconnection attempt comes
 * 500 ms after a loss.
 */
export const TESTING_PROTOCOL_OPTIONS: Readonly<Pick<WebSocketProtocolOptions, 'pingInterval' | 'random'>> = Object.freeze({
  pingInterval: 0,
  random: () => 0.5,
});

const BACKEND_KEYS: ReadonlySet<string> = new Set(['scheduler', 'acknowledgeSubscriptions', 'acknowledgeDelay', 'answerPings']);
const CLIENT_KEYS: ReadonlySet<string> = new Set(['host', 'protocol', 'client', 'connect']);

function check(ok: boolean, field: string, reason: string, scope: string): void {
  if (!ok) throw new InvalidOptionError(`${scope}.${field}`, reason);
}

/**
 * Validates the backend's options (and, with `withClient`, those of `createTestingKuzzle`) once; throws an
 * `InvalidOptionError` naming the first bad field. The client's own options are validated by the client.
 */
export function resolveBackendOptions(
  options: TestingKuzzleOptions | undefined,
  scope: string,
  withClient = false,
): ResolvedBackendOptions {
  const given = (options ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new InvalidOptionError(scope, 'must be an object');
  for (const key of Object.keys(given)) check(BACKEND_KEYS.has(key) || (withClient && CLIENT_KEYS.has(key)), key, 'unknown option', scope);
  const { scheduler, acknowledgeSubscriptions, acknowledgeDelay, answerPings } = given;
  check(
    scheduler === undefined || (typeof scheduler === 'object' && scheduler !== null && 'schedule' in scheduler),
    'scheduler',
    'must be a scheduler',
    scope,
  );
  check(
    acknowledgeSubscriptions === undefined || typeof acknowledgeSubscriptions === 'boolean',
    'acknowledgeSubscriptions',
    'must be a boolean',
    scope,
  );
  check(
    acknowledgeDelay === undefined || (typeof acknowledgeDelay === 'number' && acknowledgeDelay >= 0 && Number.isFinite(acknowledgeDelay)),
    'acknowledgeDelay',
    `must be a number of ms, got ${String(acknowledgeDelay)}`,
    scope,
  );
  check(answerPings === undefined || typeof answerPings === 'boolean', 'answerPings', 'must be a boolean', scope);
  if (withClient) {
    check(
      given['host'] === undefined || (typeof given['host'] === 'string' && given['host'] !== ''),
      'host',
      'must be a non-empty string',
      scope,
    );
    check(given['connect'] === undefined || typeof given['connect'] === 'boolean', 'connect', 'must be a boolean', scope);
  }
  const defined = Object.fromEntries(Object.entries(given).filter(([key, value]) => BACKEND_KEYS.has(key) && value !== undefined));
  return Object.freeze({ ...DEFAULT_TESTING_BACKEND_OPTIONS, ...defined });
}
