import type { LiveResult } from '../../../src/live/types';
import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

// `document.watch()` on a client whose socket is a FakeWebSocket: the requests it sends, in order, and what it makes
// of the answers. An answer to a search or a count reaches the result on the client's scheduler: `settle()` runs it.

beforeEach(() => FakeWebSocket.reset());

const CHANNEL = 'room-1-111';
const info = { author: '-1', createdAt: 100, updatedAt: null, updater: null };
const hit = (id: string, n: number) => ({ _id: id, _score: null, _source: { color: 'red', n, _kuzzle_info: info } });
const without = (frame: Record<string, unknown>) => {
  const { requestId: _requestId, volatile: _volatile, ...rest } = frame;
  return rest;
};
const actions = (socket: FakeWebSocket) => socket.requests.map((r) => `${String(r['controller'])}:${String(r['action'])}`);
const shown = (values: Array<LiveResult<Record<string, unknown>>>) =>
  values.map((v) => `${v.status} ${v.documents.map((d) => d._id).join(',')} /${v.total}`);

function notification(action: string, id: string, source: Record<string, unknown>) {
  return {
    type: 'document',
    status: 200,
    action,
    scope: action === 'delete' ? 'out' : 'in',
    event: action === 'delete' ? 'delete' : 'write',
    result: { _id: id, _source: source },
    timestamp: 5000,
    volatile: null,
    index: 'i',
    collection: 'c',
    controller: 'document',
    protocol: 'websocket',
    room: CHANNEL,
  };
}

function watching(options: Record<string, unknown> = {}) {
  const harness = clientHarness();
  const socket = harness.connect();
  const watch = observe(harness.kuzzle.document.watch('i', 'c', { equals: { color: 'red' } }, { lagThreshold: 0, ...options }));
  const settle = () => harness.runUntil(harness.scheduler.now());
  return { ...harness, socket, watch, settle };
}

describe('document.watch on the client', () => {
  it('subscribes to the whole collection first, searches once the subscription is acknowledged, then applies notifications', () => {
    const { socket, watch, settle } = watching({ volatile: { from: 'spec' }, size: 20 });
    expect(socket.requests.map(without)).toEqual([
      { controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, scope: 'all', users: 'none' },
    ]);
    expect(socket.lastRequest['volatile']).toMatchObject({ from: 'spec' });
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    expect(without(socket.lastRequest)).toEqual({
      controller: 'document',
      action: 'search',
      index: 'i',
      collection: 'c',
      body: { query: { term: { color: 'red' } }, sort: [{ _id: 'asc' }] },
      size: 20,
    });
    expect(socket.lastRequest['volatile']).toMatchObject({ from: 'spec' });
    socket.respond(socket.lastRequest, { hits: [hit('a', 1)], total: 1 });
    settle();
    socket.receiveJson(notification('create', 'b', { color: 'red', n: 2 }));
    socket.receiveJson(notification('create', 'z', { color: 'blue', n: 3 }));
    socket.receiveJson(notification('update', 'a', { color: 'blue', n: 1 }));
    expect(watch.error).toBeUndefined();
    expect(shown(watch.values)).toEqual(['loading  /0', 'live a /1', 'live a,b /2', 'live b /1']);
  });

  it('pages the search by search_after until it holds `size` documents or every match', () => {
    const { socket, watch, settle } = watching({ size: 10_003, sort: 'n' });
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    expect(socket.lastRequest).toMatchObject({ action: 'search', size: 10_000 });
    socket.respond(socket.lastRequest, { hits: [hit('a', 1), hit('b', 2)], total: 3 });
    expect(without(socket.lastRequest)).toMatchObject({
      action: 'search',
      body: { sort: [{ n: 'asc' }, { _id: 'asc' }], search_after: [2, 'b'] },
      size: 10_000,
    });
    socket.respond(socket.lastRequest, { hits: [hit('c', 3)], total: 3 });
    settle();
    expect(actions(socket)).toEqual(['realtime:subscribe', 'document:search', 'document:search']);
    expect(shown(watch.values)).toEqual(['loading  /0', 'live a,b,c /3']);
  });

  it('unsubscribes on the server and forgets the search in flight when unsubscribed', () => {
    const { socket, watch, settle } = watching();
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    const search = socket.lastRequest;
    watch.unsubscribe();
    expect(socket.lastRequest).toMatchObject({ controller: 'realtime', action: 'unsubscribe', body: { roomId: 'room-1' } });
    socket.respond(search, { hits: [hit('a', 1)], total: 1 });
    settle();
    expect(shown(watch.values)).toEqual(['loading  /0']);
  });

  it('keeps the documents as resyncing after a link loss, and searches again once the subscription is restored', () => {
    const { watch, settle, reconnect, socket: first } = watching();
    first.respond(first.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    first.respond(first.lastRequest, { hits: [hit('a', 1), hit('b', 1)], total: 2 });
    settle();
    const socket = reconnect();
    expect(actions(socket)).toEqual(['realtime:subscribe']);
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    expect(actions(socket)).toEqual(['realtime:subscribe', 'document:search']);
    socket.respond(socket.lastRequest, { hits: [hit('b', 1)], total: 1 });
    settle();
    expect(shown(watch.values)).toEqual(['loading  /0', 'live a,b /2', 'resyncing a,b /2', 'live b /1']);
    expect(watch.values[3]?.documents[0]).toBe(watch.values[1]?.documents[1]);
  });

  it('counts with the translated query every checkInterval, and searches again when the count differs', () => {
    const { socket, watch, settle, runUntil, scheduler } = watching({ checkInterval: 1000 });
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    socket.respond(socket.lastRequest, { hits: [hit('a', 1)], total: 1 });
    settle();
    runUntil(scheduler.now() + 1000);
    expect(without(socket.lastRequest)).toEqual({
      controller: 'document',
      action: 'count',
      index: 'i',
      collection: 'c',
      body: { query: { term: { color: 'red' } } },
    });
    socket.respond(socket.lastRequest, { count: 2 });
    settle();
    expect(socket.lastRequest).toMatchObject({ controller: 'document', action: 'search' });
    socket.respond(socket.lastRequest, { hits: [hit('a', 1), hit('silent', 1)], total: 2 });
    settle();
    expect(shown(watch.values)).toEqual(['loading  /0', 'live a /1', 'resyncing a /1', 'live a,silent /2']);
    watch.unsubscribe();
  });
});
