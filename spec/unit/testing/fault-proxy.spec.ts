import { connect as tcpConnect } from 'node:net';
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import WebSocket from 'ws';
import { InvalidOptionError, Kuzzle, WebSocketProtocol, type KuzzleEvent, type WebSocketProtocolOptions } from '../../../src';
import {
  EmbeddedKuzzleServer,
  InvalidFaultError,
  isKuzzleNotification,
  isKuzzlePong,
  NotAWebSocketError,
  startFaultProxy,
  type FaultProxy,
  type ProxiedConnection,
} from '../../../src/testing';
import { encodeFrame, OPCODES } from '../../../src/testing/fault-proxy/frame-codec';
import { eventually, sleep, WsClient } from './ws-client';

const USER = { username: 'alice', password: 'secret' };

let server: EmbeddedKuzzleServer;
let proxy: FaultProxy;
const clients: Kuzzle[] = [];

beforeEach(async () => {
  server = await EmbeddedKuzzleServer.start({ users: [USER], loginsPerSecond: 0 });
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: server.port } });
});
afterEach(async () => {
  clients.splice(0).forEach((kuzzle) => kuzzle.disconnect());
  await proxy.close();
  await server.stop();
});

/** A client of the library (on the `ws` package, its default in Node) through the proxy or straight to the server. */
function kuzzleVia(port: number, protocol: WebSocketProtocolOptions = {}, cookieAuth = false): Kuzzle {
  const kuzzle = new Kuzzle(new WebSocketProtocol('127.0.0.1', { port, reconnectionDelay: 20, maxReconnectionDelay: 50, ...protocol }), {
    cookieAuth,
  });
  clients.push(kuzzle);
  return kuzzle;
}

function nextEvent<T extends KuzzleEvent['type']>(kuzzle: Kuzzle, type: T): Promise<Extract<KuzzleEvent, { type: T }>> {
  return firstValueFrom(
    kuzzle.events$.pipe(
      filter((event): event is Extract<KuzzleEvent, { type: T }> => event.type === type),
      take(1),
      timeout(5000),
    ),
  );
}

/** The proxied connection the last WebSocket handshake opened. */
async function upgraded(): Promise<ProxiedConnection> {
  await eventually(() => proxy.connections.some((c) => c.kind === 'websocket'));
  return proxy.connections.filter((c) => c.kind === 'websocket').at(-1) as ProxiedConnection;
}

async function freshCollection(kuzzle: Kuzzle): Promise<string> {
  const index = `proxy${Math.random().toString(36).slice(2, 8)}`;
  await firstValueFrom(kuzzle.query({ controller: 'index', action: 'create', index }));
  await firstValueFrom(kuzzle.query({ controller: 'collection', action: 'create', index, collection: 'c' }));
  return index;
}

describe('startFaultProxy', () => {
  it('passes requests, responses and notifications through, and counts the frames each way', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 0 });
    const direct = kuzzleVia(server.port, { pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(direct.connect());
    const index = await freshCollection(kuzzle);
    const notified = firstValueFrom(kuzzle.realtime.subscribe(index, 'c', {}));
    await nextEvent(kuzzle, 'subscribed');
    await firstValueFrom(direct.realtime.publish(index, 'c', { hello: 'world' }));
    expect(await notified).toMatchObject({ type: 'document', result: { _source: { hello: 'world' } } });
    const connection = await upgraded();
    expect(connection).toMatchObject({ id: 1, kind: 'websocket', open: true });
    // index:create, collection:create, subscribe: three requests, three responses and one notification.
    expect(proxy.counters).toMatchObject({ accepted: 1, upgraded: 1, forwarded: { toServer: 3, toClient: 4 }, dropped: { toClient: 0 } });
  });

  it('forwards plain HTTP on the same port: a cookie login goes through the proxy', async () => {
    const opened = firstValueFrom(
      proxy.events$.pipe(
        filter((e) => e.type === 'opened'),
        take(3),
        toArray(),
      ),
    );
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 0 }, true);
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe(USER.username);
    // The first socket, the HTTP login, the socket reopened with the cookie.
    const kinds = (await opened).map((e) => (e.type === 'opened' ? e.connection.kind : 'none'));
    expect(kinds).toEqual(['websocket', 'http', 'websocket']);
  });

  it('refuses bad options and bad faults with named errors, changing nothing', async () => {
    await expect(startFaultProxy({ target: { host: '127.0.0.1', port: 0 } })).rejects.toThrow(InvalidOptionError);
    await expect(startFaultProxy({ target: { host: '127.0.0.1', port: 0 } })).rejects.toThrow(/startFaultProxy\.target\.port/);
    expect(() => proxy.all().latency(-1)).toThrow(
      new InvalidFaultError('latency', 'ms', 'must be a finite number of milliseconds >= 0, got -1'),
    );
    expect(() => proxy.all().latency({ toClient: 10, sideways: 1 } as never)).toThrow(InvalidFaultError);
    expect(() => proxy.all().close(1006)).toThrow(/cut\(\) gives 1006/);
    expect(() => proxy.all().swallow('up' as never, isKuzzlePong)).toThrow(/must be "toClient" or "toServer"/);
    expect(() => proxy.refuse(Number.NaN)).toThrow(InvalidFaultError);
    expect(proxy.refusing).toBe(false);
    expect(proxy.all().defaults.latency).toEqual({ toClient: 0, toServer: 0 });
  });
});

