import type { CatalogueRow } from './row';

/**
 * A row whose fake server answers a fresh copy of `result` to each client: kuzzle-sdk's georadius mapping edits the
 * answer it is given, which must not change what the other client receives.
 */
const ms = (method: string, args: readonly unknown[], result: unknown, more: Partial<CatalogueRow> = {}): CatalogueRow => ({
  controller: 'ms',
  method,
  args,
  result: () => structuredClone(result),
  ...more,
});

/** kuzzle-sdk also copies every option to the top level of the frame, where the server does not read the moved ones. */
const MOVED = 'the option goes where the server reads it only; kuzzle-sdk also copies it to the top level, where it is ignored';

const points = [
  { lon: 13.361389, lat: 38.115556, name: 'Palermo' },
  { lon: 15.087269, lat: 37.502669, name: 'Catania' },
];

/** The ms controller's calls, by Redis family; results are what the real server answers. */
export const msRows: readonly CatalogueRow[] = [
  // ---- keys ----
  ms('del', [['k1', 'k2']], 2),
  ms('exists', [['k1', 'k2', 'nope']], 2),
  ms('expire', ['k1', 60], 1),
  ms('expire', ['nope', 60], 0),
  ms('expireat', ['k1', 1_900_000_000], 1),
  ms('keys', ['k*'], ['k1', 'k2']),
  ms('object', ['k1', 'encoding'], 'embstr'),
  ms('object', ['k1', 'refcount'], 1),
  ms('persist', ['k1'], 1),
  ms('pexpire', ['k1', 60_000], 1),
  ms('pexpireat', ['k1', 1_900_000_000_000], 0),
  ms('pttl', ['k1'], 59_998),
  ms('randomkey', [], 'k2'),
  ms('randomkey', [], null),
  ms('rename', ['k1', 'k3'], 'OK'),
  ms('renamenx', ['k3', 'k2'], 0),
  ms('scan', [0], ['17', ['k1', 'k2']]),
  ms('scan', ['17', { match: 'k*', count: 100 }], ['0', ['k3']]),
  ms('sort', ['list'], ['1', '2', '3']),
  ms('sort', ['list', { alpha: true, by: 'w_*', direction: 'DESC', get: ['#', 'v_*'], limit: [0, 2] }], ['c', null, 'b', 'vb'], {
    frameDiffers: ['alpha', 'by', 'direction', 'get', 'limit'],
    differs: MOVED,
  }),
  ms('touch', [['k1', 'nope']], 1),
  ms('ttl', ['k1'], -1),
  ms('type', ['h'], 'hash'),

  // ---- strings ----
  ms('append', ['s', 'lo'], 5),
  ms('append', ['s', 42], 7),
  ms('decr', ['n'], -1),
  ms('decrby', ['n', 5], -6),
  ms('get', ['s'], 'hello'),
  ms('get', ['nope'], null),
  ms('getrange', ['s', 0, 2], 'hel'),
  ms('getset', ['s', 'bye'], 'hello'),
  ms('incr', ['n'], 1),
  ms('incrby', ['n', 10], 11),
  ms('incrbyfloat', ['n', 0.5], '11.5'),
  ms('mget', [['s', 'nope']], ['hello', null]),
  ms(
    'mset',
    [
      [
        { key: 'a', value: 'x' },
        { key: 'b', value: 2 },
      ],
    ],
    'OK',
  ),
  ms('msetnx', [[{ key: 'a', value: 'x' }]], 0),
  ms('psetex', ['s', 'v', 10_000], 'OK'),
  ms('set', ['s', 'hello'], 'OK'),
  ms('set', ['s', 3, { ex: 60, nx: true }], null, { frameDiffers: ['ex', 'nx'], differs: MOVED }),
  ms('set', ['s', 'v', { px: 1500, xx: true, volatile: { trace: 't1' } }], 'OK', { frameDiffers: ['px', 'xx'], differs: MOVED }),
  ms('setex', ['s', 'v', 60], 'OK'),
  ms('setnx', ['s', 'v'], 1),
  ms('strlen', ['s'], 5),

  // ---- bits ----
  ms('bitcount', ['s'], 21),
  ms('bitcount', ['s', { start: 0, end: 1 }], 7),
  ms('bitop', ['dest', 'AND', ['s', 't']], 5),
  ms('bitpos', ['s', 1], 1),
  ms('bitpos', ['s', 0, { start: 1, end: -1 }], 8),
  ms('getbit', ['s', 1], 1),

  // ---- hashes ----
  ms('hdel', ['h', ['a', 'nope']], 1),
  ms('hexists', ['h', 'a'], 1),
  ms('hget', ['h', 'a'], '1'),
  ms('hget', ['h', 'nope'], null),
  ms('hgetall', ['h'], { a: '1', b: 'two' }),
  ms('hincrby', ['h', 'a', 2], 3),
  ms('hincrbyfloat', ['h', 'a', 0.25], '3.25'),
  ms('hkeys', ['h'], ['a', 'b']),
  ms('hlen', ['h'], 2),
  ms('hmget', ['h', ['a', 'nope']], ['1', null]),
  ms(
    'hmset',
    [
      'h',
      [
        { field: 'a', value: 1 },
        { field: 'b', value: 'two' },
      ],
    ],
    'OK',
  ),
  ms('hscan', ['h', 0], ['0', ['a', '1', 'b', 'two']]),
  ms('hscan', ['h', 0, { match: 'a*', count: 5 }], ['0', ['a', '1']]),
  ms('hset', ['h', 'c', 'three'], 1),
  ms('hset', ['h', 'c', 3], 0),
  ms('hsetnx', ['h', 'c', 'x'], 0),
  ms('hstrlen', ['h', 'b'], 3),
  ms('hvals', ['h'], ['1', 'two']),

  // ---- lists ----
  ms('lindex', ['l', -1], 'c'),
  ms('linsert', ['l', 'before', 'c', 'b2'], 4),
  ms('llen', ['l'], 3),
  ms('lpop', ['l'], 'a'),
  ms('lpush', ['l', ['a', 1]], 2),
  ms('lpushx', ['nope', 'a'], 0),
  ms('lrange', ['l', 0, -1], ['a', 'b', 'c']),
  ms('lrem', ['l', 0, 'a'], 1),
  ms('lset', ['l', 0, 'z'], 'OK'),
  ms('ltrim', ['l', 0, 1], 'OK'),
  ms('rpop', ['l'], null),
  ms('rpoplpush', ['l', 'l2'], 'c'),
  ms('rpush', ['l', ['b', 'c']], 3),
  ms('rpushx', ['l', 'd'], 4),

  // ---- sets ----
  ms('sadd', ['set', ['a', 'b', 3]], 3),
  ms('scard', ['set'], 3),
  ms('sdiff', ['set', ['set2']], ['a']),
  ms('sdiffstore', ['set', ['set2'], 'dest'], 1),
  ms('sinter', [['set', 'set2']], ['b']),
  ms('sinterstore', ['dest', ['set', 'set2']], 1),
  ms('sismember', ['set', 'a'], 1),
  ms('sismember', ['set', 7], 0),
  ms('smembers', ['set'], ['a', 'b', '3']),
  ms('smove', ['set', 'set2', 'a'], 1),
  ms('spop', ['set'], 'b'),
  ms('spop', ['set', { count: 2 }], ['a', '3'], { frameDiffers: ['count'], differs: MOVED }),
  ms('spop', ['empty'], null, { emits: [], differs: 'an empty or missing set emits no members, not [null]' }),
  ms('srandmember', ['set'], 'a'),
  ms('srandmember', ['set', { count: -3 }], ['a', 'a', 'b']),
  ms('srandmember', ['empty'], null, { emits: [], differs: 'an empty or missing set emits no members, not [null]' }),
  ms('srem', ['set', ['a', 'nope']], 1),
  ms('sscan', ['set', 0, { match: '*' }], ['0', ['a', 'b']]),
  ms('sunion', [['set', 'set2']], ['a', 'b', 'c']),
  ms('sunionstore', ['dest', ['set', 'set2']], 3),

  // ---- sorted sets ----
  ms(
    'zadd',
    [
      'z',
      [
        { score: 1, member: 'm' },
        { score: 2, member: 'n' },
      ],
    ],
    2,
  ),
  ms('zadd', ['z', [{ score: 5, member: 'm' }], { xx: true, ch: true }], 1, { frameDiffers: ['xx', 'ch'], differs: MOVED }),
  ms('zadd', ['z', [{ score: 2, member: 'm' }], { incr: true }], '3', { frameDiffers: ['incr'], differs: MOVED }),
  ms('zcard', ['z'], 2),
  ms('zcount', ['z', '-inf', '(2'], 1),
  ms('zcount', ['z', 1, 2], 2),
  ms('zincrby', ['z', 'm', 2], '3'),
  ms('zinterstore', ['dest', ['z', 'z2']], 1),
  ms('zinterstore', ['dest', ['z', 'z2'], { weights: [1, 2], aggregate: 'max' }], 1, {
    frameDiffers: ['weights', 'aggregate'],
    differs: MOVED,
  }),
  ms('zlexcount', ['z', '-', '+'], 2),
  ms('zrange', ['z', 0, -1], ['n', '2', 'm', '3']),
  ms('zrangebylex', ['z', '[a', '(z'], ['m', 'n']),
  ms('zrangebylex', ['z', '-', '+', { limit: [0, 1] }], ['m']),
  ms('zrangebyscore', ['z', '-inf', '+inf'], ['n', '2', 'm', '3.5']),
  ms('zrangebyscore', ['z', 0, 10, { limit: [1, 1] }], ['m', '3.5']),
  ms('zrank', ['z', 'm'], 1),
  ms('zrank', ['z', 'nope'], null),
  ms('zrem', ['z', ['m', 'nope']], 1),
  ms('zremrangebylex', ['z', '[a', '[m'], 1),
  ms('zremrangebyrank', ['z', 0, 0], 1),
  ms('zremrangebyscore', ['z', '(1', 5], 2),
  ms('zrevrange', ['z', 0, 0], ['m', '3']),
  ms('zrevrangebylex', ['z', '-', '+'], ['n', 'm']),
  ms('zrevrangebylex', ['z', '-', '+', { limit: [0, 1] }], ['n']),
  ms('zrevrangebyscore', ['z', '-inf', '+inf', { limit: [0, 1] }], ['m', '3']),
  ms('zrevrank', ['z', 'm'], 0),
  ms('zscan', ['z', 0], ['0', ['n', '2', 'm', '3']]),
  ms('zscore', ['z', 'm'], '3.5'),
  ms('zscore', ['z', 'nope'], null, { emits: null, differs: 'a member that is not in the set emits null, not NaN' }),
  ms('zunionstore', ['dest', ['z', 'z2'], { aggregate: 'sum' }], 3, { frameDiffers: ['aggregate'], differs: MOVED }),

  // ---- geo ----
  ms('geoadd', ['g', points], 2),
  ms('geodist', ['g', 'Palermo', 'Catania'], '166274.1516'),
  ms('geodist', ['g', 'Palermo', 'Catania', { unit: 'km' }], '166.2742'),
  ms('geodist', ['g', 'Palermo', 'nope'], null, { emits: null, differs: 'a missing member emits null, not NaN' }),
  ms('geohash', ['g', ['Palermo', 'Catania']], ['sqc8b49rny0', 'sqdtr74hyu0']),
  ms('geopos', ['g', ['Palermo']], [['13.36138933897018433', '38.11555639549629859']]),
  ms('geopos', ['g', ['Palermo', 'nope']], [['13.36138933897018433', '38.11555639549629859'], null], {
    emits: [[13.36138933897018433, 38.11555639549629859], null],
    differs: 'a missing member emits null where kuzzle-sdk fails with a TypeError',
  }),
  ms('georadius', ['g', 15, 37, 200, 'km'], ['Palermo', 'Catania']),
  ms(
    'georadius',
    ['g', 15, 37, 200, 'km', { withcoord: true, withdist: true, count: 1, sort: 'asc' }],
    [['Catania', '56.4413', ['15.08726745843887329', '37.50266842333162032']]],
    { frameDiffers: ['withcoord', 'withdist', 'count', 'sort'], differs: MOVED },
  ),
  ms(
    'georadius',
    ['g', 15, 37, 200, 'km', { withdist: true }],
    [
      ['Catania', '56.4413'],
      ['Palermo', '190.4424'],
    ],
    {
      frameDiffers: ['withdist'],
      differs: MOVED,
    },
  ),
  ms('georadiusbymember', ['g', 'Palermo', 200, 'km'], ['Palermo', 'Catania']),
  ms(
    'georadiusbymember',
    ['g', 'Palermo', 200, 'km', { withcoord: true, sort: 'desc' }],
    [
      ['Catania', ['15.08726745843887329', '37.50266842333162032']],
      ['Palermo', ['13.36138933897018433', '38.11555639549629859']],
    ],
    { frameDiffers: ['withcoord', 'sort'], differs: MOVED },
  ),

  // ---- HyperLogLog ----
  ms('pfadd', ['pf', ['a', 'b', 1]], 1),
  ms('pfcount', [['pf', 'pf2']], 3),
  ms('pfmerge', ['pf3', ['pf', 'pf2']], 'OK'),

  // ---- database ----
  ms('dbsize', [], 12),
  ms('flushdb', [], 'OK'),
  ms(
    'mexecute',
    [
      [
        { action: 'set', args: { _id: 'x', body: { value: 1 } } },
        { action: 'get', args: { _id: 'x' } },
      ],
    ],
    [
      [null, 'OK'],
      [null, '1'],
    ],
  ),
  ms('ping', [], 'PONG'),
  ms('time', [], ['1796142657', '603810']),
  ms('get', ['s', { timeout: 5000, queuable: false }], 'hello'),
];
