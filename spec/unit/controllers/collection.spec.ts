import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

const bad = null as never;

/** Bad calls, and the reason each is refused with. */
const refusals: readonly BadCall[] = [
  ['create without an index', (k) => k.collection.create(bad, 'c'), 'collection.create: index must be a non-empty string, got null'],
  [
    'create with an array as definition',
    (k) => k.collection.create('i', 'c', [] as never),
    'collection.create: definition must be an object, got an array',
  ],
  [
    'delete with an empty collection',
    (k) => k.collection.delete('i', ''),
    'collection.delete: collection must be a non-empty string, got an empty string',
  ],
  [
    'deleteSpecifications without a collection',
    (k) => k.collection.deleteSpecifications('i', bad),
    'collection.deleteSpecifications: collection must be a non-empty string, got null',
  ],
  [
    'exists with a number as index',
    (k) => k.collection.exists(7 as never, 'c'),
    'collection.exists: index must be a non-empty string, got number 7',
  ],
  [
    'getMapping without a collection',
    (k) => k.collection.getMapping('i', bad),
    'collection.getMapping: collection must be a non-empty string, got null',
  ],
  [
    'getSettings with an empty index',
    (k) => k.collection.getSettings('', 'c'),
    'collection.getSettings: index must be a non-empty string, got an empty string',
  ],
  [
    'getSpecifications without an index',
    (k) => k.collection.getSpecifications(bad, 'c'),
    'collection.getSpecifications: index must be a non-empty string, got null',
  ],
  ['list without an index', (k) => k.collection.list(bad), 'collection.list: index must be a non-empty string, got null'],
  [
    'refresh with an object as collection',
    (k) => k.collection.refresh('i', {} as never),
    'collection.refresh: collection must be a non-empty string, got an object',
  ],
  [
    'searchSpecifications with a string as query',
    (k) => k.collection.searchSpecifications('x' as never),
    'collection.searchSpecifications: query must be an object, got "x"',
  ],
  ['truncate without an index', (k) => k.collection.truncate(bad, 'c'), 'collection.truncate: index must be a non-empty string, got null'],
  ['update without a definition', (k) => k.collection.update('i', 'c', bad), 'collection.update: definition must be an object, got null'],
  [
    'updateMapping with an array as mappings',
    (k) => k.collection.updateMapping('i', 'c', [] as never),
    'collection.updateMapping: mappings must be an object, got an array',
  ],
  [
    'updateSpecifications without specifications',
    (k) => k.collection.updateSpecifications('i', 'c', bad),
    'collection.updateSpecifications: specifications must be an object, got null',
  ],
  [
    'validateSpecifications with a string',
    (k) => k.collection.validateSpecifications('i', 'c', '{}' as never),
    'collection.validateSpecifications: specifications must be an object, got "{}"',
  ],
];

describe('collection controller', () => {
  itRefuses(refusals);
});
