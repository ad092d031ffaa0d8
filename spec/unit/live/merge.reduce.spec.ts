import { ArgumentCheck } from '../../../src/controllers/arguments';
import type { KuzzleDocument } from '../../../src/controllers/document/types';
import { liveDocument, type DocumentChange } from '../../../src/live/query/changes';
import { reduce } from '../../../src/live/query/reduce';
import { documentOrder, sortKeys } from '../../../src/live/query/sort';
import { initialState, resultOf, type WatchEvent, type WatchRules, type WatchState } from '../../../src/live/query/state';

// The state of a live query, event by event: the pure reducer behind document.watch(). `at` is the client's clock
// (ms), server times are plain numbers. The query is `color == 'red'`, by _id, at most 3 documents, and a snapshot
// may miss the changes of the last 100 ms.

type Src = { color: string; n?: number };
type State = WatchState<Src>;
type Event = WatchEvent<Src>;

const rules: WatchRules = {
  test: (s) => s['color'] === 'red',
  order: documentOrder(sortKeys(new ArgumentCheck('document.watch'), undefined)),
  size: 3,
  staleness: 100,
};
const info = (createdAt: number, updatedAt: number | null = null) => ({ author: '-1', createdAt, updatedAt, updater: null });
const hit = (id: string, n = 0, at = 100): KuzzleDocument<Src> => ({
  _id: id,
  _source: { color: 'red', n, _kuzzle_info: info(50, at) } as KuzzleDocument<Src>['_source'],
});

const live: Event = { type: 'status', state: 'live', at: 0 };
const restoring = (at = 0): Event => ({ type: 'status', state: 'restoring', at });
const changeAt = (at: number, id: string, n: number, color = 'red', time = 500): Event => {
  const change: DocumentChange<Src> = {
    id,
    kind: 'write',
    source: { color, n, _kuzzle_info: info(50, time) } as DocumentChange<Src>['source'],
    created: false,
    time,
    at,
  };
  return { type: 'change', change, at };
};
const snapshot = (request: number, hits: Array<KuzzleDocument<Src>>, total = hits.length, at = 0): Event => ({
  type: 'snapshot',
  request,
  snapshot: { hits, total },
  at,
});

const run = (events: Event[], from: State = initialState<Src>(rules, [])): State =>
  events.reduce((state, event) => reduce(rules, state, event), from);
const shown = (state: State) => {
  const { status, documents, total } = resultOf(state);
  return `${status} ${documents.map((d) => `${d._id}${String(d._source.n)}`).join(',')} /${total}`;
};

