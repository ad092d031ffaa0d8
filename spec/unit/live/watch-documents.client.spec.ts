import type { Observable } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

// `document.watchDocuments()` on a client whose socket is a FakeWebSocket: what it refuses, and what it sends.

beforeEach(() => FakeWebSocket.reset());

type Call = (kuzzle: Kuzzle) => Observable<unknown>;
const bad = null as never;

const refusals: ReadonlyArray<readonly [string, Call, string, string]> = [
  [
    'no index',
    (k) => k.document.watchDocuments(bad, 'c', ['a']),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: index must be a non-empty string, got null',
  ],
  [
    'an empty collection',
    (k) => k.document.watchDocuments('i', '', ['a']),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: collection must be a non-empty string, got an empty string',
  ],
  [
    'a string as ids',
    (k) => k.document.watchDocuments('i', 'c', 'a' as never),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: ids must be an array, got "a"',
  ],
  [
    'no ids',
    (k) => k.document.watchDocuments('i', 'c', bad),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: ids must be an array, got null',
  ],
  [
    'an empty array of ids',
    (k) => k.document.watchDocuments('i', 'c', []),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: ids must be a non-empty array, got an empty array',
  ],
  [
    'an empty id',
    (k) => k.document.watchDocuments('i', 'c', ['a', '']),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: ids[1] must be a non-empty string, got an empty string',
  ],
  [
    'a number among the ids',
    (k) => k.document.watchDocuments('i', 'c', ['a', 7 as never]),
    'InvalidRequestError',
    'Invalid request: document.watchDocuments: ids[1] must be a non-empty string, got number 7',
  ],
  [
    'an unknown option',
    (k) => k.document.watchDocuments('i', 'c', ['a'], { refresh: 'wait_for' } as never),
    'InvalidOptionError',
    'Invalid option "WatchDocumentsOptions": unknown option(s) refresh',
  ],
  [
    'a string as volatile',
    (k) => k.document.watchDocuments('i', 'c', ['a'], { volatile: 'x' as never }),
    'InvalidOptionError',
    'Invalid option "WatchDocumentsOptions.volatile": expected record, got "x"',
  ],
];

const CHANNEL = 'room-1-111';
const stored = (id: string, n: number) => ({
  _id: id,
  _version: 1,
  _source: { n, _kuzzle_info: { author: '-1', createdAt: 100, updatedAt: null, updater: null } },
});
const without = (frame: Record<string, unknown>) => {
  const { requestId: _requestId, volatile: _volatile, ...rest } = frame;
  return rest;
};

describe('document.watchDocuments on the client', () => {
  it.each(refusals)('refuses %s, sending nothing', (_, call, name, message) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const result = observe(call(kuzzle));
    expect(nameAndMessage(result.error)).toEqual({ name, message });
    expect(socket.requests).toEqual([]);
  });

  it('checks nothing before subscription', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    expect(() => kuzzle.document.watchDocuments(bad, bad, bad)).not.toThrow();
    expect(socket.requests).toEqual([]);
  });

  it('subscribes to the ids (each once), and fetches them only once the subscription is acknowledged', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const watch = observe(kuzzle.document.watchDocuments('i', 'c', ['a', 'b', 'a'], { volatile: { from: 'spec' } }));
    expect(socket.requests.map(without)).toEqual([
      {
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: { ids: { values: ['a', 'b'] } },
        scope: 'all',
        users: 'none',
      },
    ]);
    expect(socket.lastRequest['volatile']).toMatchObject({ from: 'spec' });
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    expect(socket.requests.map(without).slice(1)).toEqual([
      { controller: 'document', action: 'mGet', index: 'i', collection: 'c', body: { ids: ['a', 'b'] } },
    ]);
    expect(socket.lastRequest['volatile']).toMatchObject({ from: 'spec' });
    socket.respond(socket.lastRequest, { successes: [stored('a', 1)], errors: ['b'] });
    expect(watch.error).toBeUndefined();
    expect(watch.values).toEqual([
      { status: 'loading', documents: new Map() },
      {
        status: 'live',
        documents: new Map([
          ['a', stored('a', 1)],
          ['b', null],
        ]),
      },
    ]);
    watch.unsubscribe();
    expect(socket.lastRequest).toMatchObject({ controller: 'realtime', action: 'unsubscribe', body: { roomId: 'room-1' } });
  });

  it('resyncs after a reconnection: fetches again once the subscription is restored', () => {
    const { kuzzle, connect, reconnect } = clientHarness();
    let socket = connect();
    const watch = observe(kuzzle.document.watchDocuments('i', 'c', ['a']));
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    socket.respond(socket.lastRequest, { successes: [stored('a', 1)], errors: [] });
    socket = reconnect();
    expect(watch.values.map((v) => v.status)).toEqual(['loading', 'live', 'resyncing']);
    expect(socket.requests.map((r) => `${String(r['controller'])}:${String(r['action'])}`)).toEqual(['realtime:subscribe']);
    socket.respond(socket.lastRequest, { roomId: 'room-1', channel: CHANNEL });
    expect(socket.lastRequest).toMatchObject({ controller: 'document', action: 'mGet', body: { ids: ['a'] } });
    socket.respond(socket.lastRequest, { successes: [stored('a', 2)], errors: [] });
    expect(watch.error).toBeUndefined();
    expect(watch.values.map((v) => [v.status, v.documents.get('a')?._source.n])).toEqual([
      ['loading', undefined],
      ['live', 1],
      ['resyncing', 1],
      ['live', 2],
    ]);
    watch.unsubscribe();
  });
});