describe('FaultProxy faults, as a client sees them', () => {
  it('freeze: the client keep-alive reports the silent link and reconnects; the server side stays open', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 50, pongTimeout: 100 });
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    const back = nextEvent(kuzzle, 'reconnected');
    (await upgraded()).freeze();
    expect(await lost).toMatchObject({ origin: 'ping-timeout' });
    await back;
    // The frozen connection kept its server side: a half-open link, next to the new one.
    expect(server.connectionCount).toBe(2);
    expect(proxy.counters.dropped.toServer).toBeGreaterThan(0);
    expect(proxy.counters.accepted).toBe(2);
  });

  it('freeze: a server that goes away is not told to the client until thaw', async () => {
    const client = await WsClient.open(proxy.url);
    const connection = await upgraded();
    connection.freeze();
    server.dropAll();
    await eventually(() => server.connectionCount === 0);
    await sleep(50);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    connection.thaw();
    expect((await client.closed).code).toBe(1006);
  });

  it('swallowing the pongs alone: requests are still answered, the keep-alive gives up and the client reconnects', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 100, pongTimeout: 150 });
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    (await upgraded()).swallow('toClient', isKuzzlePong);
    expect(await firstValueFrom(kuzzle.query({ controller: 'server', action: 'now' }))).toMatchObject({ status: 200 });
    expect(await lost).toMatchObject({ origin: 'ping-timeout' });
    await nextEvent(kuzzle, 'reconnected');
    expect(proxy.counters.dropped.toClient).toBeGreaterThan(0);
  });

  it('swallowing notifications: responses pass, notifications are lost until swallowing stops', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    const index = await freshCollection(kuzzle);
    const seen: unknown[] = [];
    const subscription = kuzzle.realtime
      .subscribe(index, 'c', {})
      .subscribe((n) => seen.push(n.type === 'document' ? n.result._source : n));
    await nextEvent(kuzzle, 'subscribed');
    const connection = await upgraded();
    connection.swallow('toClient', isKuzzleNotification);
    await firstValueFrom(kuzzle.realtime.publish(index, 'c', { n: 1 }));
    connection.swallow('toClient', null);
    await firstValueFrom(kuzzle.realtime.publish(index, 'c', { n: 2 }));
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([expect.objectContaining({ n: 2 })]);
    expect(proxy.counters.dropped.toClient).toBe(1);
    subscription.unsubscribe();
  });

  it('cut: the client sees 1006, without a close frame', async () => {
    const client = await WsClient.open(proxy.url);
    (await upgraded()).cut();
    expect(await client.closed).toEqual({ code: 1006, reason: '' });
    await eventually(() => server.connectionCount === 0 && proxy.connections.length === 0);
  });

  it('close(4001): the client sees that code and reason, and the server side is closed', async () => {
    const client = await WsClient.open(proxy.url);
    await eventually(() => server.connectionCount === 1);
    (await upgraded()).close(4001, 'go away');
    expect(await client.closed).toEqual({ code: 4001, reason: 'go away' });
    await eventually(() => server.connectionCount === 0);
  });

  it('truncateNext: the client gets exactly the first bytes of the next frame, then the connection ends', async () => {
    const socket = tcpConnect(proxy.port, '127.0.0.1');
    const received: Buffer[] = [];
    const ended = new Promise<void>((resolve) => socket.on('data', (chunk: Buffer) => received.push(chunk)).on('close', () => resolve()));
    socket.write(
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    const connection = await upgraded();
    connection.truncateNext(4);
    socket.write(encodeFrame(OPCODES.text, Buffer.from('{"p":1}'), true));
    await ended;
    const all = Buffer.concat(received);
    const afterHead = all.subarray(all.indexOf('\r\n\r\n') + 4);
    // The pong frame is 81 07 {"p":2}: only 81 07 7b 22 arrive.
    expect([...afterHead]).toEqual([0x81, 0x07, 0x7b, 0x22]);
  });

  it('truncateNext: a ws client sees 1006 and never the truncated message', async () => {
    const client = await WsClient.open(proxy.url);
    (await upgraded()).truncateNext(20);
    client.send({ controller: 'server', action: 'now', requestId: 'cut-short' });
    expect((await client.closed).code).toBe(1006);
    expect(client.texts).toEqual([]);
  });

  it('inject: binary and 10 MB text frames reach the client intact, as if the server sent them', async () => {
    const client = await WsClient.open(proxy.url);
    const messages: Array<{ binary: boolean; data: Buffer }> = [];
    client.socket.on('message', (data, binary) => messages.push({ binary, data: data as Buffer }));
    const connection = await upgraded();
    connection.inject(new Uint8Array([0, 1, 2, 255]));
    const big = JSON.stringify({ big: 'x'.repeat(10 * 1024 * 1024) });
    connection.inject(big);
    await eventually(() => messages.length === 2, 10_000);
    const [binary, text] = messages;
    expect(binary).toEqual({ binary: true, data: Buffer.from([0, 1, 2, 255]) });
    expect(text?.binary).toBe(false);
    expect(text?.data.length).toBe(big.length);
    expect(text?.data.toString() === big).toBe(true);
    expect(proxy.counters.injected).toBe(2);
    // The stream is still in step: a request after the injections is answered.
    expect(await client.request({ controller: 'server', action: 'now' })).toMatchObject({ status: 200 });
  });

  it('inject: refused with NotAWebSocketError on a connection that is not an open WebSocket', async () => {
    const client = await WsClient.open(proxy.url);
    const connection = await upgraded();
    connection.cut();
    await client.closed;
    expect(() => connection.inject('late')).toThrow(new NotAWebSocketError(connection.id, 'inject'));
  });

  it('refuse(): attempts are turned away and counted until accept(), then the client reconnects', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    proxy.refuse();
    proxy.all().cut();
    await eventually(() => proxy.counters.refused >= 3);
    expect(proxy.counters.accepted).toBe(1);
    const back = nextEvent(kuzzle, 'reconnected');
    proxy.accept();
    await back;
    expect(proxy.counters.accepted).toBe(2);
  });

  it('refuse(ms, "close"): connections are accepted then closed at once, and accepted again after ms', async () => {
    proxy.refuse(300, 'close');
    expect(proxy.refusing).toBe(true);
    await expect(WsClient.open(proxy.url)).rejects.toThrow();
    expect(proxy.counters.refused).toBe(1);
    await eventually(() => !proxy.refusing);
    const client = await WsClient.open(proxy.url);
    expect(await client.request({ controller: 'server', action: 'now' })).toMatchObject({ status: 200 });
  });

  it('latency: the round trips of the client keep-alive grow by both directions', async () => {
    const kuzzle = kuzzleVia(proxy.port, { pingInterval: 50, pongTimeout: 1000 });
    const latencies: number[] = [];
    const measuring = kuzzle.latency$.subscribe((ms) => latencies.push(ms));
    await firstValueFrom(kuzzle.connect());
    await eventually(() => latencies.length >= 2);
    proxy.all().latency({ toClient: 40, toServer: 60 });
    const before = latencies.length;
    await eventually(() => latencies.length >= before + 3);
    // The first round trip after the change may have started before it; the next ones carry 40 + 60 ms.
    const after = Math.min(...latencies.slice(before + 1));
    expect(after).toBeGreaterThanOrEqual(100);
    expect(after).toBeGreaterThan(Math.min(...latencies.slice(0, before)));
    measuring.unsubscribe();
  });

  it('all(): lasting faults become the defaults of new connections', async () => {
    proxy.all().latency(80);
    const client = await WsClient.open(proxy.url);
    expect(proxy.connections[0]).toBeDefined();
    const started = Date.now();
    await client.request({ controller: 'server', action: 'now' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    proxy.all().pass();
    client.close();
  });
});
