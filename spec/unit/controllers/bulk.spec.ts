import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

const bad = null as never;

/** Bad calls, and the reason each is refused with. */
const refusals: readonly BadCall[] = [
  [
    'deleteByQuery without an index',
    (k) => k.bulk.deleteByQuery(bad, 'c'),
    'bulk.deleteByQuery: index must be a non-empty string, got null',
  ],
  [
    'deleteByQuery with an array as query',
    (k) => k.bulk.deleteByQuery('i', 'c', [] as never),
    'bulk.deleteByQuery: query must be an object, got an array',
  ],
  [
    'import with an object as bulkData',
    (k) => k.bulk.import('i', 'c', {} as never),
    'bulk.import: bulkData must be an array, got an object',
  ],
  [
    'import with a string among the bulkData',
    (k) => k.bulk.import('i', 'c', [{ index: {} }, 'x' as never]),
    'bulk.import: bulkData[1] must be an object, got "x"',
  ],
  [
    'updateByQuery without changes',
    (k) => k.bulk.updateByQuery('i', 'c', {}, bad),
    'bulk.updateByQuery: changes must be an object, got null',
  ],
  [
    'updateByQuery with an empty collection',
    (k) => k.bulk.updateByQuery('i', '', {}, {}),
    'bulk.updateByQuery: collection must be a non-empty string, got an empty string',
  ],
  ['write without a document', (k) => k.bulk.write('i', 'c', bad), 'bulk.write: document must be an object, got null'],
  ['write with an empty id', (k) => k.bulk.write('i', 'c', {}, ''), 'bulk.write: id must be a non-empty string, got an empty string'],
  [
    'mWrite with a number as documents',
    (k) => k.bulk.mWrite('i', 'c', 3 as never),
    'bulk.mWrite: documents must be an array, got number 3',
  ],
  [
    'mWrite with a document in _source',
    (k) => k.bulk.mWrite('i', 'c', [{ _source: {} } as never]),
    'bulk.mWrite: documents[0].body must be an object, got undefined',
  ],
];

describe('bulk controller', () => {
  itRefuses(refusals);
});
