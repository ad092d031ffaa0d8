import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

const BAD_CALLS: readonly BadCall[] = [
  [
    'an empty index to subscribe to',
    (k) => k.realtime.subscribe('', 'c'),
    'realtime.subscribe: index must be a non-empty string, got an empty string',
  ],
  [
    'filters that are null',
    (k) => k.realtime.subscribe('i', 'c', null as never),
    'realtime.subscribe: filters must be an object, got null',
  ],
  [
    'an empty index to publish to',
    (k) => k.realtime.publish('', 'c', {}),
    'realtime.publish: index must be a non-empty string, got an empty string',
  ],
  [
    'a message that is an array',
    (k) => k.realtime.publish('i', 'c', [] as never),
    'realtime.publish: message must be an object, got an array',
  ],
  ['no room to count', (k) => k.realtime.count(undefined as never), 'realtime.count: roomId must be a non-empty string, got undefined'],
  ['an empty room to join', (k) => k.realtime.join(''), 'realtime.join: roomId must be a non-empty string, got an empty string'],
  ['a room to join that is a number', (k) => k.realtime.join(3 as never), 'realtime.join: roomId must be a non-empty string, got number 3'],
  [
    'no collection to validate against',
    (k) => k.realtime.validate('i', null as never, {}),
    'realtime.validate: collection must be a non-empty string, got null',
  ],
  [
    'content to validate that is a string',
    (k) => k.realtime.validate('i', 'c', 'x' as never),
    'realtime.validate: content must be an object, got "x"',
  ],
];

const ROOM = 'c8965e8a49359888795238ec63deabe72db95d822bd86f7876555205dea6fb5b';

describe('realtime controller', () => {
  itRefuses(BAD_CALLS);

  it('emits true for a publication, as kuzzle-sdk resolves it', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const published = observe(kuzzle.realtime.publish('i', 'c', { msg: 'hi' }, { _id: 'm1' }));
    expect(socket.lastRequest).toMatchObject({ action: 'publish', _id: 'm1', body: { msg: 'hi' } });
    socket.respond(socket.lastRequest, { published: true });
    expect(published.values).toEqual([true]);
  });

  describe('join', () => {
    it('joins on the server only: the channel is not routed to anyone, nor restored after a reconnection', () => {
      const { kuzzle, connect, reconnect, events } = clientHarness();
      const socket = connect();
      const joined = observe(kuzzle.realtime.join(ROOM, { users: 'all' }));
      socket.respond(socket.lastRequest, { roomId: ROOM, channel: `${ROOM}-112` });
      expect(joined.values).toEqual([{ roomId: ROOM, channel: `${ROOM}-112` }]);
      expect(joined.completed).toBe(true);

      socket.receiveJson({
        type: 'user',
        status: 200,
        user: 'in',
        result: { count: 2 },
        index: 'i',
        collection: 'c',
        controller: 'realtime',
        action: 'subscribe',
        room: `${ROOM}-112`,
      });
      expect(events.filter((e) => e.type === 'discarded').map((e) => e.type === 'discarded' && e.reason)).toEqual(['unknown-room']);

      const next = reconnect();
      expect(next.requests).toEqual([]);
    });

    it('never unsubscribes, so a subscription of the same room keeps its notifications', () => {
      const { kuzzle, connect } = clientHarness();
      const socket = connect();
      const notifications = observe(kuzzle.realtime.subscribe('i', 'c', {}));
      socket.respond(socket.lastRequest, { roomId: ROOM, channel: `${ROOM}-111` });
      const joined = observe(kuzzle.realtime.join(ROOM));
      socket.respond(socket.lastRequest, { roomId: ROOM, channel: `${ROOM}-111` });
      joined.unsubscribe();

      socket.receiveJson({
        type: 'document',
        status: 200,
        scope: 'in',
        event: 'publish',
        result: { _source: { msg: 'hi' } },
        index: 'i',
        collection: 'c',
        controller: 'realtime',
        action: 'publish',
        room: `${ROOM}-111`,
      });
      expect(notifications.values).toHaveLength(1);
      expect(socket.requests.map((r) => r['action'])).toEqual(['subscribe', 'join']);
    });
  });
});
