import { firstValueFrom } from 'rxjs';
import type { Kuzzle, WebSocketProtocolOptions } from '../../src';
import { isKuzzleNotification, isKuzzlePong, startFaultProxy, type FaultProxy, type ProxiedConnection } from '../../src/testing';
import { client, nextEvent, startTarget, targetNames, twoClientsOnFreshIndex, USER, waitFor, type Target } from '../support/targets';

/** The fault proxy in front of the real server: each fault as the library's client sees it. */
describe.runIf(targetNames().includes('real'))('fault proxy in front of the real server', () => {
  let target: Target;
  let proxy: FaultProxy;
  const clients: Kuzzle[] = [];

  const via = (protocol: WebSocketProtocolOptions = {}, cookieAuth = false): Kuzzle => {
    const kuzzle = client(
      { ...target, port: proxy.port },
      { reconnectionDelay: 20, maxReconnectionDelay: 50, ...protocol },
      { cookieAuth },
    );
    clients.push(kuzzle);
    return kuzzle;
  };
  const websocket = async (): Promise<ProxiedConnection> => {
    await waitFor(() => proxy.connections.some((c) => c.kind === 'websocket'));
    return proxy.connections.filter((c) => c.kind === 'websocket').at(-1) as ProxiedConnection;
  };

  beforeAll(async () => {
    target = await startTarget('real');
  });
  beforeEach(async () => {
    proxy = await startFaultProxy({ target: { host: target.host, port: target.port } });
  });
  afterEach(async () => {
    clients.splice(0).forEach((kuzzle) => kuzzle.disconnect());
    await proxy.close();
  });

  it('passes requests and notifications through, and swallows notifications alone when asked', async () => {
    const kuzzle = via({ pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    const { other, index } = await twoClientsOnFreshIndex(target, 'faultproxy');
    clients.push(other);
    const seen: unknown[] = [];
    const subscription = kuzzle.realtime
      .subscribe(index, 'c', {})
      .subscribe((n) => seen.push(n.type === 'document' ? n.result._source : n));
    await nextEvent(kuzzle, 'subscribed');
    const connection = await websocket();
    connection.swallow('toClient', isKuzzleNotification);
    await firstValueFrom(other.realtime.publish(index, 'c', { n: 1 }));
    // A response still passes while notifications are swallowed.
    await firstValueFrom(kuzzle.server.now());
    connection.swallow('toClient', null);
    await firstValueFrom(other.realtime.publish(index, 'c', { n: 2 }));
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([expect.objectContaining({ n: 2 })]);
    expect(proxy.counters.dropped.toClient).toBe(1);
    subscription.unsubscribe();
    await firstValueFrom(other.index.delete(index));
  });

  it('forwards HTTP: a cookie login goes through the proxy', async () => {
    const kuzzle = via({ pingInterval: 0 }, true);
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe(USER.username);
    await firstValueFrom(kuzzle.auth.logout());
  });

  it('swallowing pongs makes the keep-alive give up, and the client reconnects', async () => {
    const kuzzle = via({ pingInterval: 100, pongTimeout: 200 });
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    (await websocket()).swallow('toClient', isKuzzlePong);
    expect(await lost).toMatchObject({ origin: 'ping-timeout' });
    await nextEvent(kuzzle, 'reconnected');
  });

  it('a frozen link is found out by the keep-alive', async () => {
    const kuzzle = via({ pingInterval: 100, pongTimeout: 200 });
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    (await websocket()).freeze();
    expect(await lost).toMatchObject({ origin: 'ping-timeout' });
    await nextEvent(kuzzle, 'reconnected');
  });

  it('cut gives 1006, close(4001) gives 4001 and its reason', async () => {
    const kuzzle = via({ pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    const cut = nextEvent(kuzzle, 'disconnected');
    (await websocket()).cut();
    expect(await cut).toMatchObject({ origin: 'network', code: 1006 });
    await nextEvent(kuzzle, 'reconnected');
    const closed = nextEvent(kuzzle, 'disconnected');
    (await websocket()).close(4001, 'go away');
    expect(await closed).toMatchObject({ origin: 'server', code: 4001, reason: 'go away' });
  });

  it('a request truncated on its way to the server cuts the link', async () => {
    const kuzzle = via({ pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    (await websocket()).truncateNext(10, 'toServer');
    kuzzle.server.now().subscribe({ error: () => undefined });
    expect(await lost).toMatchObject({ code: 1006 });
  });

  it('refusing counts the reconnection attempts, accepting lets the client back', async () => {
    const kuzzle = via({ pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    proxy.refuse();
    proxy.all().cut();
    await waitFor(() => proxy.counters.refused >= 3);
    const back = nextEvent(kuzzle, 'reconnected');
    proxy.accept();
    await back;
    expect(await firstValueFrom(kuzzle.server.now())).toEqual(expect.any(Number));
  });

  it('latency shows in the round trips the client measures', async () => {
    const kuzzle = via({ pingInterval: 50, pongTimeout: 1000 });
    proxy.all().latency(50);
    const measured = firstValueFrom(kuzzle.latency$);
    await firstValueFrom(kuzzle.connect());
    expect(await measured).toBeGreaterThanOrEqual(100);
  });
});
