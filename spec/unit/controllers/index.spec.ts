import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

/** Bad calls, and the reason each is refused with. */
const refusals: readonly BadCall[] = [
  ['create without an index', (k) => k.index.create(undefined as never), 'index.create: index must be a non-empty string, got undefined'],
  ['create with an empty index', (k) => k.index.create(''), 'index.create: index must be a non-empty string, got an empty string'],
  ['delete with a number as index', (k) => k.index.delete(1 as never), 'index.delete: index must be a non-empty string, got number 1'],
  ['exists with null as index', (k) => k.index.exists(null as never), 'index.exists: index must be a non-empty string, got null'],
  ['mDelete with a string as indexes', (k) => k.index.mDelete('shop' as never), 'index.mDelete: indexes must be an array, got "shop"'],
  [
    'mDelete with an empty name',
    (k) => k.index.mDelete(['shop', '']),
    'index.mDelete: indexes[1] must be a non-empty string, got an empty string',
  ],
];

describe('index controller', () => {
  itRefuses(refusals);
});
