import type { Notification, SubscriptionEvent } from '../../../src';
import { createTestingKuzzle } from '../../../src/testing';
import { observe } from '../../support/client-harness';

// Subscriptions on the testing backend: acknowledged as the server does, and fed by the notifications a test pushes.

const ids = (notifications: readonly Notification[]) =>
  notifications.map((n) => (n.type === 'document' ? `${n.action}:${n.result._id}` : `user:${n.user}:${n.result.count}`));

describe('KuzzleTestingBackend: realtime', () => {
  describe('acknowledgements', () => {
    it('acknowledges subscriptions by itself and lists them, with the server defaults made explicit', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const status = observe(kuzzle.realtime.subscribeWithStatus('shop', 'orders', { equals: { status: 'open' } }));
      expect(status.values).toEqual([{ type: 'status', state: 'live', roomId: 'room-1', channel: 'room-1-all-none', restored: false }]);
      expect(backend.subscriptions).toEqual([
        {
          index: 'shop',
          collection: 'orders',
          filters: { equals: { status: 'open' } },
          scope: 'all',
          users: 'none',
          volatile: expect.objectContaining({ sdkInstanceId: kuzzle.instanceId }),
          roomId: 'room-1',
          channel: 'room-1-all-none',
        },
      ]);
      backend.verify();
    });

    it('gives the same roomId to the same filters, whatever the key order, and a channel per scope and users', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', { range: { total: { gte: 1, lt: 9 } } }));
      observe(kuzzle.realtime.subscribe('shop', 'orders', { range: { total: { lt: 9, gte: 1 } } }, { scope: 'in', users: 'all' }));
      observe(kuzzle.realtime.subscribe('shop', 'orders', { exists: 'total' }));
      expect(backend.subscriptions.map((s) => s.channel)).toEqual(['room-1-all-none', 'room-1-in-all', 'room-2-all-none']);
    });

    it('answers the unsubscription of the last subscriber, which ends the subscription on the server side', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const orders = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      orders.unsubscribe();
      expect(backend.requests.map((r) => [r.action, r.answered])).toEqual([
        ['realtime:subscribe', true],
        ['realtime:unsubscribe', true],
      ]);
      expect(backend.subscriptions).toEqual([]);
    });

    it('leaves them to the test with acknowledgeSubscriptions: false', () => {
      const { kuzzle, backend } = createTestingKuzzle({ acknowledgeSubscriptions: false });
      const status = observe(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}));
      expect(status.values).toEqual([{ type: 'status', state: 'pending' }]);
      expect(backend.subscriptions).toEqual([]);

      const ids = backend.expectOne({ controller: 'realtime', action: 'subscribe', index: 'shop' }).acknowledge();

      expect(ids).toEqual({ roomId: 'room-1', channel: 'room-1-all-none' });
      expect(status.values.at(-1)).toEqual({ type: 'status', state: 'live', ...ids, restored: false });
      status.unsubscribe();
      backend.expectOne('realtime:unsubscribe').respond({ roomId: 'room-1' });
      expect(backend.subscriptions).toEqual([]);
      backend.verify();
    });

    it('records a subscription acknowledged by hand with ids of the test', () => {
      const { kuzzle, backend } = createTestingKuzzle({ acknowledgeSubscriptions: false });
      const orders = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      backend.expectOne('realtime:subscribe').respond({ roomId: 'r', channel: 'r-1' });
      backend.notifyDocument({ channel: 'r-1' }, { _id: 'o1' });
      expect(ids(orders.values)).toEqual(['create:o1']);
    });

    it('refuses acknowledge() on another action', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      expect(() => backend.expectOne('server:now').acknowledge()).toThrow('acknowledge(): server:now is not a realtime:subscribe request');
    });
  });

  describe('notifyDocument', () => {
    it('pushes the notification the server would send, to the subscriptions of the collection', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const orders = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      backend.tick(25);

      const sent = backend.notifyDocument(
        { index: 'shop', collection: 'orders' },
        { action: 'update', _id: 'o1', _source: { total: 13 }, _updatedFields: ['total'] },
      );

      expect(orders.values).toEqual(sent);
      expect(sent).toEqual([
        {
          type: 'document',
          status: 200,
          action: 'update',
          scope: 'in',
          event: 'write',
          result: { _id: 'o1', _source: { total: 13 }, _updatedFields: ['total'] },
          requestId: 'testing-backend-1',
          timestamp: 25,
          volatile: null,
          index: 'shop',
          collection: 'orders',
          controller: 'document',
          protocol: 'websocket',
          room: 'room-1-all-none',
        },
      ]);
    });

    it('makes deletions leave the filters and publications realtime messages', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const orders = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      const target = { index: 'shop', collection: 'orders' };
      const [deleted] = backend.notifyDocument(target, { action: 'delete', _id: 'o1' });
      const [message] = backend.notifyDocument(target, { action: 'publish', _source: { text: 'hello' } });
      expect(deleted).toMatchObject({ action: 'delete', scope: 'out', event: 'delete', controller: 'document' });
      expect(message).toMatchObject({
        action: 'publish',
        scope: 'in',
        event: 'publish',
        controller: 'realtime',
        result: { _source: { text: 'hello' } },
      });
      expect(message?.result).not.toHaveProperty('_id');
      expect(orders.values).toHaveLength(2);
    });

    it('targets the subscriptions with the filters given, a room, or a channel', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const open = observe(kuzzle.realtime.subscribe('shop', 'orders', { equals: { status: 'open' } }));
      const paid = observe(kuzzle.realtime.subscribe('shop', 'orders', { equals: { status: 'paid' } }));
      const paidIn = observe(kuzzle.realtime.subscribe('shop', 'orders', { equals: { status: 'paid' } }, { scope: 'in' }));

      backend.notifyDocument({ index: 'shop', collection: 'orders', filters: { equals: { status: 'open' } } }, { _id: 'a' });
      backend.notifyDocument({ roomId: 'room-2' }, { _id: 'b' });
      backend.notifyDocument({ channel: 'room-2-in-none' }, { _id: 'c' });
      backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'd' });

      expect(ids(open.values)).toEqual(['create:a', 'create:d']);
      expect(ids(paid.values)).toEqual(['create:b', 'create:d']);
      expect(ids(paidIn.values)).toEqual(['create:b', 'create:c', 'create:d']);
    });

    it('sends once per channel, as the server does, when two subscriptions of the client share one', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const ann = observe(kuzzle.realtime.subscribe('shop', 'orders', {}, { volatile: { who: 'ann' } }));
      const bob = observe(kuzzle.realtime.subscribe('shop', 'orders', {}, { volatile: { who: 'bob' } }));
      expect(backend.requests.map((r) => r.action)).toEqual(['realtime:subscribe', 'realtime:subscribe']);
      const sent = backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1' });
      expect(sent).toHaveLength(1);
      expect(ids(ann.values)).toEqual(['create:o1']);
      expect(ids(bob.values)).toEqual(['create:o1']);
    });

    it('delivers only to the subscriptions whose scope takes it', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const entering = observe(kuzzle.realtime.subscribe('shop', 'orders', {}, { scope: 'in' }));
      const all = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      const sent = backend.notifyDocument({ index: 'shop', collection: 'orders' }, { action: 'delete', _id: 'o1' });
      expect(sent.map((n) => n.room)).toEqual(['room-1-all-none']);
      expect(ids(all.values)).toEqual(['delete:o1']);
      expect(entering.values).toEqual([]);
    });

    it('fails when no live subscription is on the target, listing the live ones', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', { exists: 'total' }));
      expect(() => backend.notifyDocument({ index: 'shop', collection: 'invoices' }, { _id: 'i1' })).toThrow(
        'Cannot push a document notification (create, scope in): no live subscription is on shop/invoices. Live subscriptions:\n' +
          '  shop/orders {"exists":"total"} scope=all users=none channel=room-1-all-none',
      );
    });

    it('fails when the subscriptions on the target do not take it', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', {}, { scope: 'out' }));
      expect(() => backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1' })).toThrow(
        /^Cannot push a document notification \(create, scope in\): the live subscriptions on shop\/orders do not take it\./,
      );
    });

    it('fails once the subscription ended', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', {})).unsubscribe();
      expect(() => backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1' })).toThrow(
        'Cannot push a document notification (create, scope in): no live subscription is on shop/orders. There is no live subscription.',
      );
    });

    it('lets subscribeToSelf: false drop what the client itself caused, through volatile.sdkInstanceId', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const others = observe(kuzzle.realtime.subscribe('shop', 'orders', {}, { subscribeToSelf: false }));
      backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'own', volatile: { sdkInstanceId: kuzzle.instanceId } });
      backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'theirs', volatile: { sdkInstanceId: 'someone-else' } });
      expect(ids(others.values)).toEqual(['create:theirs']);
    });
  });

  describe('notifyUser', () => {
    it('reaches the subscriptions that asked for users, and presence reads it', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const documents = observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      const presence = observe(kuzzle.realtime.presence('shop', 'orders', {}));
      backend.expectOne('realtime:count').respond({ count: 1 });

      const sent = backend.notifyUser({ index: 'shop', collection: 'orders' }, { user: 'in', count: 2, volatile: { name: 'ann' } });

      expect(sent).toEqual([
        expect.objectContaining({ type: 'user', user: 'in', result: { count: 2 }, action: 'subscribe', room: 'room-1-none-all' }),
      ]);
      expect(presence.values).toEqual([{ count: 1 }, { count: 2, event: { user: 'in', volatile: { name: 'ann' } } }]);
      expect(documents.values).toEqual([]);
    });

    it('fails when no subscription asked for users', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      expect(() => backend.notifyUser({ index: 'shop', collection: 'orders' }, { user: 'out', count: 0 })).toThrow(
        /^Cannot push a user notification \(out\): the live subscriptions on shop\/orders do not take it\./,
      );
    });
  });

  it('acknowledges after acknowledgeDelay virtual ms: the subscription is pending until then', () => {
    const { kuzzle, backend } = createTestingKuzzle({ acknowledgeDelay: 20 });
    const events: SubscriptionEvent[] = [];
    kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}).subscribe((event) => events.push(event));
    backend.tick(19);
    expect(events).toEqual([{ type: 'status', state: 'pending' }]);
    expect(() => backend.notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1' })).toThrow(/no live subscription/);
    backend.tick(1);
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'live' });
  });
});
