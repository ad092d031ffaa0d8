import { ArgumentCheck } from '../../../src/controllers/arguments';
import type { KuzzleDocument } from '../../../src/controllers/document/types';
import { liveDocument, type DocumentChange, type LiveDocument } from '../../../src/live/query/changes';
import { mergeSnapshot } from '../../../src/live/query/snapshot';
import { documentOrder, searchSort, sortKeys } from '../../../src/live/query/sort';
import { applyChange, type LiveWindow, type WindowRules } from '../../../src/live/query/window';
import type { LiveSort } from '../../../src/live/query/options';
import { nameAndMessage } from '../../support/client-harness';

// The pure rules of document.watch(): the order, a change applied to the window, a snapshot merged with the changes
// received meanwhile. The query is `color == 'red'`; server times are plain numbers (100 is older than 200).

type Src = { color: string; n?: number | number[] | null; tag?: string };
type Doc = LiveDocument<Src>;

const info = (createdAt: number, updatedAt: number | null = null) => ({ author: '-1', createdAt, updatedAt, updater: null });
const doc = (id: string, n = 0, color = 'red', at = 100): Doc =>
  liveDocument<Src>(id, { color, n, _kuzzle_info: info(at) } as Doc['_source']);
const hit = (id: string, n = 0, color = 'red', at = 100): KuzzleDocument<Src> => ({
  _id: id,
  _source: { color, n, _kuzzle_info: info(50, at) } as Doc['_source'],
});

function change(id: string, kind: 'write' | 'delete', source: Src | undefined, time: number, created = false): DocumentChange<Src> {
  return { id, kind, source: source as DocumentChange<Src>['source'], created, time, at: 0 };
}
const write = (id: string, n: number, color = 'red', time = 500) =>
  change(id, 'write', { color, n, _kuzzle_info: info(50, time + 2) } as Src, time);
const create = (id: string, n: number, color = 'red', time = 500) =>
  change(id, 'write', { color, n, _kuzzle_info: info(time + 2) } as Src, time, true);
const remove = (id: string, time = 500, source?: Src) => change(id, 'delete', source, time);

const order = (sort?: LiveSort) => documentOrder(sortKeys(new ArgumentCheck('document.watch'), sort));
const rules = (size = 10, sort?: LiveSort): WindowRules => ({ test: (s) => s['color'] === 'red', order: order(sort), size });
const win = (documents: Doc[], total = documents.length): LiveWindow<Src> => ({ documents, total });
const ids = (w: LiveWindow<Src>) => w.documents.map((d) => d._id);

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return nameAndMessage(error);
  }
  return 'nothing thrown';
}

describe('the order of a live result', () => {
  const sorted = (sort: LiveSort | undefined, docs: Doc[]) => [...docs].sort(order(sort)).map((d) => d._id);

  it('is by _id when the query has no sort, and _id breaks ties of any sort', () => {
    expect(sorted(undefined, [doc('b'), doc('c'), doc('a')])).toEqual(['a', 'b', 'c']);
    expect(sorted('n', [doc('b', 1), doc('c', 0), doc('a', 1)])).toEqual(['c', 'a', 'b']);
    expect(searchSort(sortKeys(new ArgumentCheck('x'), ['n', { tag: 'desc' }]))).toEqual([{ n: 'asc' }, { tag: 'desc' }, { _id: 'asc' }]);
    expect(searchSort(sortKeys(new ArgumentCheck('x'), { _id: 'desc' }))).toEqual([{ _id: 'desc' }]);
  });

  it('sorts descending, and puts a missing value last in either direction, as a search does', () => {
    const docs = [doc('a', 1), doc('b', 3), liveDocument<Src>('m', { color: 'red' }), doc('c', 2)];
    expect(sorted({ n: 'desc' }, docs)).toEqual(['b', 'c', 'a', 'm']);
    expect(sorted({ n: 'asc' }, docs)).toEqual(['a', 'c', 'b', 'm']);
  });

  it('sorts an array by its smallest value ascending and its largest descending, and follows dotted paths', () => {
    const a = liveDocument<Src>('a', { color: 'red', n: [5, 1] });
    const b = liveDocument<Src>('b', { color: 'red', n: [3] });
    expect(sorted('n', [b, a])).toEqual(['a', 'b']);
    expect(sorted({ n: 'desc' }, [b, a])).toEqual(['a', 'b']);
    const deep = (id: string, city: string) => liveDocument<{ address: { city: string } }>(id, { address: { city } }) as unknown as Doc;
    expect(sorted('address.city', [deep('x', 'Paris'), deep('y', 'Lyon')])).toEqual(['y', 'x']);
  });

  it.each([
    [{ n: 'up' }, 'Invalid request: document.watch: sort.n must be "asc" or "desc", got "up"'],
    [[''], 'Invalid request: document.watch: sort[0] must be a field name or { field: "asc" | "desc" }, got an empty string'],
    ['_score', 'Invalid request: document.watch: sort must be fields of the documents, not _score, got "_score"'],
  ])('refuses the sort %j', (sort, message) => {
    expect(thrown(() => sortKeys(new ArgumentCheck('document.watch'), sort as LiveSort))).toEqual({ name: 'InvalidRequestError', message });
  });
});

