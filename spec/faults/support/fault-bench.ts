import { filter, firstValueFrom } from 'rxjs';
import {
  isKuzzleError,
  Kuzzle,
  WebSocketProtocol,
  type KuzzleOptions,
  type ResolvedProtocolOptions,
  type RoomInfo,
  type WebSocketProtocolOptions,
} from '../../../src';
import { startFaultProxy, type FaultProxy, type ProxiedConnection } from '../../../src/testing';
import { USER } from '../../support/targets';
import {
  expectBackoffHeld,
  expectEveryRequestEnded,
  expectNoDuplicateSends,
  expectStoredOnce,
  expectTruthfulConnection,
  type AllowedErrors,
  type LossPattern,
} from './checks';
import { EventLog } from './event-log';
import type { FaultRowMeta } from './fault-row-meta';
import type { FaultSuite } from './fault-suite';
import { SubscriptionProbe } from './subscription-probe';
import { pause, until, within } from './within';
import { WireLog } from './wire-log';
import { SEED_ID, Workload } from './workload';

/** Small keep-alive and backoff settings, so that every fault is found and healed in well under a second. */
export const FAULT_PROTOCOL: Readonly<WebSocketProtocolOptions> = Object.freeze({
  pingInterval: 200,
  pongTimeout: 300,
  connectTimeout: 1000,
  reconnectionDelay: 50,
  maxReconnectionDelay: 400,
});

/** Three subscriptions in three rooms, each matching every workload write. */
const SUBSCRIPTION_FILTERS: ReadonlyArray<Record<string, unknown>> = [{}, { exists: 'seq' }, { range: { seq: { gte: 0 } } }];

/** What a recovery may take beyond its backoff bound: restoring three subscriptions (and a token check) on a busy machine. */
export const RECOVERY_SLACK_MS = 1500;

/** Sequence numbers of the documents written directly to the server, after recovery, to prove notifications resume. */
const PROBE_SEQ = 1_000_000;

export interface BenchOptions {
  readonly protocol?: WebSocketProtocolOptions;
  readonly client?: KuzzleOptions;
  /** Logs in over the socket, with this `expiresIn`, before subscribing. */
  readonly login?: string;
  /** Gives the client an `authenticator` that logs in again with this `expiresIn`. */
  readonly authenticator?: string;
  /** Connects through the proxy to the target's rate-limited node (`Target.rateLimited`) instead of the target. */
  readonly rateLimited?: boolean;
}

export interface RowExpectation {
  /** The disconnections the fault causes, in order (`[]`: the link stays up). */
  readonly losses: readonly LossPattern[];
  /** The errors a workload request may end with; by default a write in flight at a loss may fail with ConnectionLostError. */
  readonly errors?: Partial<AllowedErrors>;
  /** `resume` (the default): every subscription goes on. Otherwise, the error class every subscription must end with. */
  readonly subscriptions?: 'resume' | (abstract new (...args: never[]) => Error);
}

/**
 * One row's set-up: a fault proxy in front of the target, the public `Kuzzle` through it with three subscriptions on a
 * fresh collection, a steady workload, and the logs the checks read (events and states, the frames that reached the
 * server). `finish()` runs the checks every row shares.
 */
export class FaultBench {
  faultAt = 0;
  healedAt = 0;
  /** When the `login` option's login was sent (its token expires `expiresIn` later at the latest). */
  loggedInAt: number | undefined;
  /** When the row's traffic started: the checks read what happened from then on. */
  readonly startedAt: number;

  private constructor(
    readonly suite: FaultSuite,
    readonly meta: FaultRowMeta,
    readonly proxy: FaultProxy,
    readonly kuzzle: Kuzzle,
    readonly collection: string,
    readonly wire: WireLog,
    readonly log: EventLog,
    readonly subscriptions: readonly SubscriptionProbe[],
    readonly rooms: readonly RoomInfo[],
    readonly workload: Workload,
  ) {
    this.startedAt = Date.now();
  }

