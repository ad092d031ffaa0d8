import type { Observable } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

beforeEach(() => FakeWebSocket.reset());

type Call = (kuzzle: Kuzzle) => Observable<unknown>;
const bad = null as never;
const query = { equals: { color: 'red' } };

/** Bad calls of document.watch(), and the reason each is refused with. */
const refusals: ReadonlyArray<readonly [string, Call, string]> = [
  ['no index', (k) => k.document.watch(bad, 'c', query), 'document.watch: index must be a non-empty string, got null'],
  [
    'an empty collection',
    (k) => k.document.watch('i', '', query),
    'document.watch: collection must be a non-empty string, got an empty string',
  ],
  ['an array as query', (k) => k.document.watch('i', 'c', [] as never), 'document.watch: query must be an object, got an array'],
  ['null as query', (k) => k.document.watch('i', 'c', bad), 'document.watch: query must be an object, got null'],
  [
    'a string as options',
    (k) => k.document.watch('i', 'c', query, 'fast' as never),
    'document.watch: options must be an object, got "fast"',
  ],
  ['a size of 0', (k) => k.document.watch('i', 'c', query, { size: 0 }), 'document.watch: size must be a positive integer, got number 0'],
  [
    'a size of 2.5',
    (k) => k.document.watch('i', 'c', query, { size: 2.5 }),
    'document.watch: size must be a positive integer, got number 2.5',
  ],
  [
    'a size as a string',
    (k) => k.document.watch('i', 'c', query, { size: '10' as never }),
    'document.watch: size must be a positive integer, got "10"',
  ],
  [
    'a sort by relevance',
    (k) => k.document.watch('i', 'c', query, { sort: ['_score'] }),
    'document.watch: sort must be fields of the documents, not _score, got "_score"',
  ],
  [
    'a sort direction that is not one',
    (k) => k.document.watch('i', 'c', query, { sort: { n: 'down' as never } }),
    'document.watch: sort.n must be "asc" or "desc", got "down"',
  ],
  [
    'a number as sort',
    (k) => k.document.watch('i', 'c', query, { sort: 3 as never }),
    'document.watch: sort must be a field name or { field: "asc" | "desc" }, got number 3',
  ],
  [
    'a negative lagThreshold',
    (k) => k.document.watch('i', 'c', query, { lagThreshold: -1 }),
    'document.watch: lagThreshold must be a number of ms >= 0, got number -1',
  ],
  [
    'a checkInterval that is not a number',
    (k) => k.document.watch('i', 'c', query, { checkInterval: 'often' as never }),
    'document.watch: checkInterval must be a finite number, got "often"',
  ],
  [
    'a timeout below -1',
    (k) => k.document.watch('i', 'c', query, { timeout: -5 }),
    'document.watch: timeout must be a number of ms >= 0, or -1, got number -5',
  ],
  [
    'an array as volatile',
    (k) => k.document.watch('i', 'c', query, { volatile: [] as never }),
    'document.watch: volatile must be an object, got an array',
  ],
  [
    'a scheduler that is not one',
    (k) => k.document.watch('i', 'c', query, { scheduler: {} as never }),
    'document.watch: scheduler must be an rxjs scheduler, got an object',
  ],
  [
    'initial documents that are not an array',
    (k) => k.document.watch('i', 'c', query, { initial: {} as never }),
    'document.watch: initial must be an array, got an object',
  ],
  [
    'an initial document without id',
    (k) => k.document.watch('i', 'c', query, { initial: [{ _source: {} } as never] }),
    'document.watch: initial[0]._id must be a non-empty string, got undefined',
  ],
  [
    'an initial document without source',
    (k) => k.document.watch('i', 'c', query, { initial: [{ _id: 'a', _source: bad }] }),
    'document.watch: initial[0]._source must be an object, got null',
  ],
  [
    'an unknown option',
    (k) => k.document.watch('i', 'c', query, { sizes: 3 } as never),
    'document.watch: unknown option(s) sizes (known: sort, size, initial, lagThreshold, checkInterval, scheduler, timeout, volatile)',
  ],
];

describe('document.watch() arguments', () => {
  it.each(refusals)('refuses %s, sending nothing', (_, call, reason) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const result = observe(call(kuzzle));
    expect(nameAndMessage(result.error)).toEqual({ name: 'InvalidRequestError', message: `Invalid request: ${reason}` });
    expect(socket.requests).toEqual([]);
  });

  it('checks nothing before subscription: a bad call built and dropped sends nothing and throws nothing', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    expect(() => kuzzle.document.watch(bad, bad, bad, bad)).not.toThrow();
    expect(socket.requests).toEqual([]);
  });
});
