import { config, first, Subject, takeUntil } from 'rxjs';
import type { KuzzleOptions } from '../../../src/client/options';
import type { Notification } from '../../../src/vocabulary/notifications';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { documentNotification } from '../../support/notification-frames';

function setup(options: KuzzleOptions = {}) {
  return clientHarness({ kuzzle: options });
}

const ids = (notifications: Notification[]) => notifications.map((n) => (n.type === 'document' ? n.result._id : n.type));
const sentActions = (socket: FakeWebSocket) =>
  socket.requests.map((request) => `${String(request['controller'])}:${String(request['action'])}`);

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle realtime subscriptions', () => {
  it('subscribes once on the server for two identical local subscribers, and delivers to both', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const first = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { color: 'red' } }));
    const second = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { color: 'red' } }));

    expect(socket.requests).toEqual([
      expect.objectContaining({
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: { equals: { color: 'red' } },
        scope: 'all',
        users: 'none',
      }),
    ]);
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    expect(events.at(-1)).toEqual({ type: 'subscribed', roomId: 'room-1', channel: 'room-1-111', index: 'i', collection: 'c' });

    socket.receiveJson(documentNotification('room-1-111', 'd1'));
    expect(ids(first.values)).toEqual(['d1']);
    expect(ids(second.values)).toEqual(['d1']);
  });

  it('treats filters with the same content in another key order as identical', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(kuzzle.realtime.subscribe('i', 'c', { and: [{ equals: { a: 1 } }], or: [] }));
    observe(kuzzle.realtime.subscribe('i', 'c', { or: [], and: [{ equals: { a: 1 } }] }));
    expect(sentActions(socket)).toEqual(['realtime:subscribe']);
  });

  it('tells apart filters that differ in a date, in array order or in a "__proto__" key', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(kuzzle.realtime.subscribe('i', 'c', { range: { at: { gte: new Date('2026-01-01T00:00:00Z') } } }));
    observe(kuzzle.realtime.subscribe('i', 'c', { range: { at: { gte: new Date('2026-06-01T00:00:00Z') } } }));
    observe(kuzzle.realtime.subscribe('i', 'c', { in: { a: ['x', 'y'] } }));
    observe(kuzzle.realtime.subscribe('i', 'c', { in: { a: ['y', 'x'] } }));
    observe(kuzzle.realtime.subscribe('i', 'c', JSON.parse('{"equals":{"__proto__":1}}') as Record<string, unknown>));
    observe(kuzzle.realtime.subscribe('i', 'c', JSON.parse('{"equals":{"__proto__":2}}') as Record<string, unknown>));
    expect(sentActions(socket)).toEqual(Array.from({ length: 6 }, () => 'realtime:subscribe'));
  });

  it('sends nothing before a subscriber comes', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    kuzzle.realtime.subscribe('i', 'c');
    expect(socket.requests).toEqual([]);
  });

  it('unsubscribes on the server when the last local subscriber leaves, and only then', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const first = observe(kuzzle.realtime.subscribe('i', 'c'));
    const second = observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    first.unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe']);
    socket.receiveJson(documentNotification('room-1-111', 'd1'));
    expect(ids(first.values)).toEqual([]);
    expect(ids(second.values)).toEqual(['d1']);

    second.unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:unsubscribe']);
    expect(socket.lastRequest).toMatchObject({ index: 'i', collection: 'c', body: { roomId: 'room-1' } });
    socket.respond(socket.lastRequest, { roomId: 'room-1' });

    socket.receiveJson(documentNotification('room-1-111', 'd2'));
    expect(events.at(-1)).toMatchObject({ type: 'discarded', reason: 'unknown-room' });
  });

  it('unsubscribes on the server once acknowledged when the subscriber left before the acknowledgement', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(kuzzle.realtime.subscribe('i', 'c')).unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe']);

    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:unsubscribe']);
    expect(socket.lastRequest['body']).toEqual({ roomId: 'room-1' });
  });

  it('errors with the KuzzleError of a refused subscription', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c', { invalid: {} }));
    socket.respondError(socket.lastRequest, {
      id: 'koncorde.unknown_keyword',
      message: 'Unknown Koncorde keyword: invalid.',
      status: 400,
      code: 1,
    });

    expect(nameAndMessage(notifications.error)).toEqual({ name: 'KuzzleError', message: 'Unknown Koncorde keyword: invalid.' });
    expect(notifications.error).toMatchObject({ status: 400, id: 'koncorde.unknown_keyword' });
  });

  it('subscribes again after a refusal', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respondError(socket.lastRequest, { id: 'security.rights.unauthorized', message: 'Unauthorized', status: 403 });

    observe(kuzzle.realtime.subscribe('i', 'c'));
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:subscribe']);
  });

  it('does not deliver the notifications of its own requests when subscribeToSelf is false', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const others = observe(kuzzle.realtime.subscribe('i', 'c', {}, { subscribeToSelf: false }));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    socket.receiveJson({ ...documentNotification('room-1-111', 'mine'), volatile: { sdkInstanceId: kuzzle.instanceId } });
    socket.receiveJson({ ...documentNotification('room-1-111', 'theirs'), volatile: { sdkInstanceId: 'someone-else' } });
    expect(ids(others.values)).toEqual(['theirs']);
  });
});

