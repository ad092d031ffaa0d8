import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { KuzzleOptions } from '../../../src/client/options';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

function setup(options: KuzzleOptions = {}) {
  return clientHarness({ kuzzle: options });
}

const types = (events: KuzzleEvent[]) => events.map((event) => event.type);

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle offline queue', () => {
  it('fails a request at once with NotConnectedError when the client never connected', () => {
    const { kuzzle } = setup();
    const response = observe(kuzzle.server.now());
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send server:now: the client is offline (call connect() first)',
    });
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('fails a request at once with NotConnectedError after disconnect()', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    kuzzle.disconnect();
    const response = observe(kuzzle.server.now());
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send server:now: the client is offline (call connect() first)',
    });
    expect(socket.requests).toEqual([]);
  });

  it('sends the requests made while connecting once connected, in order', () => {
    const { kuzzle, events } = setup();
    kuzzle.connect().subscribe();
    const responses = [
      observe(kuzzle.query({ controller: 'server', action: 'now' })),
      observe(kuzzle.query({ controller: 'document', action: 'create', index: 'i', collection: 'c', body: {} })),
      observe(kuzzle.query({ controller: 'server', action: 'info' })),
    ];
    expect(types(events)).toEqual(['queued', 'queued', 'queued']);

    const socket = FakeWebSocket.last;
    socket.open();
    expect(socket.requests.map((request) => `${String(request['controller'])}:${String(request['action'])}`)).toEqual([
      'server:now',
      'document:create',
      'server:info',
    ]);
    expect(types(events)).toEqual(['queued', 'queued', 'queued', 'replayed', 'replayed', 'replayed', 'connected']);

    for (const request of socket.requests) socket.respond(request, {});
    expect(responses.map((response) => response.completed)).toEqual([true, true, true]);
  });

  it('fails a non-queuable request made while connecting with NotConnectedError', () => {
    const { kuzzle } = setup();
    kuzzle.connect().subscribe();
    const response = observe(kuzzle.server.now({ queuable: false }));
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send server:now: the client is connecting and the request is not queuable',
    });
  });

  it('drops a request beyond queueMaxSize with RequestDroppedError and a dropped event', () => {
    const { kuzzle, events } = setup({ queueMaxSize: 2 });
    kuzzle.connect().subscribe();
    const first = observe(kuzzle.server.now());
    const second = observe(kuzzle.server.now());
    const third = observe(kuzzle.query({ controller: 'server', action: 'info' }));

    expect(nameAndMessage(third.error)).toEqual({
      name: 'RequestDroppedError',
      message: 'Request server:info dropped from the offline queue (queue-full)',
    });
    expect(events).toContainEqual({
      type: 'dropped',
      reason: 'queue-full',
      request: expect.objectContaining({ requestId: 'id-3' }) as unknown,
    });
    expect(first.error).toBeUndefined();
    expect(second.error).toBeUndefined();

    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.requests.map((request) => request['requestId'])).toEqual(['id-1', 'id-2']);
  });

  it('makes room in the queue as requests leave it', () => {
    const { kuzzle } = setup({ queueMaxSize: 1 });
    kuzzle.connect().subscribe();
    const subscription = kuzzle.server.now().subscribe({ error: () => undefined });
    subscription.unsubscribe();
    const next = observe(kuzzle.server.now());
    expect(next.error).toBeUndefined();
  });

  it('drops a request that waited longer than queueMaxAge with RequestDroppedError and a dropped event', () => {
    const { kuzzle, events, runUntil, at } = setup({ queueMaxAge: 500, requestTimeout: 0 });
    kuzzle.connect().subscribe();
    const response = observe(kuzzle.server.now());
    at(300, () => FakeWebSocket.last.fail()); // retried at 350

    runUntil(499);
    expect(response.error).toBeUndefined();
    runUntil(500);
    expect(nameAndMessage(response.error)).toEqual({
      name: 'RequestDroppedError',
      message: 'Request server:now dropped from the offline queue (max-age)',
    });
    expect(events).toContainEqual({
      type: 'dropped',
      reason: 'max-age',
      request: expect.objectContaining({ requestId: 'id-1' }) as unknown,
    });

    at(600, () => FakeWebSocket.last.open());
    runUntil(700);
    expect(FakeWebSocket.last.requests).toEqual([]);
  });

  it('fails the waiting requests with NotConnectedError when disconnect() is called', () => {
    const { kuzzle } = setup();
    kuzzle.connect().subscribe({ error: () => undefined });
    const response = observe(kuzzle.server.now());
    kuzzle.disconnect();
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send server:now: the client went offline while the request waited',
    });
  });

  it('fails the waiting requests with NotConnectedError when the reconnection policy gives up', () => {
    const { kuzzle, at, runUntil } = setup();
    const states = observe(kuzzle.state$);
    kuzzle.connect().subscribe({ error: () => undefined });
    const response = observe(kuzzle.server.now());
    at(10, () => FakeWebSocket.last.serverClose(1002, 'protocol error'));
    runUntil(100);

    expect(states.values.at(-1)).toBe('offline');
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send server:now: the client went offline while the request waited',
    });
  });

  it('queues the requests made while reconnecting and sends them on the new socket', () => {
    const { kuzzle, connect, events, runUntil } = setup();
    const first = connect();
    first.serverClose(1001);
    const response = observe(kuzzle.server.now());
    expect(events.at(-1)).toEqual({ type: 'queued', request: expect.objectContaining({ requestId: 'id-1' }) as unknown });

    runUntil(50);
    const second = FakeWebSocket.last;
    second.open();
    expect(first.requests).toEqual([]);
    expect(second.requests.map((request) => request['requestId'])).toEqual(['id-1']);
    second.respond(second.lastRequest, { now: 5 });
    expect(response.values).toEqual([5]);
  });
});

