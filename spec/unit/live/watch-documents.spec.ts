import { defer, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { KuzzleDocument, MGetResult } from '../../../src/controllers/document/types';
import { ConnectionLostError } from '../../../src/vocabulary/errors/client-errors';
import { KuzzleError } from '../../../src/vocabulary/errors/kuzzle-error';
import { liveDocuments } from '../../../src/live/documents/live-documents';
import type { LiveStatus, WatchedDocuments } from '../../../src/live/types';
import type { DocumentNotification } from '../../../src/vocabulary/notifications';
import type { SubscriptionEvent } from '../../../src/vocabulary/subscription-status';
import { errorsByNameAndMessage, testScheduler } from '../../support/client-harness';

// The watch in virtual time, on fake sources: `events` plays `realtime.subscribeWithStatus()` (statuses and
// notifications), `fetches` plays `document.mGet` (one cold Observable per fetch, in order). One frame is 1 ms.
// Server times (`_kuzzle_info`, notification `timestamp`) are data, unrelated to virtual time: 100 is older than 200.

type Doc = KuzzleDocument<{ n: number }>;

const info = (createdAt: number, updatedAt: number | null = null) => ({
  author: '-1',
  createdAt,
  updatedAt,
  updater: updatedAt === null ? null : '-1',
});
/** A stored document as `mGet` returns it, last written at server time `at`. */
const stored = (id: string, n: number, at: number, version = 1): Doc => ({
  _id: id,
  _version: version,
  _source: { n, _kuzzle_info: info(50, at) },
});
const found = (...documents: Doc[]): MGetResult<{ n: number }> => ({ successes: documents, errors: [] });

function notification(action: string, id: string, source: Record<string, unknown> | undefined, timestamp: number): DocumentNotification {
  return {
    type: 'document',
    status: 200,
    action,
    scope: action === 'delete' ? 'out' : 'in',
    event: action === 'delete' ? 'delete' : 'write',
    result: { _id: id, ...(source ? { _source: source } : {}) },
    timestamp,
    volatile: null,
    index: 'i',
    collection: 'c',
    controller: 'document',
    room: 'room-1-111',
  };
}
/** An update notified with the full `_source`, written at server time `at` (its request came in a little earlier). */
const updatedAt = (id: string, n: number, at: number) => notification('update', id, { n, _kuzzle_info: info(50, at) }, at - 5);
/** A replace: its `_source` has no `_kuzzle_info`, so only the notification's `timestamp` dates it. */
const replacedAt = (id: string, n: number, timestamp: number) => notification('replace', id, { n }, timestamp);
const createdAt = (id: string, n: number, at: number) => notification('create', id, { n, _kuzzle_info: info(at) }, at - 5);
const deletedAt = (id: string, timestamp: number) => notification('delete', id, { n: 0, _kuzzle_info: info(50) }, timestamp);

const STATUS: Record<string, SubscriptionEvent> = {
  p: { type: 'status', state: 'pending' },
  l: { type: 'status', state: 'live', roomId: 'room-1', channel: 'room-1-111', restored: false },
  r: { type: 'status', state: 'restoring', roomId: 'room-1', channel: 'room-1-111' },
  R: { type: 'status', state: 'live', roomId: 'room-1', channel: 'room-1-111', restored: true },
};

/** What the watch emits, as a plain value to compare. */
const watched = (status: LiveStatus, entries: Array<[string, Doc | null]> = []): WatchedDocuments<{ n: number }> => ({
  status,
  documents: new Map(entries),
});

/** Each fetch in turn: the n-th subscription to the result gets `fetches[n]`. */
function fetchesIn(fetches: ReadonlyArray<Observable<MGetResult<{ n: number }>>>): Observable<MGetResult<{ n: number }>> {
  let n = 0;
  return defer(() => fetches[n++] ?? fetches[fetches.length - 1]!);
}

let scheduler: TestScheduler;
beforeEach(() => {
  scheduler = testScheduler();
});

describe('watching documents by id', () => {
  describe('the first snapshot', () => {
    it('emits loading at once, fetches only once the subscription is live, then emits every id (null for a missing one)', () => {
      scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
        const events = hot('p----l', STATUS);
        const fetch = cold('---f|', { f: { successes: [stored('a', 1, 100)], errors: ['b'] } });
        const watch = liveDocuments(['a', 'b'], { events$: events, fetch$: fetch });
        expectObservable(watch).toBe('x-------y', {
          x: watched('loading'),
          y: watched('live', [
            ['a', stored('a', 1, 100)],
            ['b', null],
          ]),
        });
        expectSubscriptions(fetch.subscriptions).toBe('-----^---!');
      });
    });

    it('keeps the order of the ids given, each once', () => {
      const ids: string[][] = [];
      scheduler.run(({ hot, cold }) => {
        const watch = liveDocuments(['b', 'a', 'c'], {
          events$: hot('l', STATUS),
          fetch$: cold('-f|', { f: found(stored('a', 1, 100), stored('c', 3, 100)) }),
        });
        watch.subscribe((value) => ids.push([...value.documents.keys()]));
      });
      expect(ids).toEqual([[], ['b', 'a', 'c']]);
    });

    it('keeps the fetched version over a change notified during the fetch that it already holds (an older write)', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a', { ...STATUS, a: updatedAt('a', 1, 90) });
        const fetch = cold('----f|', { f: found(stored('a', 2, 100, 3)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x---y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 2, 100, 3)]]),
        });
      });
    });

    it('takes a change notified during the fetch over the fetched version when it is newer', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a-b', { ...STATUS, a: updatedAt('a', 3, 150), b: replacedAt('b', 7, 150) });
        const fetch = cold('------f|', { f: found(stored('a', 2, 100), stored('b', 2, 100)) });
        expectObservable(liveDocuments(['a', 'b'], { events$: events, fetch$: fetch })).toBe('x-----y', {
          x: watched('loading'),
          y: watched('live', [
            ['a', { _id: 'a', _source: { n: 3, _kuzzle_info: info(50, 150) } }],
            ['b', { _id: 'b', _source: { n: 7 } }],
          ]),
        });
      });
    });

    it('takes a change notified during the fetch at the same server time as the fetched version: its own notification would not come again', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a', { ...STATUS, a: replacedAt('a', 9, 100) });
        const fetch = cold('----f|', { f: found(stored('a', 2, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x---y', {
          x: watched('loading'),
          y: watched('live', [['a', { _id: 'a', _source: { n: 9 } }]]),
        });
      });
    });

    it('merges only the last change notified for an id during the fetch', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-abc', { ...STATUS, a: updatedAt('a', 3, 150), b: deletedAt('a', 160), c: createdAt('a', 5, 170) });
        const fetch = cold('------f|', { f: found(stored('a', 2, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x-----y', {
          x: watched('loading'),
          y: watched('live', [['a', { _id: 'a', _source: { n: 5, _kuzzle_info: info(170) } }]]),
        });
      });
    });

    it('applies a change notified after the fetch as it comes', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-----a--b', { ...STATUS, a: updatedAt('a', 3, 150), b: replacedAt('a', 4, 160) });
        const fetch = cold('--f|', { f: found(stored('a', 2, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x-y---z--w', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 2, 100)]]),
          z: watched('live', [['a', { _id: 'a', _source: { n: 3, _kuzzle_info: info(50, 150) } }]]),
          w: watched('live', [['a', { _id: 'a', _source: { n: 4 } }]]),
        });
      });
    });

    it('ignores notifications before the subscription is live: the fetch made then holds what they said', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('pa-l', { ...STATUS, a: updatedAt('a', 3, 150) });
        const fetch = cold('--f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x----y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });

    it('ignores published messages, user notifications and documents it does not watch', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const message: SubscriptionEvent = { ...notification('publish', 'a', { n: 8 }, 300), event: 'publish', controller: 'realtime' };
        const user: SubscriptionEvent = {
          ...notification('subscribe', 'a', undefined, 300),
          type: 'user',
          user: 'in',
          result: { count: 2 },
        };
        const events = hot('l---abc', { ...STATUS, a: message, b: user, c: updatedAt('z', 1, 300) });
        const fetch = cold('-f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('xy', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });
  });

  describe('deletes and creations', () => {
    it('keeps a delete notified during the fetch as a tombstone: null, even though the fetch still had the document', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a', { ...STATUS, a: deletedAt('a', 120) });
        const fetch = cold('----f|', { f: found(stored('a', 1, 100), stored('b', 1, 100)) });
        expectObservable(liveDocuments(['a', 'b'], { events$: events, fetch$: fetch })).toBe('x---y', {
          x: watched('loading'),
          y: watched('live', [
            ['a', null],
            ['b', stored('b', 1, 100)],
          ]),
        });
      });
    });

    it('keeps the document the fetch found when it was created again after the delete notified during the fetch', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a', { ...STATUS, a: deletedAt('a', 120) });
        const fetch = cold('----f|', { f: found(stored('a', 4, 130)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x---y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 4, 130)]]),
        });
      });
    });

    it('forgets the tombstone with the fetch: a delete then a creation after it give the document', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a---b', { ...STATUS, a: deletedAt('a', 120), b: createdAt('a', 5, 130) });
        const fetch = cold('----f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x---y-z', {
          x: watched('loading'),
          y: watched('live', [['a', null]]),
          z: watched('live', [['a', { _id: 'a', _source: { n: 5, _kuzzle_info: info(130) } }]]),
        });
      });
    });

    it('goes from null to the document when it is created after the watch started, during the fetch or after it', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-a-----b', {
          ...STATUS,
          a: createdAt('a', 1, 120),
          b: { ...createdAt('b', 2, 200), result: { _id: 'b', _source: { n: 2, _kuzzle_info: info(200) }, _version: 1 } },
        });
        const fetch = cold('----f|', { f: { successes: [], errors: ['a', 'b'] } });
        expectObservable(liveDocuments(['a', 'b'], { events$: events, fetch$: fetch })).toBe('x---y---z', {
          x: watched('loading'),
          y: watched('live', [
            ['a', { _id: 'a', _source: { n: 1, _kuzzle_info: info(120) } }],
            ['b', null],
          ]),
          z: watched('live', [
            ['a', { _id: 'a', _source: { n: 1, _kuzzle_info: info(120) } }],
            ['b', { _id: 'b', _version: 1, _source: { n: 2, _kuzzle_info: info(200) } }],
          ]),
        });
      });
    });

    it('goes to null when a watched document is deleted after the fetch', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l----a', { ...STATUS, a: deletedAt('a', 300) });
        const fetch = cold('--f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x-y--z', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
          z: watched('live', [['a', null]]),
        });
      });
    });
  });

  describe('reconnections', () => {
    it('drops the fetch in flight when the link is lost during it, and fetches again once the subscription is restored', () => {
      scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
        const events = hot('l--r---R', STATUS);
        const first = cold('-----f|', { f: found(stored('a', 1, 100)) });
        const second = cold('--f|', { f: found(stored('a', 2, 200)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetchesIn([first, second]) })).toBe('x--------y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 2, 200)]]),
        });
        expectSubscriptions(first.subscriptions).toBe('^--!');
        expectSubscriptions(second.subscriptions).toBe('-------^--!');
      });
    });

    it('forgets the changes notified before the link was lost during the fetch: the next fetch holds them', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-ar-R', { ...STATUS, a: updatedAt('a', 9, 150) });
        const first = cold('-----f|', { f: found(stored('a', 1, 100)) });
        const second = cold('--f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetchesIn([first, second]) })).toBe('x------y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });

    it('resyncs after a restoration: the last result with status resyncing, then the new snapshot merged with what was notified during it', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l---r--R-a', { ...STATUS, a: updatedAt('b', 6, 400) });
        const first = cold('-f|', { f: found(stored('a', 1, 100), stored('b', 1, 100)) });
        const second = cold('----f|', { f: { successes: [stored('b', 5, 300)], errors: ['a'] } });
        expectObservable(liveDocuments(['a', 'b'], { events$: events, fetch$: fetchesIn([first, second]) })).toBe('xy--z------w', {
          x: watched('loading'),
          y: watched('live', [
            ['a', stored('a', 1, 100)],
            ['b', stored('b', 1, 100)],
          ]),
          z: watched('resyncing', [
            ['a', stored('a', 1, 100)],
            ['b', stored('b', 1, 100)],
          ]),
          w: watched('live', [
            ['a', null],
            ['b', { _id: 'b', _source: { n: 6, _kuzzle_info: info(50, 400) } }],
          ]),
        });
      });
    });

    it('merges only the fetch made after the last of two restorations in a row', () => {
      scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
        const events = hot('l---r-R-r-R', STATUS);
        const fetches = [
          cold('-f|', { f: found(stored('a', 1, 100)) }),
          cold('---f|', { f: found(stored('a', 2, 200)) }),
          cold('---f|', { f: found(stored('a', 3, 300)) }),
        ];
        const watch = liveDocuments(['a'], { events$: events, fetch$: fetchesIn(fetches) });
        expectObservable(watch).toBe('xy--z--------w', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
          z: watched('resyncing', [['a', stored('a', 1, 100)]]),
          w: watched('live', [['a', stored('a', 3, 300)]]),
        });
        expectSubscriptions(fetches[1]!.subscriptions).toBe('------^-!');
        expectSubscriptions(fetches[2]!.subscriptions).toBe('----------^---!');
      });
    });

    it('stays loading through a restoration before the first snapshot', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l-r--R', STATUS);
        const fetch = cold('---f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('x-------y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });

    it('waits for the restoration when the link loss fails the fetch before the subscription says it is restoring', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const lost = new ConnectionLostError({ controller: 'document', action: 'mGet' });
        const events = hot('l---r--R', STATUS);
        const fetches = [cold<MGetResult<{ n: number }>>('--#', undefined, lost), cold('-f|', { f: found(stored('a', 1, 100)) })];
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetchesIn(fetches) })).toBe('x-------y', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });
  });

  describe('identity', () => {
    it('keeps the map and every document when a resync finds nothing changed, and emits only the status', () => {
      const values: Array<WatchedDocuments<{ n: number }>> = [];
      scheduler.run(({ hot, cold }) => {
        const events = hot('l--r-R', STATUS);
        const fetch = fetchesIn([
          cold('-f|', { f: found(stored('a', 1, 100), stored('b', 1, 100)) }),
          cold('-f|', { f: found(stored('a', 1, 100), stored('b', 1, 100)) }),
        ]);
        liveDocuments(['a', 'b'], { events$: events, fetch$: fetch }).subscribe((value) => values.push(value));
      });
      expect(values.map((v) => v.status)).toEqual(['loading', 'live', 'resyncing', 'live']);
      expect(values[2]!.documents).toBe(values[1]!.documents);
      expect(values[3]!.documents).toBe(values[1]!.documents);
    });

    it('gives a new map per change in which only the changed document is a new object', () => {
      const values: Array<WatchedDocuments<{ n: number }>> = [];
      scheduler.run(({ hot, cold }) => {
        const events = hot('l---a--r-R', { ...STATUS, a: updatedAt('a', 2, 150) });
        const fetch = fetchesIn([
          cold('-f|', { f: found(stored('a', 1, 100), stored('b', 1, 100)) }),
          cold('-f|', { f: found(stored('a', 2, 150, 2), stored('b', 1, 100)) }),
        ]);
        liveDocuments(['a', 'b'], { events$: events, fetch$: fetch }).subscribe((value) => values.push(value));
      });
      const [, fetched, notified, resyncing, refetched] = values;
      expect(values).toHaveLength(5);
      expect(notified!.documents).not.toBe(fetched!.documents);
      expect(notified!.documents.get('b')).toBe(fetched!.documents.get('b'));
      expect(notified!.documents.get('a')).toEqual({ _id: 'a', _source: { n: 2, _kuzzle_info: info(50, 150) } });
      expect(fetched!.documents.get('a')).toEqual(stored('a', 1, 100));
      expect(resyncing!.documents).toBe(notified!.documents);
      // The new snapshot says what the notification said (with its `_version`): the notified object is kept.
      expect(refetched!.documents).toBe(notified!.documents);
    });

    it('emits nothing for a notification that repeats the version held', () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l---a', {
          ...STATUS,
          a: { ...updatedAt('a', 1, 100), result: { _id: 'a', _source: stored('a', 1, 100)._source } },
        });
        const fetch = cold('-f|', { f: found(stored('a', 1, 100)) });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch })).toBe('xy', {
          x: watched('loading'),
          y: watched('live', [['a', stored('a', 1, 100)]]),
        });
      });
    });

    it('emits frozen values and mutates none of the documents it was given', () => {
      const given = found(stored('a', 1, 100));
      const before = JSON.stringify(given);
      const values: Array<WatchedDocuments<{ n: number }>> = [];
      scheduler.run(({ hot, cold }) => {
        const events = hot('l--a', { ...STATUS, a: updatedAt('a', 2, 150) });
        liveDocuments(['a'], { events$: events, fetch$: cold('-f|', { f: given }) }).subscribe((value) => values.push(value));
      });
      expect(values.every((value) => Object.isFrozen(value))).toBe(true);
      expect(JSON.stringify(given)).toBe(before);
      expect(values[1]!.documents.get('a')).toBe(given.successes[0]);
    });
  });

  describe('ending', () => {
    it('ends the subscription and the fetch in flight when unsubscribed', () => {
      scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
        const events = hot('p-l', STATUS);
        const fetch = cold('-----f|', { f: found() });
        expectObservable(liveDocuments(['a'], { events$: events, fetch$: fetch }), '^---!').toBe('x', { x: watched('loading') });
        expectSubscriptions(events.subscriptions).toBe('^---!');
        expectSubscriptions(fetch.subscriptions).toBe('--^-!');
      });
    });

    it("errors with the subscription's error", () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const events = hot('l--#', STATUS, new Error('Subscription room-1 lost: refused'));
        const watch = liveDocuments(['a'], { events$: events, fetch$: cold('-f|', { f: found() }) });
        expectObservable(errorsByNameAndMessage(watch)).toBe(
          'xy-#',
          { x: watched('loading'), y: watched('live', [['a', null]]) },
          { name: 'Error', message: 'Subscription room-1 lost: refused' },
        );
      });
    });

    it("errors with a fetch's error other than a link loss", () => {
      scheduler.run(({ hot, cold, expectObservable }) => {
        const refused = new KuzzleError({
          id: 'services.storage.unknown_index',
          message: 'Index "i" does not exist.',
          status: 404,
          code: 1,
        });
        const watch = liveDocuments(['a'], { events$: hot('l', STATUS), fetch$: cold('--#', {}, refused) });
        expectObservable(errorsByNameAndMessage(watch)).toBe(
          'x-#',
          { x: watched('loading') },
          { name: 'KuzzleError', message: 'Index "i" does not exist.' },
        );
      });
    });
  });
});