describe('Kuzzle realtime rooms sharing a roomId', () => {
  it('keeps the server subscription while another channel of the same roomId is in use', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const all = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { a: 1 } }, { scope: 'all' }));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    const entering = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { a: 1 } }, { scope: 'in' }));
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:subscribe']);
    expect(socket.lastRequest).toMatchObject({ scope: 'in' });
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-211' });

    socket.receiveJson(documentNotification('room-1-111', 'to-all'));
    socket.receiveJson(documentNotification('room-1-211', 'to-entering'));
    expect(ids(all.values)).toEqual(['to-all']);
    expect(ids(entering.values)).toEqual(['to-entering']);

    all.unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:subscribe']);
    socket.receiveJson(documentNotification('room-1-211', 'still-entering'));
    expect(ids(entering.values)).toEqual(['to-entering', 'still-entering']);

    entering.unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:subscribe', 'realtime:unsubscribe']);
    expect(socket.lastRequest['body']).toEqual({ roomId: 'room-1' });
  });

  it('keeps the server subscription while a subscription with the same filters awaits its acknowledgement', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const all = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { a: 1 } }));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    const leaving = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { a: 1 } }, { scope: 'out' }));
    const pendingRequest = socket.lastRequest;

    all.unsubscribe();
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:subscribe']);
    socket.respond(pendingRequest, { roomId: 'room-1', channel: 'room-1-311' });
    socket.receiveJson(documentNotification('room-1-311', 'd1'));
    expect(ids(leaving.values)).toEqual(['d1']);
  });
});

describe('Kuzzle realtime restoration after a reconnection', () => {
  it('resubscribes every live room before reporting reconnected, and emits resubscribed', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c', { equals: { a: 1 } }));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    const originalRequest = first.lastRequest;

    const second = reconnect();
    expect(sentActions(second)).toEqual(['realtime:subscribe']);
    expect(second.lastRequest).toMatchObject({ index: 'i', collection: 'c', body: originalRequest['body'], scope: 'all', users: 'none' });
    expect(events.some((event) => event.type === 'reconnected')).toBe(false);
    expect(kuzzle.protocol.isOpen).toBe(true);

    second.respond(second.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    expect(events.slice(-2)).toEqual([
      { type: 'resubscribed', roomId: 'room-1', channel: 'room-1-111', index: 'i', collection: 'c' },
      { type: 'reconnected' },
    ]);

    second.receiveJson(documentNotification('room-1-111', 'after'));
    expect(ids(notifications.values)).toEqual(['after']);
    expect(notifications.error).toBeUndefined();
  });

  it('sends the requests made during the restoration after it', () => {
    const { kuzzle, connect, reconnect } = setup();
    const first = connect();
    observe(kuzzle.realtime.subscribe('i', 'c'));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    const second = reconnect();
    observe(kuzzle.server.now());
    expect(sentActions(second)).toEqual(['realtime:subscribe']);
    second.respond(second.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    expect(sentActions(second)).toEqual(['realtime:subscribe', 'server:now']);
  });

  it('routes notifications to the new channel when the server gives another one', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'old-channel' });

    const second = reconnect();
    second.respond(second.lastRequest, { roomId: 'room-1', channel: 'new-channel' });
    second.receiveJson(documentNotification('new-channel', 'd1'));
    second.receiveJson(documentNotification('old-channel', 'd2'));

    expect(ids(notifications.values)).toEqual(['d1']);
    expect(events.at(-1)).toMatchObject({ type: 'discarded', reason: 'unknown-room' });
  });

  it('errors a subscription the server refuses to restore with SubscriptionLostError, and still reconnects', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    const second = reconnect();
    second.respondError(second.lastRequest, { id: 'security.rights.unauthorized', message: 'Unauthorized', status: 403 });

    expect(nameAndMessage(notifications.error)).toEqual({
      name: 'SubscriptionLostError',
      message: 'Subscription room-1 lost: Unauthorized',
    });
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
  });

  it('restores the subscriptions after two reconnections in quick succession', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    const second = reconnect();
    expect(sentActions(second)).toEqual(['realtime:subscribe']);
    const third = reconnect();
    expect(sentActions(third)).toEqual(['realtime:subscribe']);
    third.respond(third.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    expect(events.slice(-2)).toEqual([
      { type: 'resubscribed', roomId: 'room-1', channel: 'room-1-111', index: 'i', collection: 'c' },
      { type: 'reconnected' },
    ]);
    third.receiveJson(documentNotification('room-1-111', 'd1'));
    expect(ids(notifications.values)).toEqual(['d1']);
  });

  it('unsubscribes on the server a room whose last subscriber left while it was being restored', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    first.respond(first.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    const second = reconnect();
    const resubscription = second.lastRequest;
    notifications.unsubscribe();
    second.respond(resubscription, { roomId: 'room-1', channel: 'room-1-111' });

    expect(sentActions(second)).toEqual(['realtime:subscribe', 'realtime:unsubscribe']);
    expect(second.lastRequest['body']).toEqual({ roomId: 'room-1' });
    expect(events.some((event) => event.type === 'resubscribed')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
  });

  it('does not restore a room whose subscribers all left', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    observe(kuzzle.realtime.subscribe('i', 'c')).unsubscribe();
    first.respond(first.requests[0] ?? {}, { roomId: 'room-1', channel: 'room-1-111' });

    const second = reconnect();
    expect(second.requests).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
  });

  it('sends a subscription still awaiting its acknowledgement again on the new socket', () => {
    const { kuzzle, connect, reconnect, events } = setup();
    const first = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    expect(sentActions(first)).toEqual(['realtime:subscribe']);

    const second = reconnect();
    expect(sentActions(second)).toEqual(['realtime:subscribe']);
    second.respond(second.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });
    expect(events.at(-1)).toEqual({ type: 'subscribed', roomId: 'room-1', channel: 'room-1-111', index: 'i', collection: 'c' });
    second.receiveJson(documentNotification('room-1-111', 'd1'));
    expect(ids(notifications.values)).toEqual(['d1']);
  });
});

