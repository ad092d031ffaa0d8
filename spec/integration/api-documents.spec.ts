import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { firstValueFrom, lastValueFrom, type Observable, toArray } from 'rxjs';
import { KuzzleError, type Kuzzle } from '../../src';
import { plain } from '../support/compat-runner';
import { client, startTarget, type Target, targetNames } from '../support/targets';

// Every method of the document, bulk, collection and index controllers on the real server, and for a representative
// set, the value kuzzle-sdk 7 resolves to for the same call on the same server. Names are one word each: the storage
// stand-in of the test server matches ids and index names word by word.

const word = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** What the call emits, checking that it emits exactly once and completes. */
async function once<T>(call: Observable<T>): Promise<T> {
  const values = await lastValueFrom(call.pipe(toArray()));
  expect(values).toHaveLength(1);
  return values[0] as T;
}

/** A value as plain JSON, with what changes between two calls (timestamps, versions, given keys) masked. */
function stable(value: unknown, mask: readonly string[] = []): unknown {
  const masked = new Set(['createdAt', 'updatedAt', ...mask]);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, masked.has(k) && inner !== null ? '<masked>' : walk(inner)]));
  };
  return walk(plain(value));
}

async function errorOf(call: Observable<unknown>): Promise<unknown> {
  return firstValueFrom(call).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The documents of the specs. */
interface Paint {
  readonly color: string;
  readonly n: number;
}

const mappings = { properties: { color: { type: 'keyword' }, n: { type: 'integer' } } };

describe.runIf(targetNames().includes('real'))('the document, bulk, collection and index controllers on the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;
  let index: string;

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
  });
  afterAll(async () => {
    kuzzle.disconnect();
    sdk.disconnect();
    await target.stop();
  });
  beforeEach(async () => {
    index = word('docs');
    await once(kuzzle.index.create(index));
    await once(kuzzle.collection.create(index, 'c', { mappings }));
  });
  afterEach(async () => {
    await firstValueFrom(kuzzle.index.delete(index)).catch(() => undefined);
  });

  describe('index', () => {
    it('creates, lists, checks, counts and deletes indexes as kuzzle-sdk does', async () => {
      const other = word('idx');
      const third = word('idx');
      expect(await once(kuzzle.index.create(other))).toBeUndefined();
      await sdk.index.create(third);
      expect(await once(kuzzle.index.exists(other))).toBe(true);
      expect(await once(kuzzle.index.exists(third))).toBe(await sdk.index.exists(third));
      expect(await once(kuzzle.index.exists(word('nope')))).toBe(false);
      const listed = await once(kuzzle.index.list());
      expect(listed).toEqual(expect.arrayContaining([index, other, third]));
      expect(await sdk.index.list()).toEqual(expect.arrayContaining([index, other, third]));
      const stats = await once(kuzzle.index.stats());
      expect(stats).toEqual({ indexes: expect.any(Array) as unknown, size: expect.any(Number) as unknown });
      expect(Object.keys(stats).sort()).toEqual(Object.keys(await sdk.index.stats()).sort());
      expect(await once(kuzzle.index.mDelete([other, word('nope')]))).toEqual([other]);
      expect(await once(kuzzle.index.delete(third))).toBeUndefined();
      expect(await once(kuzzle.index.exists(third))).toBe(false);
      expect(await once(kuzzle.index.exists(other))).toBe(false);
    });

    it('errors with the server error when the index exists', async () => {
      const error = await errorOf(kuzzle.index.create(index));
      expect(error).toBeInstanceOf(KuzzleError);
      expect(error).toMatchObject({ id: 'services.storage.index_already_exists' });
    });
  });

  describe('collection', () => {
    it('creates, lists, maps, updates, refreshes, truncates and deletes collections', async () => {
      expect(await once(kuzzle.collection.create(index, 'd'))).toBeUndefined();
      expect(await once(kuzzle.collection.exists(index, 'd'))).toBe(true);
      expect(await once(kuzzle.collection.exists(index, 'nope'))).toBe(await sdk.collection.exists(index, 'nope'));
      expect(await once(kuzzle.collection.list(index))).toEqual(await sdk.collection.list(index));
      expect(await once(kuzzle.collection.list(index, { from: 1, size: 1 }))).toEqual(
        await sdk.collection.list(index, { from: 1, size: 1 }),
      );
      expect(await once(kuzzle.collection.getMapping(index, 'c'))).toEqual(await sdk.collection.getMapping(index, 'c'));
      const withMeta = await once(kuzzle.collection.getMapping(index, 'c', { includeKuzzleMeta: true }));
      expect(withMeta.properties).toHaveProperty('_kuzzle_info');
      expect(withMeta).toEqual(await sdk.collection.getMapping(index, 'c', { includeKuzzleMeta: true }));
      const settings = await once(kuzzle.collection.getSettings(index, 'c'));
      expect(settings).toHaveProperty('number_of_shards');

      expect(await once(kuzzle.collection.update(index, 'c', { mappings: { properties: { size: { type: 'integer' } } } }))).toBeUndefined();
      const updated = await once(kuzzle.collection.updateMapping(index, 'c', { properties: { z: { type: 'keyword' } } }));
      expect(updated.properties).toMatchObject({ color: { type: 'keyword' }, size: { type: 'integer' }, z: { type: 'keyword' } });
      expect(updated).toEqual(await sdk.collection.updateMapping(index, 'c', { properties: { z: { type: 'keyword' } } }));

      await once(kuzzle.document.create(index, 'c', { color: 'red' }));
      expect(await once(kuzzle.collection.refresh(index, 'c'))).toBeUndefined();
      expect(await once(kuzzle.document.count(index, 'c'))).toBe(1);
      expect(await once(kuzzle.collection.truncate(index, 'c', { refresh: 'wait_for' }))).toBeUndefined();
      await once(kuzzle.collection.refresh(index, 'c'));
      expect(await once(kuzzle.document.count(index, 'c'))).toBe(0);

      expect(await once(kuzzle.collection.delete(index, 'd'))).toBeUndefined();
      expect(await once(kuzzle.collection.exists(index, 'd'))).toBe(false);
    });

    it('sets, reads, validates, searches and deletes specifications as kuzzle-sdk does', async () => {
      const specifications = { strict: false, fields: { n: { type: 'integer' } } };
      expect(await once(kuzzle.collection.validateSpecifications(index, 'c', specifications))).toEqual({ valid: true });
      const wrong = { strict: true, fields: { n: { type: 'nope' } } };
      const invalid = await once(kuzzle.collection.validateSpecifications(index, 'c', wrong));
      expect(invalid).toMatchObject({ valid: false, details: [expect.stringContaining('nope') as unknown] });
      expect(invalid).toEqual(await sdk.collection.validateSpecifications(index, 'c', wrong));

      expect(await once(kuzzle.collection.updateSpecifications(index, 'c', specifications))).toEqual(specifications);
      expect(await sdk.collection.updateSpecifications(index, 'c', specifications)).toEqual(specifications);
      const stored = await once(kuzzle.collection.getSpecifications(index, 'c'));
      expect(stored).toMatchObject({ index, collection: 'c', validation: specifications });
      expect(stored).toEqual(await sdk.collection.getSpecifications(index, 'c'));

      const query = { query: { match: { index } } };
      const page = await once(kuzzle.collection.searchSpecifications(query, { size: 5 }));
      expect(page.hits.map((hit) => hit._source.validation)).toEqual([specifications]);
      expect(stable(page)).toEqual(stable(await sdk.collection.searchSpecifications(query, { size: 5 })));
      expect(await once(page.next())).toBeNull();

      expect(await once(kuzzle.collection.deleteSpecifications(index, 'c'))).toBeUndefined();
      const error = await errorOf(kuzzle.collection.getSpecifications(index, 'c'));
      expect(error).toBeInstanceOf(KuzzleError);
      expect(error).toMatchObject({ status: 404 });
    });
  });

  describe('document, one at a time', () => {
    it('creates, reads, replaces, updates, upserts and deletes documents as kuzzle-sdk does', async () => {
      const mine = await once(kuzzle.document.create(index, 'c', { color: 'red', n: 1 }, 'mine', { refresh: 'wait_for' }));
      const theirs = await sdk.document.create(index, 'c', { color: 'red', n: 1 }, 'theirs', { refresh: 'wait_for' });
      expect(mine).toMatchObject({
        _id: 'mine',
        _version: 1,
        _source: { color: 'red', n: 1, _kuzzle_info: { author: '-1', updater: null } },
      });
      expect(stable(mine, ['_id'])).toEqual(stable(theirs, ['_id']));
      const generated = await once(kuzzle.document.create(index, 'c', { color: 'blue' }));
      expect(generated._id).toEqual(expect.any(String));

      expect(await once(kuzzle.document.get(index, 'c', 'mine'))).toEqual(await sdk.document.get(index, 'c', 'mine'));
      expect(await once(kuzzle.document.exists(index, 'c', 'mine'))).toBe(true);
      expect(await once(kuzzle.document.exists(index, 'c', 'nope'))).toBe(await sdk.document.exists(index, 'c', 'nope'));
      const missing = await errorOf(kuzzle.document.get(index, 'c', 'nope'));
      expect(missing).toBeInstanceOf(KuzzleError);
      expect(missing).toMatchObject({ id: 'services.storage.not_found', status: 404 });

      const replaced = await once(kuzzle.document.createOrReplace(index, 'c', 'mine', { color: 'green', n: 2 }));
      expect(replaced).toMatchObject({ _id: 'mine', _version: 2, _source: { color: 'green', n: 2 } });
      const mineReplaced = await once(kuzzle.document.replace(index, 'c', 'mine', { color: 'blue', n: 3 }));
      const theirsReplaced = await sdk.document.replace(index, 'c', 'theirs', { color: 'blue', n: 3 });
      expect(stable(mineReplaced, ['_id', '_version'])).toEqual(stable(theirsReplaced, ['_id', '_version']));

      const update = await once(kuzzle.document.update(index, 'c', 'mine', { n: 4 }, { retryOnConflict: 2 }));
      expect(update._source).toMatchObject({ n: 4, _kuzzle_info: { updater: '-1' } });
      expect(update._source).not.toHaveProperty('color');
      const whole = await once(kuzzle.document.update(index, 'c', 'mine', { n: 5 }, { source: true }));
      expect(whole._source).toMatchObject({ color: 'blue', n: 5 });
      await sdk.document.update(index, 'c', 'theirs', { n: 4 }, { retryOnConflict: 2 });
      const theirsWhole = await sdk.document.update(index, 'c', 'theirs', { n: 5 }, { source: true });
      expect(stable(whole, ['_id', '_version'])).toEqual(stable(theirsWhole, ['_id', '_version']));

      const upserted = await once(
        kuzzle.document.upsert<Paint>(index, 'c', 'fresh', { n: 1 }, { default: { color: 'pink' }, refresh: 'wait_for' }),
      );
      expect(upserted).toMatchObject({ _id: 'fresh', created: true });
      expect((await once(kuzzle.document.get(index, 'c', 'fresh')))._source).toMatchObject({ n: 1, color: 'pink' });
      const mineUpserted = await once(kuzzle.document.upsert(index, 'c', 'fresh', { n: 2 }));
      expect(mineUpserted).toMatchObject({ _id: 'fresh', created: false });
      expect(stable(mineUpserted, ['_id', '_version'])).toEqual(
        stable(await sdk.document.upsert(index, 'c', 'theirs', { n: 2 }), ['_id', '_version']),
      );

      const deleted = await once(kuzzle.document.deleteFields(index, 'c', 'fresh', ['color'], { source: true }));
      expect(deleted._source).not.toHaveProperty('color');
      expect(deleted._source).toMatchObject({ n: 2 });
      expect(await once(kuzzle.document.deleteFields(index, 'c', 'fresh', ['n']))).toMatchObject({ _id: 'fresh' });

      expect(await once(kuzzle.document.validate(index, 'c', { n: 1 }))).toEqual(await sdk.document.validate(index, 'c', { n: 1 }));
      expect(await once(kuzzle.document.count(index, 'c', { query: { match: { color: 'blue' } } }))).toBe(
        await sdk.document.count(index, 'c', { query: { match: { color: 'blue' } } }),
      );

      expect(await once(kuzzle.document.delete(index, 'c', 'mine', { refresh: 'wait_for' }))).toBe('mine');
      expect(await sdk.document.delete(index, 'c', 'theirs')).toBe('theirs');
      expect(await once(kuzzle.document.exists(index, 'c', 'mine'))).toBe(false);
    });
  });

  describe('document, several at once', () => {
    const writes = (prefix: string) => [
      { _id: `${prefix}a`, body: { color: 'red', n: 1 } },
      { _id: `${prefix}b`, body: { color: 'blue', n: 2 } },
    ];

    it('writes, reads and deletes several documents as kuzzle-sdk does', async () => {
      const mine = await once(kuzzle.document.mCreate(index, 'c', writes('mine'), { refresh: 'wait_for' }));
      const theirs = await sdk.document.mCreate(index, 'c', writes('theirs'), { refresh: 'wait_for' });
      expect(mine.successes.map((d) => d._id)).toEqual(['minea', 'mineb']);
      expect(stable(mine, ['_id'])).toEqual(stable(theirs, ['_id']));
      const again = await once(kuzzle.document.mCreate(index, 'c', [{ _id: 'minea', body: { color: 'x' } }]));
      expect(again).toMatchObject({ successes: [], errors: [{ document: { _id: 'minea' }, status: 400 }] });

      expect(await once(kuzzle.document.mGet(index, 'c', ['minea', 'nope']))).toEqual(
        await sdk.document.mGet(index, 'c', ['minea', 'nope']),
      );
      expect(await once(kuzzle.document.mExists(index, 'c', ['minea', 'mineb', 'nope']))).toEqual({
        successes: ['minea', 'mineb'],
        errors: ['nope'],
      });

      const replaced = await once(
        kuzzle.document.mReplace(index, 'c', [
          { _id: 'minea', body: { color: 'green' } },
          { _id: 'nope', body: {} },
        ]),
      );
      expect(replaced).toMatchObject({
        successes: [{ _id: 'minea', _source: { color: 'green' } }],
        errors: [{ document: { _id: 'nope' }, status: 404 }],
      });
      const sdkReplaced = await sdk.document.mReplace(index, 'c', [
        { _id: 'theirsa', body: { color: 'green' } },
        { _id: 'nope', body: {} },
      ]);
      expect(stable(replaced, ['_id', '_version'])).toEqual(stable(sdkReplaced, ['_id', '_version']));
      const written = await once(kuzzle.document.mCreateOrReplace(index, 'c', [{ _id: 'minec', body: { color: 'red' } }]));
      expect(written.successes).toMatchObject([{ _id: 'minec', _source: { color: 'red' } }]);

      const mUpdated = await once(kuzzle.document.mUpdate(index, 'c', [{ _id: 'minea', body: { n: 7 } }], { retryOnConflict: 1 }));
      const sdkUpdated = await sdk.document.mUpdate(index, 'c', [{ _id: 'theirsa', body: { n: 7 } }], { retryOnConflict: 1 });
      expect(mUpdated.successes).toMatchObject([{ _id: 'minea', _source: { n: 7 }, _updatedFields: ['n'] }]);
      expect(stable(mUpdated, ['_id', '_version'])).toEqual(stable(sdkUpdated, ['_id', '_version']));
      const mUpserted = await once(
        kuzzle.document.mUpsert<Paint>(index, 'c', [
          { _id: 'mined', changes: { n: 1 }, default: { color: 'pink' } },
          { _id: 'minea', changes: { n: 8 } },
        ]),
      );
      expect(mUpserted.successes).toMatchObject([
        { _id: 'mined', created: true },
        { _id: 'minea', created: false },
      ]);
      expect((await once(kuzzle.document.get(index, 'c', 'mined')))._source).toMatchObject({ color: 'pink', n: 1 });

      const removed = await once(kuzzle.document.mDelete(index, 'c', ['mined', 'nope'], { refresh: 'wait_for' }));
      expect(removed).toEqual({ successes: ['mined'], errors: [{ _id: 'nope', reason: expect.any(String) as unknown, status: 404 }] });
      expect(await sdk.document.mDelete(index, 'c', ['theirsb', 'nope'])).toEqual({ ...removed, successes: ['theirsb'] });
    });

    it('searches, updates and deletes by query as kuzzle-sdk does', async () => {
      await once(kuzzle.collection.create(index, 'd', { mappings }));
      await once(kuzzle.document.mCreate(index, 'c', [...writes('one'), ...writes('two')], { refresh: 'wait_for' }));
      await once(kuzzle.document.mCreate(index, 'd', writes('three'), { refresh: 'wait_for' }));
      const query = { query: { match: { color: 'blue' } }, sort: ['_id'] };

      const page = await once(kuzzle.document.search(index, 'c', query, { size: 10 }));
      expect(page.hits.map((hit) => hit._id)).toEqual(['oneb', 'twob']);
      expect(page.total).toBe(2);
      expect(plain(page)).toEqual(plain(await sdk.document.search(index, 'c', query, { size: 10 })));

      const targets = await once(kuzzle.document.searchTargets([{ index, collections: ['c', 'd'] }], query, { size: 10 }));
      expect(targets.hits.map((hit) => [hit._id, hit.index, hit.collection])).toEqual([
        ['oneb', index, 'c'],
        ['threeb', index, 'd'],
        ['twob', index, 'c'],
      ]);

      const byQuery = await once(
        kuzzle.document.updateByQuery(index, 'c', { match: { color: 'blue' } }, { n: 9 }, { refresh: 'wait_for' }),
      );
      expect(byQuery.errors).toEqual([]);
      expect(byQuery.successes.map((d) => d._id).sort()).toEqual(['oneb', 'twob']);
      const sdkByQuery = await sdk.document.updateByQuery(index, 'c', { match: { color: 'blue' } }, { n: 9 }, { refresh: 'wait_for' });
      expect(stable(byQuery, ['_version'])).toEqual(stable(sdkByQuery, ['_version']));
      expect(await once(kuzzle.document.count(index, 'c', { query: { range: { n: { gte: 9 } } } }))).toBe(2);

      const ids = await once(kuzzle.document.deleteByQuery(index, 'c', { query: { match: { color: 'blue' } } }, { refresh: 'wait_for' }));
      expect([...ids].sort()).toEqual(['oneb', 'twob']);
      expect(await sdk.document.deleteByQuery(index, 'c', { query: { match: { color: 'blue' } } })).toEqual([]);
      expect(await once(kuzzle.document.count(index, 'c'))).toBe(2);
    });
  });

  describe('bulk', () => {
    it('imports, writes, updates and deletes in bulk as kuzzle-sdk does', async () => {
      const bulkData = [{ index: { _id: 'bulka' } }, { color: 'pink', n: 1 }, { create: { _id: 'bulkb' } }, { color: 'pink', n: 2 }];
      const imported = await once(kuzzle.bulk.import(index, 'c', bulkData, { refresh: 'wait_for' }));
      expect(imported).toEqual({
        errors: [],
        successes: [{ index: { _id: 'bulka', status: 201 } }, { create: { _id: 'bulkb', status: 201 } }],
      });
      const again = await once(kuzzle.bulk.import(index, 'c', [{ create: { _id: 'bulka' } }, { color: 'pink' }]));
      expect(again).toMatchObject({ successes: [], errors: [{ create: { _id: 'bulka', status: 409 } }] });

      const info = { author: 'ada', createdAt: 1, updatedAt: null, updater: null };
      const written = await once(kuzzle.bulk.write(index, 'c', { color: 'grey', _kuzzle_info: info }, 'bulkc', { refresh: 'wait_for' }));
      expect(written).toEqual({ _id: 'bulkc', _version: 1, _source: { color: 'grey', _kuzzle_info: info } });
      expect(stable(written, ['_id'])).toEqual(
        stable(await sdk.bulk.write(index, 'c', { color: 'grey', _kuzzle_info: info }, 'bulkz'), ['_id']),
      );

      const mWritten = await once(kuzzle.bulk.mWrite(index, 'c', [{ _id: 'bulkd', body: { color: 'pink' } }], { refresh: 'wait_for' }));
      expect(mWritten).toEqual({ errors: [], successes: [{ _id: 'bulkd', _version: 1, _source: { color: 'pink' } }] });
      expect(stable(mWritten, ['_id'])).toEqual(
        stable(await sdk.bulk.mWrite(index, 'c', [{ _id: 'bulky', body: { color: 'pink' } } as never]), ['_id']),
      );

      expect(await once(kuzzle.bulk.updateByQuery(index, 'c', { match: { color: 'pink' } }, { n: 5 }, { refresh: 'wait_for' }))).toBe(
        await sdk.bulk.updateByQuery(index, 'c', { match: { color: 'pink' } }, { n: 5 }, { refresh: 'wait_for' }),
      );
      expect(await once(kuzzle.document.count(index, 'c', { query: { range: { n: { gte: 5 } } } }))).toBe(4);
      expect(await once(kuzzle.bulk.deleteByQuery(index, 'c', { query: { match: { color: 'pink' } } }, { refresh: 'wait_for' }))).toBe(4);
      expect(await sdk.bulk.deleteByQuery(index, 'c', { query: { match: { color: 'pink' } } })).toBe(0);
      await once(kuzzle.collection.refresh(index, 'c'));
      expect(await once(kuzzle.document.count(index, 'c'))).toBe(2);
    });
  });
});
