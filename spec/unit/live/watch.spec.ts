import { defer, map, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { ArgumentCheck } from '../../../src/controllers/arguments';
import type { KuzzleDocument } from '../../../src/controllers/document/types';
import { ConnectionLostError } from '../../../src/vocabulary/errors/client-errors';
import { KuzzleError } from '../../../src/vocabulary/errors/kuzzle-error';
import { liveDocument } from '../../../src/live/query/changes';
import { liveQuery, type LiveQuerySpec, type WatchSources } from '../../../src/live/query/live-query';
import type { LiveSort } from '../../../src/live/query/options';
import type { Snapshot } from '../../../src/live/query/snapshot';
import { documentOrder, sortKeys } from '../../../src/live/query/sort';
import type { LiveResult } from '../../../src/live/types';
import type { DocumentNotification } from '../../../src/vocabulary/notifications';
import type { SubscriptionEvent } from '../../../src/vocabulary/subscription-status';
import { errorsByNameAndMessage, testScheduler } from '../../support/client-harness';

// document.watch() in virtual time, on fake sources: `events` plays `realtime.subscribeWithStatus()` on the whole
// collection (statuses and notifications), `searches` plays the paged search (one cold Observable per snapshot, in
// order), `counts` plays document:count. One frame is 1 ms. The query is `color == 'red'`. Server times
// (`_kuzzle_info`, notification `timestamp`) are data, unrelated to virtual time: 100 is older than 200.
// A result is shown as `<status letter> <ids with n> /<total>`: `L a1,b0 /2` is live, a (n=1) and b (n=0), 2 in all.

type Src = { color: string; n: number };
type Doc = KuzzleDocument<Src>;

const info = (createdAt: number, updatedAt: number | null = null) => ({
  author: '-1',
  createdAt,
  updatedAt,
  updater: updatedAt === null ? null : '-1',
});
/** A hit of the search, last written at server time `at`. */
const hit = (id: string, n = 0, at = 100, color = 'red'): Doc => ({
  _id: id,
  _source: { color, n, _kuzzle_info: info(50, at) } as Doc['_source'],
});
const snap = (hits: Doc[], total = hits.length): Snapshot<Src> => ({ hits, total });

function notification(action: string, id: string, source: Record<string, unknown>, timestamp: number): DocumentNotification {
  const deleted = action === 'delete';
  return {
    type: 'document',
    status: 200,
    action,
    scope: deleted ? 'out' : 'in',
    event: deleted ? 'delete' : 'write',
    result: { _id: id, _source: source, ...(action === 'create' ? { _version: 1 } : {}) },
    timestamp,
    volatile: null,
    index: 'i',
    collection: 'c',
    controller: 'document',
    room: 'room-1-111',
  };
}
/** An update written at server time `at`, notified with the full `_source` (its request came in a little earlier). */
const updated = (id: string, n: number, at: number, color = 'red') =>
  notification('update', id, { color, n, _kuzzle_info: info(50, at) }, at - 2);
const created = (id: string, n: number, at: number, color = 'red') =>
  notification('create', id, { color, n, _kuzzle_info: info(at) }, at - 2);
const deleted = (id: string, timestamp: number) => notification('delete', id, { color: 'red', n: 0, _kuzzle_info: info(50) }, timestamp);

const STATUS: Record<string, SubscriptionEvent> = {
  p: { type: 'status', state: 'pending' },
  l: { type: 'status', state: 'live', roomId: 'room-1', channel: 'room-1-111', restored: false },
  r: { type: 'status', state: 'restoring', roomId: 'room-1', channel: 'room-1-111' },
  R: { type: 'status', state: 'live', roomId: 'room-1', channel: 'room-1-111', restored: true },
};

const show = (result: LiveResult<Src>): string =>
  `${result.status === 'live' ? 'L' : result.status === 'loading' ? 'l' : 'r'} ${result.documents.map((d) => `${d._id}${d._source.n}`).join(',')} /${result.total}`;

/** Each call in turn gets the next Observable of the list (the last one again past its end). */
function inTurn<T>(list: ReadonlyArray<Observable<T>>): () => Observable<T> {
  let n = 0;
  return () => defer(() => list[Math.min(n++, list.length - 1)] as Observable<T>);
}

interface Setup {
  readonly events: Observable<SubscriptionEvent>;
  readonly searches: ReadonlyArray<Observable<Snapshot<Src>>>;
  readonly counts?: ReadonlyArray<Observable<number>>;
  readonly sort?: LiveSort;
  readonly size?: number;
  readonly initial?: Doc[];
  readonly lagThreshold?: number;
  readonly checkInterval?: number;
  /** The client's clock, when it is not the scheduler's (a busy client sees it jump). */
  readonly clock?: () => number;
}

function watch(scheduler: TestScheduler, setup: Setup): Observable<LiveResult<Src>> {
  const sources: WatchSources<Src> = {
    subscribe: () => setup.events,
    search: inTurn(setup.searches),
    count: inTurn(setup.counts ?? []),
    scheduler,
    clock: setup.clock ?? (() => scheduler.now()),
  };
  const spec: LiveQuerySpec<Src> = {
    rules: {
      test: (source) => source['color'] === 'red',
      order: documentOrder(sortKeys(new ArgumentCheck('document.watch'), setup.sort)),
      size: setup.size ?? 100,
      staleness: 50,
    },
    initial: (setup.initial ?? []).map((d) => liveDocument<Src>(d._id, d._source)),
    lagThreshold: setup.lagThreshold ?? 0,
    checkInterval: setup.checkInterval ?? 0,
  };
  return liveQuery(spec, sources);
}

const shown = (result$: Observable<LiveResult<Src>>) => errorsByNameAndMessage(result$.pipe(map(show)));

describe('document.watch() in virtual time', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = testScheduler();
  });

  describe('the first snapshot', () => {
    it('merges what was notified before, during and after the search, newest first by server time', () => {
      scheduler.run(({ cold, expectObservable }) => {
        // a: d1 n=1 at 1000, older than the hit (n=2 at 1100), whose own notification (c) comes after the snapshot;
        // b: d2 created at 1200, too late for the search; e: d3 updated once the result is live.
        const events = cold<SubscriptionEvent>('p-l-a--b----c--e', {
          ...STATUS,
          a: updated('d1', 1, 1000),
          b: created('d2', 0, 1200),
          c: updated('d1', 2, 1100),
          e: updated('d3', 5, 1300),
        });
        const search = cold('-------(s|)', { s: snap([hit('d1', 2, 1100), hit('d3', 0, 900)]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe('l--------L-----E', {
          l: 'l  /0',
          L: 'L d12,d20,d30 /3',
          E: 'L d12,d20,d35 /3',
        });
      });
    });

    it('lets a deletion received during the search beat the stale hit that still holds the document', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l--x', { ...STATUS, x: deleted('d1', 2000) });
        const search = cold('-----(s|)', { s: snap([hit('d1', 0, 1000), hit('d2')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe('l----L', { l: 'l  /0', L: 'L d20 /1' });
      });
    });

    it('drops a document of the first result once it is updated out of the query', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l-----x', { ...STATUS, x: updated('d1', 1, 2000, 'blue') });
        const search = cold('--(s|)', { s: snap([hit('d1'), hit('d2')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe('l-L---X', {
          l: 'l  /0',
          L: 'L d10,d20 /2',
          X: 'L d20 /1',
        });
      });
    });

    it('shows the initial documents at once, then the snapshot, with no empty result in between', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('p-l', STATUS);
        const search = cold('---(s|)', { s: snap([hit('d1'), hit('d2')]) });
        const initial = [hit('d9'), hit('d1')];
        expectObservable(shown(watch(scheduler, { events, searches: [search], initial }))).toBe('i----L', {
          i: 'l d10,d90 /2',
          L: 'L d10,d20 /2',
        });
      });
    });

    it('ends with the error of a failed search', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l', STATUS);
        const error = new KuzzleError({ status: 400, id: 'services.storage.invalid_search_query', message: 'bad sort' });
        const search = cold<Snapshot<Src>>('--#', {}, error);
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe(
          'l-#',
          { l: 'l  /0' },
          { name: 'KuzzleError', message: 'bad sort' },
        );
      });
    });

    it('ends with the error of the subscription', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l---#', STATUS, new Error('subscription lost'));
        const search = cold('-(s|)', { s: snap([hit('d1')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe(
          'lL--#',
          { l: 'l  /0', L: 'L d10 /1' },
          { name: 'Error', message: 'subscription lost' },
        );
      });
    });
  });

  describe('link losses', () => {
    it('abandons the search in flight when the link is lost, and searches again once the subscription is restored', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const events = cold<SubscriptionEvent>('l--r---R-x', { ...STATUS, x: deleted('d2', 3000) });
        const first = cold<Snapshot<Src>>('------(s|)', { s: snap([hit('stale')]) });
        const second = cold('----(s|)', { s: snap([hit('d1'), hit('d2', 0, 2000)]) });
        expectObservable(shown(watch(scheduler, { events, searches: [first, second] }))).toBe('l----------L', {
          l: 'l  /0',
          L: 'L d10 /1',
        });
        expectSubscriptions(first.subscriptions).toBe('^--!');
        expectSubscriptions(second.subscriptions).toBe('-------^---!');
      });
    });

    it('keeps the last documents as resyncing while restoring, through two reconnections in a row', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        // Restored at 6, lost again at 8 before the search answered, restored at 10: only the last search counts,
        // merged with d3, created while it ran.
        const events = cold<SubscriptionEvent>('l--r--R-r-R-x', { ...STATUS, x: created('d3', 0, 3000) });
        const first = cold('--(s|)', { s: snap([hit('d1'), hit('d2')]) });
        const second = cold<Snapshot<Src>>('----(s|)', { s: snap([hit('stale')]) });
        const third = cold('---(s|)', { s: snap([hit('d2', 1, 2500)]) });
        expectObservable(shown(watch(scheduler, { events, searches: [first, second, third] }))).toBe('l-Lr---------M', {
          l: 'l  /0',
          L: 'L d10,d20 /2',
          r: 'r d10,d20 /2',
          M: 'L d21,d30 /2',
        });
        expectSubscriptions(second.subscriptions).toBe('------^-!');
        expectSubscriptions(third.subscriptions).toBe('----------^--!');
      });
    });

    it('does not end when the search fails because the link was lost: the restored subscription searches again', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l--r--R', STATUS);
        const lost = cold<Snapshot<Src>>('-#', {}, new ConnectionLostError({ controller: 'document', action: 'search' }));
        const search = cold('-(s|)', { s: snap([hit('d1')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [lost, search] }))).toBe('l------L', { l: 'l  /0', L: 'L d10 /1' });
      });
    });
  });

  describe('missed notifications', () => {
    it('fetches again when a timer fires more than lagThreshold late (the client did not read its socket)', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        // The client's clock jumps 300 ms at 350: the tick due at 400 comes 300 ms after the one at 300.
        const clock = () => scheduler.now() + (scheduler.now() >= 350 ? 300 : 0);
        const events = cold<SubscriptionEvent>('l', STATUS);
        const first = cold('--(s|)', { s: snap([hit('d1')]) });
        const second = cold('-----(s|)', { s: snap([hit('d1'), hit('missed')]) });
        const result$ = watch(scheduler, { events, searches: [first, second], lagThreshold: 100, clock });
        expectObservable(shown(result$), '^ 599ms !').toBe('l-L 397ms r----M', {
          l: 'l  /0',
          L: 'L d10 /1',
          r: 'r d10 /1',
          M: 'L d10,missed0 /2',
        });
        expectSubscriptions(second.subscriptions).toBe('400ms ^----!');
      });
    });

    it('fetches again for a write notified without its id (an upsert that creates a document)', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const upserted: DocumentNotification = {
          ...created('x', 0, 2000),
          result: { color: 'red', n: 0 } as DocumentNotification['result'],
        };
        const events = cold<SubscriptionEvent>('l---u', { ...STATUS, u: upserted });
        const first = cold('-(s|)', { s: snap([hit('d1')]) });
        const second = cold('--(s|)', { s: snap([hit('d1'), hit('up', 0, 2000)]) });
        expectObservable(shown(watch(scheduler, { events, searches: [first, second] }))).toBe('lL--r-M', {
          l: 'l  /0',
          L: 'L d10 /1',
          r: 'r d10 /1',
          M: 'L d10,up0 /2',
        });
      });
    });

    it('fetches again when a periodic count disagrees with the total (checkInterval)', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l', STATUS);
        const first = cold('-(s|)', { s: snap([hit('d1')]) });
        const second = cold('--(s|)', { s: snap([hit('d1'), hit('silent')]) });
        const counts = [cold('--(c|)', { c: 1 }), cold('--(c|)', { c: 2 })];
        const result$ = watch(scheduler, { events, searches: [first, second], counts, checkInterval: 100 });
        expectObservable(shown(result$), '^ 249ms !').toBe('lL 200ms r-M', {
          l: 'l  /0',
          L: 'L d10 /1',
          r: 'r d10 /1',
          M: 'L d10,silent0 /2',
        });
      });
    });
  });

  describe('the result', () => {
    it('is in the order of the sort and holds at most `size` documents, refilled when one moves past its end', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const events = cold<SubscriptionEvent>('l---a--b--c', {
          ...STATUS,
          a: created('d', 4, 2000),
          b: updated('b', 5, 2100),
          c: updated('a', 0, 2200),
        });
        const first = cold('-(s|)', { s: snap([hit('c', 1), hit('a', 3), hit('b', 2)]) });
        const second = cold('--(s|)', { s: snap([hit('b', 5, 2100), hit('d', 4, 2000), hit('c', 1)], 4) });
        expectObservable(shown(watch(scheduler, { events, searches: [first, second], sort: { n: 'desc' }, size: 3 }))).toBe(
          'lL--D--B--R-S',
          {
            l: 'l  /0',
            L: 'L a3,b2,c1 /3',
            D: 'L d4,a3,b2 /4',
            B: 'L b5,d4,a3 /4',
            R: 'r b5,d4,a0 /4',
            S: 'L b5,d4,c1 /4',
          },
        );
      });
    });

    it('counts the total again once the writes settle, after a change it cannot count (outside a truncated result)', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        // x matched or not before its update: only a count tells. It waits `staleness` (50 ms) for the storage.
        const events = cold<SubscriptionEvent>('l----x', { ...STATUS, x: updated('x', 1, 2000) });
        const search = cold('-(s|)', { s: snap([hit('a')], 3) });
        const count = cold('--(c|)', { c: 4 });
        expectObservable(shown(watch(scheduler, { events, searches: [search], counts: [count], size: 1 }))).toBe('lL 55ms T', {
          l: 'l  /0',
          L: 'L a0 /3',
          T: 'L a0 /4',
        });
        expectSubscriptions(count.subscriptions).toBe('55ms ^-!');
      });
    });

    it('emits frozen values, a new array per change, and keeps the objects of the documents that did not change', () => {
      const values: Array<LiveResult<Src>> = [];
      scheduler.run(({ cold }) => {
        const events = cold<SubscriptionEvent>('l---a--b--R', { ...STATUS, a: updated('d2', 1, 2000), b: updated('d2', 1, 2000) });
        const first = cold('-(s|)', { s: snap([hit('d1'), hit('d2'), hit('d3')]) });
        const second = cold('-(s|)', { s: snap([hit('d1'), hit('d2', 1, 2000), hit('d3')]) });
        watch(scheduler, { events, searches: [first, second] }).subscribe((value) => values.push(value));
      });
      // loading, live, d2 updated, resyncing (the duplicate b changed nothing), live again (nothing changed either).
      expect(values.map(show)).toEqual(['l  /0', 'L d10,d20,d30 /3', 'L d10,d21,d30 /3', 'r d10,d21,d30 /3', 'L d10,d21,d30 /3']);
      const [, live, changed, resyncing, again] = values as [
        LiveResult<Src>,
        LiveResult<Src>,
        LiveResult<Src>,
        LiveResult<Src>,
        LiveResult<Src>,
      ];
      for (const value of values) {
        expect(Object.isFrozen(value)).toBe(true);
        expect(Object.isFrozen(value.documents)).toBe(true);
        value.documents.forEach((d) => expect(Object.isFrozen(d)).toBe(true));
      }
      expect(changed.documents).not.toBe(live.documents);
      expect(changed.documents[0]).toBe(live.documents[0]);
      expect(changed.documents[2]).toBe(live.documents[2]);
      expect(live.documents[1]?._source.n).toBe(0);
      expect(resyncing.documents).toBe(changed.documents);
      expect(again.documents).toBe(changed.documents);
    });

    it('ends the subscription and the search in flight when unsubscribed', () => {
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const events = cold<SubscriptionEvent>('l', STATUS);
        const search = cold('-----(s|)', { s: snap([hit('d1')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] })), '^--!').toBe('l', { l: 'l  /0' });
        expectSubscriptions(events.subscriptions).toBe('^--!');
        expectSubscriptions(search.subscriptions).toBe('^--!');
      });
    });

    it('emits nothing for a published message or a change that changes nothing', () => {
      scheduler.run(({ cold, expectObservable }) => {
        const publish: DocumentNotification = { ...updated('m', 0, 1), event: 'publish', action: 'publish', controller: 'realtime' };
        const events = cold<SubscriptionEvent>('l--m-s-b', {
          ...STATUS,
          m: publish,
          s: updated('d1', 0, 100),
          b: updated('x', 1, 3000, 'blue'),
        });
        const search = cold('-(s|)', { s: snap([hit('d1')]) });
        expectObservable(shown(watch(scheduler, { events, searches: [search] }))).toBe('lL', { l: 'l  /0', L: 'L d10 /1' });
      });
    });
  });
});
