import { asyncScheduler } from 'rxjs';
import type { ConnectionState } from '../../../src';
import { createTestingKuzzle } from '../../../src/testing';
import { observe } from '../../support/client-harness';

// The link between the client and the testing backend: dropped and restored by the test, on the backend's clock.
// With the testing protocol options, the first reconnection attempt comes 500 ms after a loss, the second 1000 ms
// after the first fails.

function states(kuzzle: { state$: { subscribe(next: (state: ConnectionState) => void): unknown } }): ConnectionState[] {
  const seen: ConnectionState[] = [];
  kuzzle.state$.subscribe((state) => seen.push(state));
  return seen;
}

describe('KuzzleTestingBackend: the link', () => {
  it('connects the client before createTestingKuzzle returns', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    expect(states(kuzzle)).toEqual(['connected']);
    expect(backend.sockets).toHaveLength(1);
    expect(backend.linkUp).toBe(true);
  });

  it('with connect: false, accepts the connection the client opens once the clock runs', () => {
    const { kuzzle, backend } = createTestingKuzzle({ connect: false });
    const seen = states(kuzzle);
    kuzzle.connect().subscribe();
    expect(seen).toEqual(['offline', 'connecting']);
    backend.tick();
    expect(seen).toEqual(['offline', 'connecting', 'connected']);
  });

  it('drops the link, refuses connections until restored, then the client reconnects with its backoff', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    const seen = states(kuzzle);

    backend.dropLink();
    expect(seen).toEqual(['connected', 'reconnecting']);
    expect(backend.linkUp).toBe(false);
    backend.tick(500);
    expect(backend.sockets).toHaveLength(2);
    expect(backend.socket.readyState).toBe(backend.socket.CLOSED);

    backend.restoreLink();
    backend.tick(999);
    expect(seen.at(-1)).toBe('reconnecting');
    backend.tick(1);
    expect(backend.sockets).toHaveLength(3);
    expect(seen).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('closes with the code and reason given', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    const events: unknown[] = [];
    kuzzle.events$.subscribe((event) => events.push(event));
    backend.dropLink({ code: 1001, reason: 'going away' });
    expect(events).toContainEqual({ type: 'disconnected', origin: 'server', code: 1001, reason: 'going away' });
  });

  it('restores the subscriptions on the new connection, with the same channels', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    const orders = observe(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}));
    backend.dropLink();
    expect(backend.subscriptions).toEqual([]);
    expect(() => backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'lost' })).toThrow(/no live subscription/);

    backend.restoreLink();
    backend.tick(500);
    backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1' });

    const kinds = orders.values.map((event) => {
      if (event.type === 'status') return `${event.state}${event.state === 'live' && event.restored ? ' (restored)' : ''}`;
      return event.type === 'document' ? event.result._id : event.type;
    });
    expect(kinds).toEqual(['live', 'restoring', 'live (restored)', 'o1']);
    expect(backend.subscriptions.map((s) => s.channel)).toEqual(['room-1-all-none']);
  });

  it('forgets the requests of a dropped connection: the client sends its read-only ones again', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    const order = observe(kuzzle.document.get('shop', 'orders', 'o1'));
    const lost = backend.expectOne('document:get');
    const write = observe(kuzzle.document.create('shop', 'orders', { total: 1 }, 'o2'));
    backend.dropLink();
    expect(write.error).toMatchObject({ name: 'ConnectionLostError' });
    backend.verify();
    expect(() => lost.respond({})).toThrow(/is closed/);

    backend.restoreLink();
    backend.tick(500);
    backend.expectOne({ action: 'get', _id: 'o1' }).respond({ _id: 'o1', _source: {}, _version: 1 });
    expect(order.values).toEqual([{ _id: 'o1', _source: {}, _version: 1 }]);
    backend.verify();
  });

  it('answers pings, so that a client with its keep-alive on stays connected', () => {
    const { kuzzle, backend } = createTestingKuzzle({ protocol: { pingInterval: 1000, pongTimeout: 100 } });
    const seen = states(kuzzle);
    backend.tick(5000);
    expect(backend.socket.pings).toBe(5);
    expect(seen).toEqual(['connected']);
    kuzzle.disconnect();
  });

  it('lets the keep-alive declare the link dead with answerPings: false', () => {
    const { kuzzle, backend } = createTestingKuzzle({ answerPings: false, protocol: { pingInterval: 1000, pongTimeout: 100 } });
    const events: string[] = [];
    kuzzle.events$.subscribe((event) => events.push(event.type === 'disconnected' ? `disconnected:${event.origin}` : event.type));
    backend.tick(1100);
    expect(events).toContain('disconnected:ping-timeout');
    kuzzle.disconnect();
  });

  it('tick() refuses a negative time, and real time', () => {
    const { kuzzle, backend } = createTestingKuzzle();
    expect(() => backend.tick(-1)).toThrow('tick(): ms must be 0 or more, got -1');
    const real = createTestingKuzzle({ scheduler: asyncScheduler, connect: false });
    expect(() => real.backend.tick(10)).toThrow(/not a TestScheduler/);
    kuzzle.disconnect();
  });

  it('runs on real time with asyncScheduler: the handshake and the acknowledgements come by themselves', async () => {
    const { kuzzle, backend } = createTestingKuzzle({ scheduler: asyncScheduler, acknowledgeDelay: 5 });
    const orders = observe(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}));
    expect(orders.values).toEqual([{ type: 'status', state: 'pending' }]);
    await new Promise((resolve) => asyncScheduler.schedule(resolve, 20));
    expect(orders.values.at(-1)).toMatchObject({ type: 'status', state: 'live' });
    expect(backend.subscriptions).toHaveLength(1);
    kuzzle.disconnect();
  });
});