describe('Kuzzle requests in flight when the connection drops', () => {
  it('re-sends a read-only request on the next socket and delivers its response', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const response = observe(kuzzle.query({ controller: 'document', action: 'get', index: 'i', collection: 'c', _id: 'd1' }));
    const sent = first.lastRequest;

    const second = reconnect();
    expect(second.requests).toEqual([sent]);
    expect(response.error).toBeUndefined();
    second.respond(second.lastRequest, { _id: 'd1', _source: {} });
    expect(response.values.map((r) => r.result)).toEqual([{ _id: 'd1', _source: {} }]);
    expect(response.completed).toBe(true);
    expect(types(events)).toEqual(['connected', 'disconnected', 'queued', 'reconnecting', 'replayed', 'reconnected']);
  });

  it('fails a request that is not read-only with ConnectionLostError, without re-sending it', () => {
    const { kuzzle, connect, reconnect } = setup();
    connect();
    const response = observe(kuzzle.query({ controller: 'document', action: 'create', index: 'i', collection: 'c', body: {} }));

    const next = reconnect();
    expect(nameAndMessage(response.error)).toEqual({
      name: 'ConnectionLostError',
      message:
        'Connection lost before document:create (id-1) was answered; it was not re-sent because it is not read-only (opt in with resendAfterReconnect)',
    });
    expect(next.requests).toEqual([]);
  });

  it('re-sends a request that is not read-only when the call opted in with resendAfterReconnect', () => {
    const { kuzzle, connect, reconnect } = setup();
    const first = connect();
    const response = observe(
      kuzzle.query(
        { controller: 'document', action: 'createOrReplace', index: 'i', collection: 'c', _id: 'd1', body: {} },
        { resendAfterReconnect: true },
      ),
    );
    const sent = first.lastRequest;

    const second = reconnect();
    expect(second.requests).toEqual([sent]);
    second.respond(second.lastRequest, { _id: 'd1' });
    expect(response.completed).toBe(true);
    expect(response.error).toBeUndefined();
  });

  it('fails the requests in flight with typed errors on disconnect()', () => {
    const { kuzzle, connect } = setup();
    connect();
    const read = observe(kuzzle.server.now());
    const write = observe(kuzzle.query({ controller: 'document', action: 'delete', index: 'i', collection: 'c', _id: 'd1' }));
    kuzzle.disconnect();

    expect((read.error as Error).name).toBe('NotConnectedError');
    expect((write.error as Error).name).toBe('ConnectionLostError');
  });
});
