import { clientHarness } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

const bad = null as never;

/** Bad calls, and the reason each is refused with. */
const refusals: readonly BadCall[] = [
  ['create without an index', (k) => k.document.create(bad, 'c', {}), 'document.create: index must be a non-empty string, got null'],
  [
    'create with an empty collection',
    (k) => k.document.create('i', '', {}),
    'document.create: collection must be a non-empty string, got an empty string',
  ],
  [
    'create with an array as content',
    (k) => k.document.create('i', 'c', [] as never),
    'document.create: content must be an object, got an array',
  ],
  [
    'create with a number as id',
    (k) => k.document.create('i', 'c', {}, 12 as never),
    'document.create: id must be a non-empty string, got number 12',
  ],
  [
    'createOrReplace without an id',
    (k) => k.document.createOrReplace('i', 'c', bad, {}),
    'document.createOrReplace: id must be a non-empty string, got null',
  ],
  ['replace without content', (k) => k.document.replace('i', 'c', 'd1', bad), 'document.replace: content must be an object, got null'],
  [
    'update with a string as changes',
    (k) => k.document.update('i', 'c', 'd1', 'n=1' as never),
    'document.update: changes must be an object, got "n=1"',
  ],
  [
    'upsert with an array as default',
    (k) => k.document.upsert('i', 'c', 'd1', {}, { default: [] as never }),
    'document.upsert: default must be an object, got an array',
  ],
  [
    'delete with an empty id',
    (k) => k.document.delete('i', 'c', ''),
    'document.delete: id must be a non-empty string, got an empty string',
  ],
  ['get without a collection', (k) => k.document.get('i', bad, 'd1'), 'document.get: collection must be a non-empty string, got null'],
  [
    'exists with an object as id',
    (k) => k.document.exists('i', 'c', {} as never),
    'document.exists: id must be a non-empty string, got an object',
  ],
  ['count with an array as query', (k) => k.document.count('i', 'c', [] as never), 'document.count: query must be an object, got an array'],
  [
    'deleteByQuery with null as query',
    (k) => k.document.deleteByQuery('i', 'c', bad),
    'document.deleteByQuery: query must be an object, got null',
  ],
  [
    'deleteFields with a string as fields',
    (k) => k.document.deleteFields('i', 'c', 'd1', 'color' as never),
    'document.deleteFields: fields must be an array, got "color"',
  ],
  [
    'deleteFields with an empty field',
    (k) => k.document.deleteFields('i', 'c', 'd1', ['color', '']),
    'document.deleteFields: fields[1] must be a non-empty string, got an empty string',
  ],
  ['mCreate without documents', (k) => k.document.mCreate('i', 'c', bad), 'document.mCreate: documents must be an array, got null'],
  [
    'mCreate with a document without body',
    (k) => k.document.mCreate('i', 'c', [{ _id: 'a' } as never]),
    'document.mCreate: documents[0].body must be an object, got undefined',
  ],
  [
    'mCreateOrReplace with a document without id',
    (k) => k.document.mCreateOrReplace('i', 'c', [{ body: {} } as never]),
    'document.mCreateOrReplace: documents[0]._id must be a non-empty string, got undefined',
  ],
  [
    'mReplace with null as a document',
    (k) => k.document.mReplace('i', 'c', [bad]),
    'document.mReplace: documents[0] must be an object, got null',
  ],
  [
    'mUpdate with an array as body',
    (k) => k.document.mUpdate('i', 'c', [{ _id: 'a', body: [] as never }]),
    'document.mUpdate: documents[0].body must be an object, got an array',
  ],
  [
    'mUpsert without changes',
    (k) => k.document.mUpsert('i', 'c', [{ _id: 'a' } as never]),
    'document.mUpsert: documents[0].changes must be an object, got undefined',
  ],
  [
    'mUpsert with a string as default',
    (k) => k.document.mUpsert('i', 'c', [{ _id: 'a', changes: {}, default: 'x' as never }]),
    'document.mUpsert: documents[0].default must be an object, got "x"',
  ],
  ['mGet with a string as ids', (k) => k.document.mGet('i', 'c', 'd1' as never), 'document.mGet: ids must be an array, got "d1"'],
  [
    'mExists with a number among the ids',
    (k) => k.document.mExists('i', 'c', ['d1', 2 as never]),
    'document.mExists: ids[1] must be a non-empty string, got number 2',
  ],
  ['mDelete without ids', (k) => k.document.mDelete('i', 'c', bad), 'document.mDelete: ids must be an array, got null'],
  [
    'search with a string as query',
    (k) => k.document.search('i', 'c', 'color:red' as never),
    'document.search: query must be an object, got "color:red"',
  ],
  ['search without an index', (k) => k.document.search(bad, 'c'), 'document.search: index must be a non-empty string, got null'],
  ['searchTargets without targets', (k) => k.document.searchTargets(bad), 'document.searchTargets: targets must be an array, got null'],
  [
    'searchTargets with no target',
    (k) => k.document.searchTargets([]),
    'document.searchTargets: targets must be a non-empty array, got an array',
  ],
  [
    'searchTargets with a target without index',
    (k) => k.document.searchTargets([{ collections: ['c'] } as never]),
    'document.searchTargets: targets[0].index must be a non-empty string, got undefined',
  ],
  [
    'searchTargets with no collection',
    (k) => k.document.searchTargets([{ index: 'i', collections: [] }]),
    'document.searchTargets: targets[0].collections must be a non-empty array, got an array',
  ],
  [
    'searchTargets with a string as collections',
    (k) => k.document.searchTargets([{ index: 'i', collections: 'c' as never }]),
    'document.searchTargets: targets[0].collections must be an array, got "c"',
  ],
  [
    'updateByQuery without changes',
    (k) => k.document.updateByQuery('i', 'c', { query: {} }, bad),
    'document.updateByQuery: changes must be an object, got null',
  ],
  [
    'updateByQuery without a query',
    (k) => k.document.updateByQuery('i', 'c', bad, { n: 1 }),
    'document.updateByQuery: query must be an object, got null',
  ],
  ['validate without content', (k) => k.document.validate('i', 'c', bad), 'document.validate: content must be an object, got null'],
];

describe('document controller', () => {
  itRefuses(refusals);

  it('checks nothing before subscription: a bad call built and dropped sends nothing and throws nothing', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    expect(() => kuzzle.document.create(bad, bad, bad)).not.toThrow();
    expect(socket.requests).toEqual([]);
  });
});
