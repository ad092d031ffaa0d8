import type { Observable } from 'rxjs';
import type { MemoryStorageController } from '../../../src/controllers/ms/memory-storage-controller';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

beforeEach(() => FakeWebSocket.reset());

type Call = (ms: MemoryStorageController) => Observable<unknown>;

/** Calls a type-checked method with arguments its types refuse, as untyped JavaScript callers can. */
const loose = (ms: MemoryStorageController): Record<string, (...args: unknown[]) => Observable<unknown>> =>
  ms as unknown as Record<string, (...args: unknown[]) => Observable<unknown>>;

const BAD_CALLS: ReadonlyArray<readonly [string, Call, string]> = [
  ['an empty key', (ms) => ms.get(''), 'ms.get: key must be a non-empty string, got an empty string'],
  ['a missing key', (ms) => loose(ms)['ttl']!(), 'ms.ttl: key must be a non-empty string, got undefined'],
  ['a null value', (ms) => loose(ms)['append']!('k', null), 'ms.append: value must be a string or a number, got null'],
  ['an object as value', (ms) => loose(ms)['set']!('k', { a: 1 }), 'ms.set: value must be a string or a number, got an object'],
  ['a boolean as value', (ms) => loose(ms)['getset']!('k', true), 'ms.getset: value must be a string or a number, got boolean true'],
  ['a string as seconds', (ms) => loose(ms)['expire']!('k', '60'), 'ms.expire: seconds must be a finite number, got "60"'],
  ['NaN as increment', (ms) => ms.incrby('k', Number.NaN), 'ms.incrby: value must be a finite number, got number NaN'],
  ['a missing range end', (ms) => loose(ms)['getrange']!('k', 0), 'ms.getrange: end must be a finite number, got undefined'],
  ['an empty pattern', (ms) => ms.keys(''), 'ms.keys: pattern must be a non-empty string, got an empty string'],
  ['keys that are not an array', (ms) => loose(ms)['del']!('k1'), 'ms.del: keys must be an array, got "k1"'],
  ['an empty key in keys', (ms) => ms.mget(['a', '']), 'ms.mget: keys[1] must be a non-empty string, got an empty string'],
  ['a number in keys', (ms) => loose(ms)['exists']!([7]), 'ms.exists: keys[0] must be a non-empty string, got number 7'],
  ['bitop keys that are not an array', (ms) => loose(ms)['bitop']!('d', 'AND', 'a'), 'ms.bitop: keys must be an array, got "a"'],
  ['a null cursor', (ms) => loose(ms)['scan']!(null), 'ms.scan: cursor must be a string or a number, got null'],
  ['a number as match pattern', (ms) => loose(ms)['hscan']!('h', 0, { match: 5 }), 'ms.hscan: match must be a string, got number 5'],
  ['a string as scan count', (ms) => loose(ms)['zscan']!('z', 0, { count: '10' }), 'ms.zscan: count must be a finite number, got "10"'],
  ['a string as ex', (ms) => loose(ms)['set']!('k', 'v', { ex: '10' }), 'ms.set: ex must be a finite number, got "10"'],
  ['a string as nx', (ms) => loose(ms)['set']!('k', 'v', { nx: 'yes' }), 'ms.set: nx must be a boolean, got "yes"'],
  [
    'a string as bit range start',
    (ms) => loose(ms)['bitcount']!('k', { start: '0' }),
    'ms.bitcount: start must be a finite number, got "0"',
  ],
  ['mset entries as null', (ms) => loose(ms)['mset']!(null), 'ms.mset: entries must be an array, got null'],
  [
    'an mset entry without value',
    (ms) => loose(ms)['msetnx']!([{ key: 'a' }]),
    'ms.msetnx: entries[0].value must be a string or a number, got undefined',
  ],
  [
    'an hmset entry with an empty field',
    (ms) => ms.hmset('h', [{ field: '', value: 1 }]),
    'ms.hmset: entries[0].field must be a non-empty string, got an empty string',
  ],
  ['hash fields that are not an array', (ms) => loose(ms)['hmget']!('h', 'a'), 'ms.hmget: fields must be an array, got "a"'],
  ['a null hash field', (ms) => loose(ms)['hset']!('h', null, 'v'), 'ms.hset: field must be a non-empty string, got null'],
  ['list values that are not an array', (ms) => loose(ms)['lpush']!('l', 'a'), 'ms.lpush: values must be an array, got "a"'],
  ['a null list value', (ms) => loose(ms)['rpush']!('l', ['a', null]), 'ms.rpush: values[1] must be a string or a number, got null'],
  ['a null pivot', (ms) => loose(ms)['linsert']!('l', 'before', null, 'v'), 'ms.linsert: pivot must be a string or a number, got null'],
  ['an empty destination', (ms) => ms.rpoplpush('l', ''), 'ms.rpoplpush: destination must be a non-empty string, got an empty string'],
  ['an object as set member', (ms) => loose(ms)['sadd']!('s', [{}]), 'ms.sadd: members[0] must be a string or a number, got an object'],
  [
    'a string as member count',
    (ms) => loose(ms)['srandmember']!('s', { count: 'x' }),
    'ms.srandmember: count must be a finite number, got "x"',
  ],
  ['a null zadd element', (ms) => loose(ms)['zadd']!('z', [null]), 'ms.zadd: elements[0] must be an object, got null'],
  [
    'a zadd element without score',
    (ms) => loose(ms)['zadd']!('z', [{ member: 'm' }]),
    'ms.zadd: elements[0].score must be a finite number, got undefined',
  ],
  [
    'a string as incr',
    (ms) => loose(ms)['zadd']!('z', [{ score: 1, member: 'm' }], { incr: 'yes' }),
    'ms.zadd: incr must be a boolean, got "yes"',
  ],
  [
    'a one-number limit',
    (ms) => loose(ms)['zrangebyscore']!('z', 0, 1, { limit: [0] }),
    'ms.zrangebyscore: limit must be an [offset, count] pair, got an array',
  ],
  ['an empty lexical bound', (ms) => ms.zrangebylex('z', '', '+'), 'ms.zrangebylex: min must be a non-empty string, got an empty string'],
  [
    'a string weight',
    (ms) => loose(ms)['zinterstore']!('d', ['a'], { weights: ['x'] }),
    'ms.zinterstore: weights[0] must be a finite number, got "x"',
  ],
  ['sort limit as a string', (ms) => loose(ms)['sort']!('l', { limit: '0 1' }), 'ms.sort: limit must be an array, got "0 1"'],
  [
    'a geo point with a string lon',
    (ms) => loose(ms)['geoadd']!('g', [{ lon: 'x', lat: 1, name: 'p' }]),
    'ms.geoadd: points[0].lon must be a finite number, got "x"',
  ],
  [
    'a geo point without name',
    (ms) => loose(ms)['geoadd']!('g', [{ lon: 1, lat: 1 }]),
    'ms.geoadd: points[0].name must be a non-empty string, got undefined',
  ],
  ['a string as radius', (ms) => loose(ms)['georadius']!('g', 1, 2, '3', 'km'), 'ms.georadius: distance must be a finite number, got "3"'],
  [
    'a string as radius count',
    (ms) => loose(ms)['georadiusbymember']!('g', 'p', 3, 'km', { count: '5' }),
    'ms.georadiusbymember: count must be a finite number, got "5"',
  ],
  [
    'an empty unit',
    (ms) => loose(ms)['geodist']!('g', 'a', 'b', { unit: '' }),
    'ms.geodist: unit must be a non-empty string, got an empty string',
  ],
  ['geo members that are not an array', (ms) => loose(ms)['geopos']!('g', 'a'), 'ms.geopos: members must be an array, got "a"'],
  [
    'an mexecute action without args',
    (ms) => loose(ms)['mexecute']!([{ action: 'get' }]),
    'ms.mexecute: actions[0].args must be an object, got undefined',
  ],
  ['HyperLogLog sources that are not an array', (ms) => loose(ms)['pfmerge']!('p', 'q'), 'ms.pfmerge: sources must be an array, got "q"'],
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The full message; `got undefined` is matched whether or not the argument check repeats the type (`undefined undefined`). */
const expected = (message: string): unknown =>
  message.endsWith('got undefined')
    ? expect.stringMatching(new RegExp(`^${escape(`Invalid request: ${message}`)}( undefined)?$`))
    : `Invalid request: ${message}`;

describe('ms: bad arguments', () => {
  it.each(BAD_CALLS)('refuses %s before sending anything', (_, call, message) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const observed = observe(call(kuzzle.ms));
    expect(nameAndMessage(observed.error)).toEqual({ name: 'InvalidRequestError', message: expected(message) });
    expect(socket.requests).toEqual([]);
  });

  it('checks at subscription: a bad call that nobody subscribes to throws nothing', () => {
    const { kuzzle } = clientHarness();
    expect(() => kuzzle.ms.get('')).not.toThrow();
  });
});

