import { EmbeddedKuzzleServer } from '../../../src/testing';
import { WsClient, type Frame } from './ws-client';

const INDEX = 'library';
const COLLECTION = 'books';

describe('EmbeddedKuzzleServer document storage', () => {
  let server: EmbeddedKuzzleServer;
  let client: WsClient;

  const call = (action: string, extra: Frame = {}, controller = 'document'): Promise<Frame> =>
    client.request({ controller, action, index: INDEX, collection: COLLECTION, ...extra });
  const resultOf = async (pending: Promise<Frame>): Promise<unknown> => {
    const frame = await pending;
    expect(frame['error']).toBeNull();
    return frame['result'];
  };
  const errorOf = async (pending: Promise<Frame>): Promise<unknown> => (await pending)['error'];

  beforeEach(async () => {
    server = await EmbeddedKuzzleServer.start();
    client = await WsClient.open(server.url);
    await client.request({ controller: 'index', action: 'create', index: INDEX });
    await client.request({ controller: 'collection', action: 'create', index: INDEX, collection: COLLECTION });
  });

  afterEach(async () => {
    client.close();
    await server.stop();
  });

  describe('indexes and collections', () => {
    it('create, list, tell existence and delete', async () => {
      const created = await client.request({ controller: 'index', action: 'create', index: 'other' });
      expect('result' in created).toBe(false);
      expect(await resultOf(client.request({ controller: 'index', action: 'list' }))).toEqual({ indexes: [INDEX, 'other'] });
      expect(await resultOf(client.request({ controller: 'index', action: 'exists', index: 'other' }))).toBe(true);
      expect(await resultOf(call('create', { collection: 'shelves' }, 'collection'))).toEqual({ acknowledged: true });
      expect(await resultOf(call('list', {}, 'collection'))).toEqual({
        collections: [
          { name: COLLECTION, type: 'stored' },
          { name: 'shelves', type: 'stored' },
        ],
        type: 'all',
      });
      expect(await resultOf(call('delete', { collection: 'shelves' }, 'collection'))).toBeNull();
      expect(await resultOf(call('exists', { collection: 'shelves' }, 'collection'))).toBe(false);
      expect(await resultOf(client.request({ controller: 'index', action: 'delete', index: 'other' }))).toEqual({ acknowledged: true });
      expect(await resultOf(client.request({ controller: 'index', action: 'exists', index: 'other' }))).toBe(false);
    });

    it('fail with the real storage errors', async () => {
      expect(await errorOf(client.request({ controller: 'index', action: 'create', index: INDEX }))).toMatchObject({
        id: 'services.storage.index_already_exists',
        message: `A public index named "${INDEX}" already exists`,
        status: 412,
      });
      expect(await errorOf(call('get', { index: 'nope', _id: 'x' }))).toMatchObject({
        id: 'services.storage.unknown_index',
        code: 16842753,
        status: 412,
      });
      expect(await errorOf(call('get', { collection: 'nope', _id: 'x' }))).toMatchObject({
        id: 'services.storage.unknown_collection',
        code: 16842754,
      });
      expect(await errorOf(call('get', { _id: 'x' }))).toEqual({
        code: 16842763,
        id: 'services.storage.not_found',
        message: `Document "x" not found in "${INDEX}":"${COLLECTION}".`,
        props: ['x', INDEX, COLLECTION],
        status: 404,
      });
      expect(await errorOf(call('get'))).toMatchObject({ id: 'api.assert.missing_argument', props: ['_id'] });
    });
  });

  describe('single documents', () => {
    it('create with metadata and version, and refuse an existing id', async () => {
      const created = (await resultOf(call('create', { _id: 'dune', body: { title: 'Dune' } }))) as Frame;
      expect(Object.keys(created)).toEqual(['_id', '_source', '_version']);
      expect(created).toMatchObject({
        _id: 'dune',
        _version: 1,
        _source: { title: 'Dune', _kuzzle_info: { author: '-1', updatedAt: null, updater: null } },
      });
      expect(await errorOf(call('create', { _id: 'dune', body: {} }))).toMatchObject({
        id: 'services.storage.document_already_exists',
        status: 400,
      });
      const generated = (await resultOf(call('create', { body: { title: 'Emma' } }))) as Frame;
      expect(String(generated['_id'])).toHaveLength(20);
      expect(await errorOf(call('create', { _id: 'x' }))).toMatchObject({ id: 'api.assert.body_required' });
    });

    it('createOrReplace, replace, update (partial answer unless source) and delete', async () => {
      expect(await resultOf(call('createOrReplace', { _id: 'd', body: { a: 1 } }))).toMatchObject({ _version: 1, created: true });
      expect(await resultOf(call('createOrReplace', { _id: 'd', body: { a: 2 } }))).toMatchObject({ _version: 2, created: false });
      expect(await resultOf(call('replace', { _id: 'd', body: { b: 1, nested: { x: 1 } } }))).toMatchObject({
        _version: 3,
        _source: { b: 1 },
      });
      expect(await errorOf(call('replace', { _id: 'nope', body: {} }))).toMatchObject({ id: 'services.storage.not_found' });
      const partial = (await resultOf(call('update', { _id: 'd', body: { c: 1, nested: { y: 2 } } }))) as Frame;
      expect(partial).toMatchObject({ _id: 'd', _version: 4, _source: { c: 1, nested: { y: 2 }, _kuzzle_info: { updater: '-1' } } });
      const full = (await resultOf(call('update', { _id: 'd', body: { c: 2 }, source: true }))) as Frame;
      expect(full['_source']).toMatchObject({ b: 1, c: 2, nested: { x: 1, y: 2 } });
      expect(await resultOf(call('get', { _id: 'd' }))).toMatchObject({ _version: 5 });
      expect(await resultOf(call('exists', { _id: 'd' }))).toBe(true);
      expect(await resultOf(call('delete', { _id: 'd' }))).toEqual({ _id: 'd' });
      expect(await resultOf(call('exists', { _id: 'd' }))).toBe(false);
      expect(await errorOf(call('delete', { _id: 'd' }))).toMatchObject({ id: 'services.storage.not_found' });
    });
  });

  describe('bulk actions', () => {
    it('answer successes and errors in the real shapes', async () => {
      await call('create', { _id: 'old', body: { n: 0 } });
      const created = (await resultOf(
        call('mCreate', { body: { documents: [{ _id: 'a', body: { n: 1 } }, { _id: 'old', body: { n: 2 } }, { body: 'nope' }] } }),
      )) as Frame;
      expect(created['successes']).toEqual([
        {
          _id: 'a',
          _source: { _kuzzle_info: { author: '-1', createdAt: expect.any(Number), updatedAt: null, updater: null }, n: 1 },
          _version: 1,
          created: true,
          result: 'created',
          status: 201,
        },
      ]);
      expect(created['errors']).toEqual([
        { document: { _id: 'old', body: { n: 2 } }, reason: 'document already exists', status: 400 },
        { document: { body: 'nope' }, reason: 'document body must be an object', status: 400 },
      ]);
      const replaced = (await resultOf(
        call('mReplace', {
          body: {
            documents: [
              { _id: 'a', body: { n: 3 } },
              { _id: 'zz', body: {} },
            ],
          },
        }),
      )) as Frame;
      expect(replaced['errors']).toEqual([{ document: { _id: 'zz', body: {} }, reason: 'document not found', status: 404 }]);
      const upserted = (await resultOf(
        call('mCreateOrReplace', {
          body: {
            documents: [
              { _id: 'a', body: { n: 4 } },
              { _id: 'b', body: { n: 5 } },
            ],
          },
        }),
      )) as Frame;
      expect((upserted['successes'] as Frame[]).map((item) => [item['_id'], item['result']])).toEqual([
        ['a', 'updated'],
        ['b', 'created'],
      ]);
      const updated = (await resultOf(
        call('mUpdate', {
          body: {
            documents: [
              { _id: 'a', body: { m: 1 } },
              { _id: 'zz', body: { m: 1 } },
            ],
          },
        }),
      )) as Frame;
      expect(updated['successes']).toEqual([
        { _id: 'a', _source: expect.objectContaining({ n: 4, m: 1 }), _version: 4, status: 200, _updatedFields: ['m'] },
      ]);
      expect(updated['errors']).toEqual([
        {
          document: { _id: 'zz', body: { _kuzzle_info: { updatedAt: expect.any(Number), updater: '-1' }, m: 1 } },
          reason: 'document not found',
          status: 404,
        },
      ]);
      expect(await resultOf(call('mGet', { body: { ids: ['a', 'zz'] } }))).toEqual({
        errors: ['zz'],
        successes: [expect.objectContaining({ _id: 'a', _version: 4 })],
      });
      expect(await resultOf(call('mDelete', { body: { ids: ['a', 'zz'] } }))).toEqual({
        errors: [{ _id: 'zz', reason: 'document not found', status: 404 }],
        successes: ['a'],
      });
    });
  });

  describe('search and count', () => {
    beforeEach(async () => {
      await call('mCreate', {
        body: {
          documents: [
            { _id: 'a', body: { genre: 'sf', year: 1965, title: 'Dune Messiah' } },
            { _id: 'b', body: { genre: 'sf', year: 1951, title: 'Foundation' } },
            { _id: 'c', body: { genre: 'novel', year: 1815, title: 'Emma' } },
          ],
        },
      });
    });

    it('understands the common Elasticsearch queries, sort, from and size', async () => {
      const ids = async (body: Frame, extra: Frame = {}): Promise<unknown> =>
        ((await resultOf(call('search', { body, ...extra }))) as { hits: Frame[] }).hits.map((hit) => hit['_id']);
      expect(await ids({ query: { term: { genre: 'sf' } }, sort: [{ year: 'asc' }] })).toEqual(['b', 'a']);
      expect(await ids({ query: { match: { title: 'dune' } } })).toEqual(['a']);
      expect(
        await ids({ query: { bool: { must: [{ range: { year: { gte: 1900 } } }], must_not: [{ ids: { values: ['a'] } }] } } }),
      ).toEqual(['b']);
      expect(await ids({ sort: [{ year: { order: 'desc' } }] }, { from: 1, size: 1 })).toEqual(['b']);
      const page = (await resultOf(call('search', { body: {}, size: 2 }))) as Frame;
      expect(page['total']).toBe(3);
      expect(Object.keys((page['hits'] as Frame[])[0] ?? {})).toEqual(['_id', '_score', '_source', 'collection', 'index']);
      expect(await resultOf(call('count', { body: { query: { term: { genre: 'sf' } } } }))).toEqual({ count: 2 });
    });

    it('takes Koncorde filters with lang: koncorde, and refuses unknown ES keywords', async () => {
      const result = (await resultOf(call('search', { body: { query: { range: { year: { lt: 1900 } } } }, lang: 'koncorde' }))) as {
        hits: Frame[];
      };
      expect(result.hits.map((hit) => hit['_id'])).toEqual(['c']);
      expect(await errorOf(call('search', { body: { query: { equals: { genre: 'sf' } } } }))).toMatchObject({
        id: 'services.storage.unknown_query_keyword',
        props: ['equals'],
      });
    });
  });
});
