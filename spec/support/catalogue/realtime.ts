import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them.
const roomId = 'c8965e8a49359888795238ec63deabe72db95d822bd86f7876555205dea6fb5b';

/** The realtime controller's calls. */
export const realtimeRows: readonly CatalogueRow[] = [
  {
    controller: 'realtime',
    method: 'subscribe',
    args: ['i', 'c', { equals: { color: 'red' } }],
    result: { roomId, channel: `${roomId}-111` },
    open: true,
    frameDiffers: ['scope', 'users'],
    differs:
      'an Observable of notifications (options 4th) where kuzzle-sdk takes a callback 4th and resolves to the roomId; the defaults scope and users are sent explicitly',
  },
  {
    controller: 'realtime',
    method: 'subscribeWithStatus',
    args: ['i', 'c', { equals: { color: 'red' } }],
    sdk: false,
    open: true,
    result: { roomId, channel: `${roomId}-111` },
    frames: [
      {
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: { equals: { color: 'red' } },
        scope: 'all',
        users: 'none',
      },
    ],
  },
  {
    controller: 'realtime',
    method: 'subscribeWithStatus',
    args: ['i', 'c', {}, { scope: 'in', users: 'all', volatile: { who: 'rx' } }],
    sdk: false,
    open: true,
    result: { roomId, channel: `${roomId}-112` },
    frames: [{ controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, scope: 'in', users: 'all' }],
  },
  {
    controller: 'realtime',
    method: 'presence',
    args: ['i', 'c'],
    sdk: false,
    open: true,
    // Subscribes, then counts once the subscription is acknowledged.
    result: (frame: Record<string, unknown>) => (frame['action'] === 'count' ? { count: 3 } : { roomId, channel: `${roomId}-11` }),
    frames: [
      { controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, scope: 'none', users: 'all' },
      { controller: 'realtime', action: 'count', body: { roomId } },
    ],
  },
  {
    controller: 'realtime',
    method: 'presence',
    args: ['i', 'c', { equals: { team: 'blue' } }, { volatile: { nick: 'ada' } }],
    sdk: false,
    open: true,
    result: (frame: Record<string, unknown>) => (frame['action'] === 'count' ? { count: 1 } : { roomId, channel: `${roomId}-11` }),
    frames: [
      {
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: { equals: { team: 'blue' } },
        scope: 'none',
        users: 'all',
      },
      { controller: 'realtime', action: 'count', body: { roomId } },
    ],
  },
  { controller: 'realtime', method: 'publish', args: ['i', 'c', { msg: 'hello' }], result: { published: true } },
  { controller: 'realtime', method: 'publish', args: ['i', 'c', { msg: 'hello' }, { _id: 'm1' }], result: { published: true } },
  { controller: 'realtime', method: 'count', args: [roomId], result: { count: 2 } },
  {
    controller: 'realtime',
    method: 'list',
    args: [],
    sdk: false,
    result: { i: { c: { [roomId]: 1 } } },
    frames: [{ controller: 'realtime', action: 'list' }],
    emits: { i: { c: { [roomId]: 1 } } },
  },
  {
    controller: 'realtime',
    method: 'join',
    args: [roomId],
    sdk: false,
    result: { roomId, channel: `${roomId}-311` },
    frames: [{ controller: 'realtime', action: 'join', body: { roomId } }],
    emits: { roomId, channel: `${roomId}-311` },
  },
  {
    controller: 'realtime',
    method: 'join',
    args: [roomId, { scope: 'in', users: 'all', volatile: { who: 'rx' } }],
    sdk: false,
    result: { roomId, channel: `${roomId}-112` },
    frames: [{ controller: 'realtime', action: 'join', body: { roomId }, scope: 'in', users: 'all' }],
    emits: { roomId, channel: `${roomId}-112` },
  },
  {
    controller: 'realtime',
    method: 'validate',
    args: ['i', 'c', { color: 'red' }],
    sdk: false,
    result: { errorMessages: {}, valid: true },
    frames: [{ controller: 'realtime', action: 'validate', index: 'i', collection: 'c', body: { color: 'red' } }],
    emits: { errorMessages: {}, valid: true },
  },
];