describe('ms: where options go', () => {
  it('sends the options a command reads in the body there, and not at top level', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    observe(kuzzle.ms.set('k', 'v', { ex: 10, nx: true, timeout: 1000 }));
    expect(socket.lastRequest).toMatchObject({ controller: 'ms', action: 'set', _id: 'k', body: { value: 'v', ex: 10, nx: true } });
    expect(Object.keys(socket.lastRequest)).not.toContain('ex');
    expect(Object.keys(socket.lastRequest)).not.toContain('nx');
    expect(Object.keys(socket.lastRequest)).not.toContain('timeout');
  });

  it('folds the georadius options into its options words', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    observe(kuzzle.ms.georadius('g', 15, 37, 200, 'km', { sort: 'asc', count: 2, withdist: true }));
    const frame = socket.lastRequest;
    expect(frame['options']).toEqual(['withdist', 'count', 2, 'asc']);
    expect(Object.keys(frame).filter((key) => ['sort', 'count', 'withdist'].includes(key))).toEqual([]);
  });

  it('asks the range commands for the scores, and emits members with numeric scores', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const range = observe(kuzzle.ms.zrevrangebyscore('z', '-inf', '+inf', { limit: [0, 2] }));
    expect(socket.lastRequest).toMatchObject({ _id: 'z', min: '-inf', max: '+inf', options: ['withscores'], limit: [0, 2] });
    socket.respond(socket.lastRequest, ['b', '2.5', 'a', '1']);
    expect(range.values).toEqual([
      [
        { member: 'b', score: 2.5 },
        { member: 'a', score: 1 },
      ],
    ]);
    expect(range.completed).toBe(true);
  });
});