describe('the state of a live query', () => {
  it('starts loading with the initial documents, sorted and bounded', () => {
    const initial = ['d', 'b', 'c', 'a'].map((id) => liveDocument<Src>(id, { color: 'red', n: 0 }));
    expect(shown(initialState(rules, initial))).toBe('loading a0,b0,c0 /3');
  });

  it('asks for a snapshot once the subscription is live, holds the changes meanwhile and merges them', () => {
    const fetching = run([live, changeAt(10, 'a', 5)]);
    expect([fetching.phase, fetching.fetch, shown(fetching)]).toEqual(['fetching', 1, 'loading  /0']);
    expect(shown(run([snapshot(1, [hit('a', 1), hit('b')], 2, 20)], fetching))).toBe('live a5,b0 /2');
  });

  it('applies a change at once when live', () => {
    expect(shown(run([live, snapshot(1, [hit('a')]), changeAt(10, 'b', 1)]))).toBe('live a0,b1 /2');
  });

  it('ignores the answer of a search it abandoned', () => {
    const state = run([live, restoring(), { type: 'status', state: 'live', at: 5 }, snapshot(1, [hit('stale')])]);
    expect([state.phase, state.fetch, shown(state)]).toEqual(['fetching', 2, 'loading  /0']);
  });

  it('keeps the documents while the subscription is restored, as resyncing, and fetches again once it is', () => {
    const restored = run([live, snapshot(1, [hit('a')]), restoring()]);
    expect([restored.fetch, shown(restored)]).toEqual([null, 'resyncing a0 /1']);
    expect(run([{ type: 'status', state: 'live', at: 5 }], restored).fetch).toBe(2);
  });

  it('fetches again on a lag, live or fetching, but not while the subscription is being restored', () => {
    const synced = run([live, snapshot(1, [hit('a')])]);
    expect(run([{ type: 'resync', reason: 'lag', at: 5 }], synced).fetch).toBe(2);
    expect(run([live, { type: 'resync', reason: 'lag', at: 5 }]).fetch).toBe(2);
    expect(run([restoring(), { type: 'resync', reason: 'lag', at: 5 }], synced).fetch).toBe(null);
  });

  it('fetches again when a periodic count disagrees with the total, unless changes came since the last quiet moment', () => {
    const synced = run([live, snapshot(1, [hit('a')])]);
    expect(run([{ type: 'check', count: 2, seq: 0, sentAt: 500, at: 510 }], synced).fetch).toBe(2);
    expect(run([{ type: 'check', count: 1, seq: 0, sentAt: 500, at: 510 }], synced).fetch).toBe(null);
    const busy = run([changeAt(450, 'b', 1)], synced);
    expect(run([{ type: 'check', count: 5, seq: busy.seq, sentAt: 500, at: 510 }], busy).fetch).toBe(null);
    expect(run([{ type: 'check', count: 5, seq: 0, sentAt: 600, at: 610 }], busy).fetch).toBe(null);
  });

  it('recounts the total when a change outside a truncated result cannot be counted, and again if changes came meanwhile', () => {
    const truncated = run([live, snapshot(1, [hit('a'), hit('b'), hit('c')], 10)]);
    const uncertain = run([changeAt(10, 'x', 1, 'blue')], truncated);
    expect(uncertain.recount).toEqual({ request: 2, seq: 1 });
    const again = run([changeAt(20, 'y', 1, 'blue'), { type: 'recount', request: 2, count: 8, at: 30 }], uncertain);
    expect([again.recount, again.window.total]).toEqual([{ request: 3, seq: 2 }, 10]);
    const counted = run([{ type: 'recount', request: 3, count: 8, at: 40 }], again);
    expect([counted.recount, shown(counted)]).toEqual([null, 'live a0,b0,c0 /8']);
  });

  it('leaves the total as it is when a recount fails, and may ask for one again', () => {
    const uncertain = run([live, snapshot(1, [hit('a'), hit('b'), hit('c')], 10), changeAt(10, 'x', 1, 'blue')]);
    const failed = run([{ type: 'recount', request: 2, count: null, at: 20 }], uncertain);
    expect([failed.recount, failed.window.total]).toEqual([null, 10]);
    expect(run([changeAt(30, 'y', 1, 'blue')], failed).recount).toEqual({ request: 3, seq: 2 });
  });

  it('fetches again when a document leaves a truncated result', () => {
    const truncated = run([live, snapshot(1, [hit('a'), hit('b'), hit('c')], 10)]);
    const gap = run([changeAt(10, 'b', 1, 'blue')], truncated);
    expect([gap.phase, gap.fetch, shown(gap)]).toEqual(['fetching', 2, 'resyncing a0,c0 /9']);
  });

  it('keeps the changes of the last `staleness` ms for the next snapshot, and every change since the search was asked for', () => {
    const synced = run([live, snapshot(1, [hit('a')]), changeAt(10, 'a', 1), changeAt(200, 'a', 2)]);
    expect(synced.recent.map((c) => c.at)).toEqual([200]);
    const slow = run([{ type: 'resync', reason: 'lag', at: 300 }, changeAt(310, 'a', 3), changeAt(900, 'a', 4)], synced);
    expect(slow.recent.map((c) => c.at)).toEqual([200, 310, 900]);
    expect(shown(run([snapshot(slow.fetch ?? 0, [hit('a', 0, 100)], 1, 950)], slow))).toBe('live a4 /1');
  });
});