describe('a change applied to a window that holds every match', () => {
  it('inserts a matching document in order and counts it', () => {
    const before = win([doc('a'), doc('c')]);
    const { window, refill, recount } = applyChange(rules(), before, create('b', 1));
    expect([ids(window), window.total, refill, recount]).toEqual([['a', 'b', 'c'], 3, false, false]);
    expect(window.documents[0]).toBe(before.documents[0]);
    expect(window.documents[2]).toBe(before.documents[1]);
  });

  it('removes a document that no longer matches, or was deleted', () => {
    expect(ids(applyChange(rules(), win([doc('a'), doc('b')]), write('a', 1, 'blue')).window)).toEqual(['b']);
    const deleted = applyChange(rules(), win([doc('a'), doc('b')]), remove('b')).window;
    expect([ids(deleted), deleted.total]).toEqual([['a'], 1]);
  });

  it('moves an updated document to its new place; the others keep their objects', () => {
    const before = win([doc('a', 1), doc('b', 2), doc('c', 3)]);
    const { window } = applyChange(rules(10, 'n'), before, write('a', 9));
    expect(ids(window)).toEqual(['b', 'c', 'a']);
    expect(window.documents[0]).toBe(before.documents[1]);
    expect(window.documents[2]?._source.n).toBe(9);
  });

  it('leaves the window as it is (the same object) for a change that changes nothing', () => {
    const a = doc('a', 1);
    const before = win([a]);
    expect(applyChange(rules(), before, change('a', 'write', a._source, 900)).window).toBe(before);
    expect(applyChange(rules(), before, write('z', 1, 'blue')).window).toBe(before);
    expect(applyChange(rules(), before, remove('z')).window).toBe(before);
  });

  it('keeps the first `size` documents when one more enters, and counts the one pushed out', () => {
    const { window, refill, recount } = applyChange(rules(2), win([doc('b'), doc('c')]), create('a', 1));
    expect([ids(window), window.total, refill, recount]).toEqual([['a', 'b'], 3, false, false]);
  });

  it('never changes a document or the array it was given', () => {
    const documents = Object.freeze([doc('a', 1), doc('b', 2)]);
    applyChange(rules(), win(documents as Doc[]), write('a', 5));
    expect(documents.map((d) => d._source.n)).toEqual([1, 2]);
    expect(Object.isFrozen(applyChange(rules(), win([doc('a')]), create('b', 1)).window.documents)).toBe(true);
  });
});

describe('a change applied to a truncated window (more matches than it holds)', () => {
  // Holds a and b of 5 matches, by _id.
  const truncated = () => win([doc('b'), doc('d')], 5);

  it('asks for a refill when one of its documents leaves (the next match is unknown), and counts it out', () => {
    const { window, refill } = applyChange(rules(2), truncated(), write('b', 1, 'blue'));
    expect([ids(window), window.total, refill]).toEqual([['d'], 4, true]);
  });

  it('asks for a refill when one of its documents moves past its end (unknown matches may come before it)', () => {
    const { window, refill } = applyChange(rules(2, 'n'), win([doc('b', 1), doc('d', 2)], 5), write('b', 7));
    expect([ids(window), refill]).toEqual([['d', 'b'], true]);
  });

  it('takes in a created document that sorts inside it and counts it; a created one past its end is only counted', () => {
    const inside = applyChange(rules(2), truncated(), create('a', 1));
    expect([ids(inside.window), inside.window.total, inside.recount]).toEqual([['a', 'b'], 6, false]);
    const past = applyChange(rules(2), truncated(), create('z', 1));
    expect([ids(past.window), past.window.total, past.recount]).toEqual([['b', 'd'], 6, false]);
  });

  it('asks for a recount for an update of a document it does not hold (it may have matched before)', () => {
    const entering = applyChange(rules(2), truncated(), write('a', 1));
    expect([ids(entering.window), entering.window.total, entering.recount]).toEqual([['a', 'b'], 5, true]);
    const leaving = applyChange(rules(2), truncated(), write('x', 1, 'blue'));
    expect([leaving.window.total, leaving.recount]).toEqual([5, true]);
  });

  it('counts a deletion by the content the server sent with it', () => {
    expect(applyChange(rules(2), truncated(), remove('x', 500, { color: 'red' })).window.total).toBe(4);
    expect(applyChange(rules(2), truncated(), remove('x', 500, { color: 'blue' })).window.total).toBe(5);
    expect(applyChange(rules(2), truncated(), remove('x')).recount).toBe(true);
    expect(applyChange(rules(2), truncated(), create('x', 1, 'blue')).recount).toBe(false);
  });

  it('re-applied on a snapshot, never counts a document it does not hold: it asks for a recount', () => {
    const replayed = applyChange(rules(2), truncated(), create('z', 1), true);
    expect([replayed.window.total, replayed.recount]).toEqual([5, true]);
  });
});