  static async open(suite: FaultSuite, meta: FaultRowMeta, options: BenchOptions = {}): Promise<FaultBench> {
    const { target, other, index } = suite;
    const upstream = options.rateLimited ? target.rateLimited : target;
    if (!upstream) throw new Error(`the ${target.name} target has no rate-limited node`);
    const proxy = await startFaultProxy({ target: { host: upstream.host, port: upstream.port } });
    const wire = new WireLog();
    proxy.all().swallow('toServer', wire.observe);
    const renewal = options.authenticator;
    const kuzzle: Kuzzle = new Kuzzle(new WebSocketProtocol(target.host, { ...FAULT_PROTOCOL, ...options.protocol, port: proxy.port }), {
      requestTimeout: 10_000,
      ...(renewal === undefined ? {} : { authenticator: () => kuzzle.auth.login('local', USER, renewal) }),
      ...options.client,
    });
    const log = new EventLog(kuzzle);
    await within(firstValueFrom(kuzzle.connect()), 10_000, 'connect through the proxy');
    const loggedInAt = Date.now();
    if (options.login !== undefined) await within(firstValueFrom(kuzzle.auth.login('local', USER, options.login)), 10_000, 'login');
    const collection = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await within(firstValueFrom(other.collection.create(index, collection)), 10_000, 'collection:create');
    await within(
      firstValueFrom(other.document.create(index, collection, { seed: true }, SEED_ID, { refresh: 'wait_for' })),
      10_000,
      'seed',
    );
    const subscriptions = SUBSCRIPTION_FILTERS.map(
      (filters) => new SubscriptionProbe(filters, kuzzle.realtime.subscribe(index, collection, filters)),
    );
    await log.nth('subscribed', SUBSCRIPTION_FILTERS.length, 0, 10_000);
    const rooms = log.ofType('subscribed').map(({ value }) => value);
    const workload = new Workload(kuzzle, index, collection);
    const bench = new FaultBench(suite, meta, proxy, kuzzle, collection, wire, log, subscriptions, rooms, workload);
    if (options.login !== undefined) bench.loggedInAt = loggedInAt;
    workload.start();
    await pause(300);
    return bench;
  }

  get options(): ResolvedProtocolOptions {
    return this.kuzzle.protocol.options;
  }

  /** The client's live WebSocket connection through the proxy. */
  async link(): Promise<ProxiedConnection> {
    const open = () => this.proxy.connections.filter((connection) => connection.kind === 'websocket' && connection.open);
    await until(() => open().length > 0, 10_000, 'a WebSocket connection through the proxy');
    return open().at(-1) as ProxiedConnection;
  }

  /** The fault starts now; unless `healed()` is called later, it heals at once (new connections work). */
  fault(): void {
    this.faultAt = Date.now();
    this.healedAt = this.faultAt;
  }

  /** A lasting fault ends now. */
  healed(): void {
    this.healedAt = Date.now();
  }

  /**
   * Waits for `reconnected` (every subscription restored) after the fault, records the recovery time, and checks it
   * against the backoff bound: one capped delay, `extraMs` (a detection, a handshake the network ate) and the slack.
   */
  async recovered(extraMs = 0): Promise<number> {
    const ready = await this.log.next('reconnected', this.faultAt, 20_000);
    expect(ready.at, 'reconnected only once the fault healed').toBeGreaterThanOrEqual(this.healedAt);
    return this.record(ready.at - this.healedAt, extraMs);
  }

  /** Records a recovery time for the table and checks it against the bound (see `recovered()`). */
  record(ms: number, extraMs = 0): number {
    this.meta.recoveryMs = ms;
    const bound = this.options.maxReconnectionDelay + extraMs + RECOVERY_SLACK_MS;
    expect(
      ms,
      `recovery time (bound: cap ${this.options.maxReconnectionDelay} + ${extraMs} + slack ${RECOVERY_SLACK_MS})`,
    ).toBeLessThanOrEqual(bound);
    return ms;
  }

  note(text: string): void {
    this.meta.notes.push(text);
  }

  /**
   * Lets the workload run a little longer, stops it, and runs the checks every row shares: 1. every request ended
   * (response or allowed typed error), 2. no write sent or stored twice and reads re-sent only after a loss, 3. every
   * subscription notified of the writes made after the last restoration (the workload's and fresh ones), 4. `events$`
   * and `state$` as expected, 5. the backoff held.
   */
  async finish(expectation: RowExpectation): Promise<void> {
    await pause(300);
    this.workload.stop();
    await this.workload.settled(20_000);
    const { losses } = expectation;
    const allowed: AllowedErrors = {
      reads: expectation.errors?.reads ?? [],
      writes: expectation.errors?.writes ?? (losses.length > 0 ? ['ConnectionLostError'] : []),
    };
    this.noteFailures();
    expectEveryRequestEnded(this.workload, allowed);
    expectNoDuplicateSends(this.wire, this.workload, losses.length, this.kuzzle.options.maxResends);
    expectStoredOnce(await this.stored(), this.workload);
    await this.expectNotified(expectation.subscriptions ?? 'resume');
    expectTruthfulConnection(this.log, losses, this.rooms, this.startedAt);
    expectBackoffHeld(this.log, this.options, this.startedAt);
  }

