import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { filter, firstValueFrom, lastValueFrom, type Observable, take, toArray } from 'rxjs';
import { KuzzleError, type Kuzzle } from '../../src';
import { plain } from '../support/compat-runner';
import { client, nextEvent, record, startTarget, type Target, targetNames, waitFor } from '../support/targets';

// Every method of the server, cluster, debug and realtime controllers on the real server (Kuzzle 2.56, statistics
// off, `security.debug.native_debug_protocol` off), and for a representative set, the value kuzzle-sdk 7 resolves to
// for the same call on the same server. Index names are one word: the storage stand-in matches names word by word.

const word = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** What the call emits, checking that it emits exactly once and completes. */
async function once<T>(call: Observable<T>): Promise<T> {
  const values = await lastValueFrom(call.pipe(toArray()));
  expect(values).toHaveLength(1);
  return values[0] as T;
}

async function errorOf(call: Observable<unknown>): Promise<KuzzleError | undefined> {
  return firstValueFrom(call).then(
    () => undefined,
    (error: unknown) => (error instanceof KuzzleError ? error : Promise.reject(error)),
  );
}

async function sdkErrorId(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (error: { id?: string }) => error.id,
  );
}

describe.runIf(targetNames().includes('real'))('the server, cluster, debug and realtime controllers on the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
  });
  afterAll(async () => {
    kuzzle.disconnect();
    sdk.disconnect();
    await target.stop();
  });

  describe('server', () => {
    it('reads the clock, information, configuration and capabilities as kuzzle-sdk does', async () => {
      const now = await once(kuzzle.server.now());
      expect(Math.abs(now - (await sdk.server.now({})))).toBeLessThan(5_000);

      const info = await once(kuzzle.server.info());
      const theirs = (await sdk.server.info({})) as typeof info;
      expect(info.serverInfo.kuzzle.version).toBe('2.56.0');
      expect(info.serverInfo.kuzzle.version).toBe(theirs.serverInfo.kuzzle.version);
      expect(Object.keys(info.serverInfo).sort()).toEqual(Object.keys(theirs.serverInfo).sort());

      expect(await once(kuzzle.server.adminExists())).toBe(await sdk.server.adminExists({}));
      expect(await once(kuzzle.server.getConfig())).toEqual(plain(await sdk.server.getConfig({})));
      expect(await once(kuzzle.server.capabilities())).toEqual(plain(await sdk.server.capabilities({})));
    });

    it('errors on the statistics getters as kuzzle-sdk does when statistics are off', async () => {
      // kuzzle-sdk's calls are made one at a time (a Promise is eager): each rejection is awaited at once.
      const calls: ReadonlyArray<readonly [Observable<unknown>, () => Promise<unknown>]> = [
        [kuzzle.server.getStats(Date.now() - 60_000, Date.now()), () => sdk.server.getStats(Date.now() - 60_000, Date.now(), {})],
        [kuzzle.server.getLastStats(), () => sdk.server.getLastStats({})],
        [kuzzle.server.getAllStats(), () => sdk.server.getAllStats({})],
      ];
      for (const [mine, theirs] of calls) {
        const error = await errorOf(mine);
        expect(error?.id).toBe('core.fatal.unexpected_error');
        expect(error?.message).toContain('services.stats.not_available');
        expect(error?.id).toBe(await sdkErrorId(theirs()));
      }
    });

    it('checks the health of every service, or of those asked', async () => {
      expect(await once(kuzzle.server.healthCheck())).toEqual({
        status: 'green',
        services: { internalCache: 'green', memoryStorage: 'green', storageEngine: 'green' },
      });
      expect(await once(kuzzle.server.healthCheck({ services: ['memoryStorage'] }))).toEqual({
        status: 'green',
        services: { memoryStorage: 'green' },
      });
    });

    it('reports the load, the public API and the OpenAPI definitions', async () => {
      const metrics = await once(kuzzle.server.metrics());
      expect(metrics.network.connections['websocket']).toBeGreaterThanOrEqual(2);
      expect(typeof metrics.realtime.rooms).toBe('number');

      const api = await once(kuzzle.server.publicApi());
      expect(api['server']?.['openapi']).toEqual({
        action: 'openapi',
        controller: 'server',
        http: [{ path: '/_openapi', url: '/_openapi', verb: 'GET' }],
      });
      expect(Object.keys(api['realtime'] ?? {})).toEqual(expect.arrayContaining(['join', 'list', 'validate']));

      const definition = await once(kuzzle.server.openapi());
      expect(definition).toMatchObject({ swagger: '2.0', info: { title: 'Kuzzle API', version: '2.56.0' } });
      expect(await once(kuzzle.server.openapi({ format: 'yaml' }))).toMatch(/^---\n\s*swagger: "2.0"/);
      expect(await once(kuzzle.server.openapi({ scope: 'app' }))).toMatchObject({ openapi: '3.1.0' });
    });
  });

  describe('cluster', () => {
    it('reports the status of the cluster', async () => {
      const status = await once(kuzzle.cluster.status());
      expect(status.activeNodes).toBe(status.nodes.length);
      expect(status.nodes[0]).toEqual({
        id: expect.stringMatching(/^knode-/) as unknown,
        address: expect.any(String) as unknown,
        birthdate: expect.any(String) as unknown,
      });
      expect(status.activity.some((entry) => entry.event === 'joined')).toBe(true);
    });
  });

  describe('debug', () => {
    it("reads the server's Node.js version", async () => {
      expect(await once(kuzzle.debug.nodeVersion())).toMatch(/^v\d+\.\d+\.\d+$/);
    });

    it('errors on the inspector actions when the server does not allow the debug protocol', async () => {
      const calls = [
        kuzzle.debug.enable(),
        kuzzle.debug.post('Runtime.evaluate', { expression: '1+1' }),
        kuzzle.debug.addListener('Debugger.paused'),
        kuzzle.debug.removeListener('Debugger.paused'),
        kuzzle.debug.disable(),
      ];
      for (const call of calls) {
        const error = await errorOf(call);
        expect({ id: error?.id, status: error?.status }).toEqual({ id: 'core.debugger.native_debug_protocol_usage_denied', status: 412 });
      }
    });
  });

  describe('realtime', () => {
    it('publishes, counts, lists and validates as kuzzle-sdk does', async () => {
      const index = word('rtapi');
      const received = record(kuzzle.realtime.subscribe(index, 'c', { equals: { k: 1 } }));
      const { roomId } = await nextEvent(kuzzle, 'subscribed');
      expect(await once(kuzzle.realtime.publish(index, 'c', { k: 1 }, { _id: 'm1' }))).toBe(
        await sdk.realtime.publish(index, 'c', { k: 2 }),
      );
      await waitFor(() => received.values.length === 1);
      expect(received.values[0]).toMatchObject({ type: 'document', result: { _id: 'm1', _source: { k: 1 } } });

      expect(await once(kuzzle.realtime.count(roomId))).toBe(await sdk.realtime.count(roomId));
      expect(await once(kuzzle.realtime.count(roomId))).toBe(1);
      expect(await once(kuzzle.realtime.list())).toMatchObject({ [index]: { c: { [roomId]: 1 } } });
      expect(await once(kuzzle.realtime.validate(index, 'c', { k: 1 }))).toEqual({ errorMessages: {}, valid: true });
      received.stop();
    });

    it('joins an existing room on the server without touching the subscriptions of the client', async () => {
      const index = word('rtjoin');
      const owner = client(target);
      await firstValueFrom(owner.connect());
      const owned = record(owner.realtime.subscribe(index, 'c', {}));
      const { roomId } = await nextEvent(owner, 'subscribed');

      const mine = record(kuzzle.realtime.subscribe(index, 'c', {}));
      await nextEvent(kuzzle, 'subscribed');
      const joined = await once(kuzzle.realtime.join(roomId, { users: 'all' }));
      expect(joined).toEqual({ roomId, channel: expect.stringMatching(new RegExp(`^${roomId}-`)) as unknown });
      expect(await once(kuzzle.realtime.count(roomId))).toBe(2);
      expect((await errorOf(kuzzle.realtime.join('nosuchroom')))?.id).toBe('core.realtime.room_not_found');

      // The joined channel's notifications reach no subscription of this client; its own subscription gets its own.
      const discarded = firstValueFrom(
        kuzzle.events$.pipe(
          filter((e) => e.type === 'discarded' && e.reason === 'unknown-room'),
          take(1),
        ),
      );
      await once(owner.realtime.publish(index, 'c', { hello: 'world' }));
      await waitFor(() => mine.values.length === 1 && owned.values.length === 1);
      await discarded;

      // Ending this client's subscription unsubscribes the room on the server, and the join with it.
      mine.stop();
      await waitFor(async () => (await once(kuzzle.realtime.count(roomId))) === 1);
      owned.stop();
      owner.disconnect();
    });
  });
});
