import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { WebSocketProtocolOptions } from '../../../src/protocol/options';
import { clientHarness } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

function setup(options: WebSocketProtocolOptions = {}) {
  return clientHarness({ protocol: options, sequentialIds: false });
}

/** Events with their errors reduced to name and message. */
function plain(events: KuzzleEvent[]): unknown[] {
  return events.map((event) =>
    'error' in event && event.error instanceof Error
      ? { ...event, error: { name: event.error.name, message: event.error.message } }
      : event,
  );
}

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle connection events', () => {
  it('reports one disconnection when disconnect() stops a reconnection in progress', () => {
    const { kuzzle, events, at, runUntil } = setup({ reconnectionDelay: 1000 });
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => FakeWebSocket.nth(0).serverClose(1006, '', false));
    at(30, () => kuzzle.disconnect());
    runUntil(5000);

    expect(events.filter((event) => event.type === 'disconnected')).toEqual([{ type: 'disconnected', origin: 'network', code: 1006 }]);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('reports connected, disconnected by the server, reconnecting and reconnected', () => {
    const { kuzzle, events, at, runUntil } = setup();
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => FakeWebSocket.nth(0).serverClose(1001, 'server shutting down'));
    at(80, () => FakeWebSocket.nth(1).open());
    runUntil(100);

    expect(events).toEqual([
      { type: 'connected' },
      { type: 'disconnected', origin: 'server', code: 1001, reason: 'server shutting down' },
      { type: 'reconnecting', attempt: 1, delay: 50 },
      { type: 'reconnected' },
    ]);
  });

  it('reports a network error and a network disconnection when the socket fails', () => {
    const { kuzzle, events, at, runUntil } = setup();
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => FakeWebSocket.nth(0).fail(new Error('read ECONNRESET')));
    runUntil(30);

    expect(plain(events)).toEqual([
      { type: 'connected' },
      { type: 'disconnected', origin: 'network' },
      { type: 'networkError', error: { name: 'Error', message: 'read ECONNRESET' } },
      { type: 'reconnecting', attempt: 1, delay: 50 },
    ]);
  });

  it('reports a failed first attempt as a network error, without a disconnection', () => {
    const { kuzzle, events, at, runUntil } = setup();
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).fail());
    runUntil(30);

    expect(plain(events)).toEqual([
      { type: 'networkError', error: { name: 'Error', message: 'connect ECONNREFUSED' } },
      { type: 'reconnecting', attempt: 1, delay: 50 },
    ]);
  });

  it('reports a ping timeout as a disconnection of origin ping-timeout', () => {
    const { kuzzle, events, at, runUntil } = setup({ pingInterval: 100, pongTimeout: 50 });
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).open());
    runUntil(200);

    expect(events).toEqual([
      { type: 'connected' },
      { type: 'disconnected', origin: 'ping-timeout' },
      { type: 'reconnecting', attempt: 1, delay: 50 },
    ]);
    expect(FakeWebSocket.nth(0).terminated).toBe(true);
  });

  it('reports the round trip of each ping on latency$', () => {
    const { kuzzle, at, runUntil } = setup({ pingInterval: 100, pongTimeout: 50 });
    const latencies: number[] = [];
    kuzzle.latency$.subscribe((ms) => latencies.push(ms));
    kuzzle.connect().subscribe();
    at(10, () => FakeWebSocket.nth(0).open());
    at(125, () => FakeWebSocket.nth(0).receive('{"p":2}'));
    at(213, () => FakeWebSocket.nth(0).receive('{"p":2}'));
    runUntil(250);

    expect(latencies).toEqual([15, 3]);
  });

  it('reports a disconnection of origin user, code 1000, after disconnect()', () => {
    const { kuzzle, events } = setup();
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();
    kuzzle.disconnect();

    expect(events).toEqual([{ type: 'connected' }, { type: 'disconnected', origin: 'user', code: 1000 }]);
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: '' });
  });

  it('reports reconnectionFailed when the policy gives up', () => {
    const { kuzzle, events, at, runUntil } = setup({ maxReconnectionAttempts: 1 });
    kuzzle.connect().subscribe({ error: () => undefined });
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => FakeWebSocket.nth(0).serverClose(1001));
    at(80, () => FakeWebSocket.nth(1).fail());
    runUntil(1000);

    expect(plain(events).slice(-2)).toEqual([
      { type: 'networkError', error: { name: 'Error', message: 'connect ECONNREFUSED' } },
      {
        type: 'reconnectionFailed',
        error: {
          name: 'ReconnectionFailedError',
          message: 'Connection given up after 1 attempt(s): WebSocket could not open (network: connect ECONNREFUSED)',
        },
      },
    ]);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