  /** Notes how the workload's requests failed, if any did: `2 document:create ConnectionLostError`. */
  private noteFailures(): void {
    const failures = new Map<string, number>();
    for (const request of this.workload.requests) {
      if (request.outcome?.ok !== false) continue;
      const error = request.outcome.error;
      const key = `${request.kind} ${error instanceof Error ? error.name : 'non-Error'}${isKuzzleError(error) ? ` ${error.id}` : ''}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    if (failures.size === 0) return;
    const failed = [...failures].map(([key, n]) => `${n} ${key}`).join(', ');
    this.note(`of ${this.workload.requests.length} workload requests, failed: ${failed}`);
  }

  /** 3. Notifications resume for every subscription (or each ended with the expected error, and a new one works). */
  private async expectNotified(subscriptions: NonNullable<RowExpectation['subscriptions']>): Promise<void> {
    const { index } = this.suite;
    if (subscriptions !== 'resume') {
      await until(() => this.subscriptions.every((probe) => !probe.live), 10_000, 'every subscription ended').catch(() => undefined);
      for (const probe of this.subscriptions) {
        expect(probe.errors, `subscription ${JSON.stringify(probe.filters)} ends with ${subscriptions.name}`).toEqual([
          expect.any(subscriptions),
        ]);
      }
      const since = Date.now();
      const fresh = new SubscriptionProbe({}, this.kuzzle.realtime.subscribe(index, this.collection, { equals: { fresh: true } }));
      await this.log.next('subscribed', since, 10_000);
      const ids = await this.probeWrites({ fresh: true });
      await until(() => fresh.missing(ids).length === 0, 10_000, 'a new subscription notified').finally(() => fresh.stop());
      return;
    }
    const lastReady = Math.max(
      ...this.log.events
        .filter(({ value }) => value.type === 'reconnected' || value.type === 'resubscribed' || value.type === 'subscribed')
        .map(({ at }) => at),
    );
    const afterRestoration = this.workload.writes.flatMap((write) =>
      write.issuedAt > lastReady && write.outcome?.ok && write.outcome.id ? [write.outcome.id] : [],
    );
    const probes = await this.probeWrites({});
    const expected = [...afterRestoration, ...probes];
    await until(() => this.subscriptions.every((probe) => probe.missing(expected).length === 0), 10_000, 'notifications').catch(
      () => undefined,
    );
    for (const probe of this.subscriptions) {
      expect(probe.errors, `subscription ${JSON.stringify(probe.filters)} errors`).toEqual([]);
      expect(probe.missing(expected), `writes after restoration not notified to ${JSON.stringify(probe.filters)}`).toEqual([]);
    }
    expect(afterRestoration.length, 'workload writes answered after the last restoration').toBeGreaterThan(0);
  }

  /** Three documents written straight to the server (not through the proxy); their ids. */
  private async probeWrites(extra: Record<string, unknown>): Promise<string[]> {
    const { other, index } = this.suite;
    await within(firstValueFrom(other.state$.pipe(filter((state) => state === 'connected'))), 15_000, 'the direct client connected');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await within(
        firstValueFrom(other.document.create(index, this.collection, { seq: PROBE_SEQ + i, ...extra })),
        10_000,
        'probe write',
      );
      ids.push(created._id);
    }
    return ids;
  }

  /** The workload's documents as the server stores them. */
  private async stored(): Promise<Array<{ _id: string; seq: unknown }>> {
    const { other, index } = this.suite;
    await within(firstValueFrom(other.state$.pipe(filter((state) => state === 'connected'))), 15_000, 'the direct client connected');
    await within(firstValueFrom(other.collection.refresh(index, this.collection)), 10_000, 'collection:refresh');
    const found = await within(
      firstValueFrom(
        other.document.search<{ seq?: number }>(
          index,
          this.collection,
          { query: { range: { seq: { gte: 0, lt: PROBE_SEQ } } } },
          { size: 5000 },
        ),
      ),
      10_000,
      'document:search',
    );
    expect(found.total, 'every stored workload document was fetched').toBe(found.hits.length);
    return found.hits.map((hit) => ({ _id: hit._id, seq: hit._source.seq }));
  }

  async close(): Promise<void> {
    this.workload.stop();
    for (const probe of this.subscriptions) probe.stop();
    this.log.stop();
    this.kuzzle.disconnect();
    await within(this.proxy.close(), 10_000, 'proxy close');
  }
}