describe('a snapshot merged with the changes received meanwhile', () => {
  it('sorts and bounds the hits, dropping what a hit carries beyond the document (score, version)', () => {
    const hits = [{ ...hit('c'), _score: 1, _version: 3 }, hit('a'), hit('b')];
    const { window } = mergeSnapshot(rules(2), [], { hits, total: 3 }, []);
    expect(window.documents).toEqual([
      { _id: 'a', _source: hit('a')._source },
      { _id: 'b', _source: hit('b')._source },
    ]);
    expect(window.total).toBe(3);
    expect(Object.isFrozen(window.documents[0])).toBe(true);
  });

  it('never brings back, from a change received before the link was lost, a document the snapshot lacks', () => {
    // a was updated just before the loss and deleted while the client was deaf; b moved out of the query meanwhile.
    const before = [
      { ...write('a', 1), at: 10 },
      { ...write('b', 2), at: 20 },
    ];
    const { window } = mergeSnapshot(rules(), [doc('a'), doc('b')], { hits: [hit('c')], total: 1 }, before, 30);
    expect([ids(window), window.total]).toEqual([['c'], 1]);
  });

  it('still applies a change received before the loss on the stale hit of its document, and one received after it anywhere', () => {
    const recent = [
      { ...write('a', 5, 'red', 300), at: 10 },
      { ...create('d', 1), at: 40 },
    ];
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a', 0, 'red', 100)], total: 1 }, recent, 30);
    expect(ids(window)).toEqual(['a', 'd']);
    expect(window.documents[0]?._source).toMatchObject({ n: 5 });
  });

  it('lets a deletion received during the search beat the stale hit that still holds the document', () => {
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a', 0, 'red', 100), hit('b')], total: 2 }, [remove('a', 300)]);
    expect([ids(window), window.total]).toEqual([['b'], 1]);
  });

  it('keeps a hit written after the change received (the change is older than what the search saw)', () => {
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a', 2, 'red', 400)], total: 1 }, [
      write('a', 1, 'red', 300),
      remove('a', 200),
    ]);
    expect(window.documents.map((d) => d._source.n)).toEqual([2]);
  });

  it('applies a change newer than the hit, and adds a matching document the search did not see yet', () => {
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a', 1, 'red', 100)], total: 1 }, [
      write('a', 5, 'red', 300),
      create('b', 1),
    ]);
    expect([window.documents.map((d) => `${d._id}${String(d._source.n)}`), window.total]).toEqual([['a5', 'b1'], 2]);
  });

  it('removes a document of the result updated out of the query after the hit was written', () => {
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a'), hit('b')], total: 2 }, [write('a', 1, 'blue', 300)]);
    expect([ids(window), window.total]).toEqual([['b'], 1]);
  });

  it('takes the later copy of a document that two pages both returned', () => {
    const { window } = mergeSnapshot(rules(), [], { hits: [hit('a', 1), hit('b'), hit('a', 2)], total: 2 }, []);
    expect(window.documents.map((d) => `${d._id}${String(d._source.n)}`)).toEqual(['a2', 'b0']);
  });

  it('keeps the objects of the documents whose content did not change, and the array itself when none did', () => {
    const previous = Object.freeze([liveDocument<Src>('a', hit('a')._source), liveDocument<Src>('b', hit('b')._source)]);
    const same = mergeSnapshot(rules(), previous, { hits: [hit('b'), hit('a')], total: 2 }, []);
    expect(same.window.documents).toBe(previous);
    const changed = mergeSnapshot(rules(), previous, { hits: [hit('a'), hit('b', 7)], total: 2 }, []);
    expect(changed.window.documents[0]).toBe(previous[0]);
    expect(changed.window.documents[1]).not.toBe(previous[1]);
  });

  it('asks for a refill when a replayed change empties a place of a truncated snapshot', () => {
    const merged = mergeSnapshot(rules(2), [], { hits: [hit('a'), hit('b')], total: 4 }, [remove('a', 300)]);
    expect([ids(merged.window), merged.window.total, merged.refill]).toEqual([['b'], 3, true]);
  });
});