describe('Kuzzle realtime subscriptions when the connection ends for good', () => {
  it('ends every subscription with SubscriptionLostError on disconnect()', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    kuzzle.disconnect();
    expect(nameAndMessage(notifications.error)).toEqual({
      name: 'SubscriptionLostError',
      message: 'Subscription room-1 lost: disconnect() was called',
    });
  });

  it('ends every subscription with SubscriptionLostError when the reconnection policy gives up', () => {
    const { kuzzle, connect, runUntil, scheduler } = setup();
    const socket = connect();
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-111' });

    socket.serverClose(1002, 'protocol error');
    runUntil(scheduler.now() + 10_000);
    expect(nameAndMessage(notifications.error)).toEqual({
      name: 'SubscriptionLostError',
      message: 'Subscription room-1 lost: WebSocket lost (server, code 1002, protocol error)',
    });
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('Kuzzle realtime subscribers in isolation', () => {
  afterEach(() => {
    config.onUnhandledError = null;
  });

  it('keeps delivering to the others, in server order, when one subscriber throws', async () => {
    const thrown: unknown[] = [];
    config.onUnhandledError = (error) => thrown.push(error);
    const { kuzzle, connect } = setup();
    const socket = connect();
    kuzzle.realtime.subscribe('i', 'c', {}).subscribe(() => {
      throw new Error('subscriber bug');
    });
    const healthy = observe(kuzzle.realtime.subscribe('i', 'c', {}));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-311' });

    socket.receiveJson(documentNotification('room-1-311', 'd1'));
    socket.receiveJson(documentNotification('room-1-311', 'd2'));
    socket.receiveJson(documentNotification('room-1-311', 'd3'));

    expect(ids(healthy.values)).toEqual(['d1', 'd2', 'd3']);
    expect(healthy.error).toBeUndefined();
    // rxjs reports a throwing subscriber's error on the next macrotask, to rxjs's unhandled-error hook.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const bug = { name: 'Error', message: 'subscriber bug' };
    expect(thrown.map(nameAndMessage)).toEqual([bug, bug, bug]);
    const answer = observe(kuzzle.server.now());
    socket.respond(socket.lastRequest, { now: 7 });
    expect(answer.values).toEqual([7]);
  });

  it('unsubscribes on the server when takeUntil or first() ends the last subscriber', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const stop = new Subject<void>();
    observe(kuzzle.realtime.subscribe('i', 'c', {}).pipe(takeUntil(stop)));
    const firstOnly = observe(kuzzle.realtime.subscribe('i', 'c', {}).pipe(first()));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: 'room-1-311' });

    socket.receiveJson(documentNotification('room-1-311', 'd1'));
    expect(firstOnly.completed).toBe(true);
    expect(sentActions(socket)).toEqual(['realtime:subscribe']);

    stop.next();
    expect(sentActions(socket)).toEqual(['realtime:subscribe', 'realtime:unsubscribe']);
    expect(socket.lastRequest['body']).toEqual({ roomId: 'room-1' });
  });
});
