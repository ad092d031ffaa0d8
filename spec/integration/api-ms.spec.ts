import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { firstValueFrom, type Observable } from 'rxjs';
import type { Kuzzle } from '../../src/client/kuzzle';
import type { MemoryStorageController } from '../../src/controllers/ms/memory-storage-controller';
import type { MsScanPage } from '../../src/controllers/ms/types';
import { client, startTarget, targetNames, uniqueName, type Target } from '../support/targets';

/** kuzzle-sdk's ms controller, untyped in its declarations. */
type SdkMs = Record<string, (...args: unknown[]) => Promise<unknown>>;

const json = (value: unknown): unknown => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));
const run = <T>(call: Observable<T>): Promise<T> => firstValueFrom(call);
const sorted = (list: readonly unknown[]): unknown[] => [...list].map(String).sort();

describe.runIf(targetNames().includes('real'))('ms on the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;
  let ms: MemoryStorageController;
  let theirs: SdkMs;
  let prefix: string;
  /** A key of this test (every test has its own prefix). */
  const k = (name: string): string => `${prefix}:${name}`;

  /** Runs the same call on both clients, expects the same value, and returns ours. */
  async function same<T>(ours: (ms: MemoryStorageController) => Observable<T>, method: string, ...args: unknown[]): Promise<T> {
    const [mine, sdkValue] = await Promise.all([run(ours(ms)), (theirs[method] as (...a: unknown[]) => Promise<unknown>)(...args)]);
    expect(json(mine)).toEqual(json(sdkValue));
    return mine;
  }

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await run(kuzzle.connect());
    ms = kuzzle.ms;
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
    theirs = sdk.ms as SdkMs;
  });

  beforeEach(() => {
    prefix = uniqueName('msspec');
  });

  afterEach(async () => {
    const left = await run(ms.keys(`${prefix}:*`));
    if (left.length > 0) await run(ms.del(left));
  });

  afterAll(() => {
    sdk.disconnect();
    kuzzle.disconnect();
  });

  describe('keys', () => {
    it('exists, expiries, keys, object, type, rename, touch, persist, del', async () => {
      await run(
        ms.mset([
          { key: k('a'), value: 'hello' },
          { key: k('b'), value: 12 },
        ]),
      );
      expect(await same((m) => m.exists([k('a'), k('b'), k('nope')]), 'exists', [k('a'), k('b'), k('nope')])).toBe(2);
      expect(await run(ms.expire(k('a'), 100))).toBe(true);
      expect(await run(ms.expire(k('nope'), 100))).toBe(false);
      const ttl = await run(ms.ttl(k('a')));
      expect(ttl).toBeGreaterThan(90);
      expect(ttl).toBeLessThanOrEqual(100);
      expect(await run(ms.persist(k('a')))).toBe(true);
      expect(await run(ms.persist(k('a')))).toBe(false);
      expect(await run(ms.ttl(k('a')))).toBe(-1);
      expect(await run(ms.pttl(k('nope')))).toBe(-2);
      expect(await run(ms.expireat(k('a'), Math.floor(Date.now() / 1000) + 200))).toBe(true);
      expect(await run(ms.ttl(k('a')))).toBeGreaterThan(150);
      expect(await run(ms.pexpire(k('a'), 50_000))).toBe(true);
      expect(await run(ms.pttl(k('a')))).toBeLessThanOrEqual(50_000);
      expect(await run(ms.pexpireat(k('b'), Date.now() + 80_000))).toBe(true);
      expect(await run(ms.pttl(k('b')))).toBeGreaterThan(60_000);
      expect(sorted(await run(ms.keys(`${prefix}:*`)))).toEqual([k('a'), k('b')]);
      expect(await same((m) => m.object(k('a'), 'encoding'), 'object', k('a'), 'encoding')).toBe('embstr');
      expect(await run(ms.object(k('b'), 'encoding'))).toBe('int');
      expect(await same((m) => m.type(k('a')), 'type', k('a'))).toBe('string');
      expect(await run(ms.type(k('nope')))).toBe('none');
      expect(await run(ms.rename(k('a'), k('c')))).toBeUndefined();
      expect(await run(ms.get(k('c')))).toBe('hello');
      expect(await run(ms.renamenx(k('c'), k('b')))).toBe(false);
      expect(await run(ms.renamenx(k('c'), k('d')))).toBe(true);
      expect(await run(ms.touch([k('b'), k('d'), k('nope')]))).toBe(2);
      expect(typeof (await run(ms.randomkey()))).toBe('string');
      expect(await run(ms.del([k('b'), k('d'), k('nope')]))).toBe(2);
      expect(await run(ms.exists([k('b'), k('d')]))).toBe(0);
    });

    it('scan pages through the keys until the cursor comes back to "0"', async () => {
      await run(ms.mset([1, 2, 3, 4, 5].map((n) => ({ key: k(`s${n}`), value: n }))));
      const found: string[] = [];
      let cursor: string | number = 0;
      do {
        const page: MsScanPage = await run(ms.scan(cursor, { match: `${prefix}:*`, count: 50 }));
        expect(typeof page.cursor).toBe('string');
        found.push(...page.values);
        cursor = page.cursor;
      } while (cursor !== '0');
      expect(sorted(found)).toEqual([1, 2, 3, 4, 5].map((n) => k(`s${n}`)));
      // Both clients see the same page; Redis may list its keys in another order from one SCAN to the next.
      const options = { match: `${prefix}:*`, count: 100_000 };
      const [mine, sdkPage] = await Promise.all([
        run(ms.scan(0, options)),
        (theirs['scan'] as (...a: unknown[]) => Promise<MsScanPage>)(0, options),
      ]);
      expect({ cursor: mine.cursor, values: sorted(mine.values) }).toEqual({ cursor: sdkPage.cursor, values: sorted(sdkPage.values) });
    });

    it('sort sorts numerically, alphabetically, by pattern, with a limit and get patterns', async () => {
      await run(ms.rpush(k('l'), [3, 1, 2]));
      expect(await same((m) => m.sort(k('l')), 'sort', k('l'))).toEqual(['1', '2', '3']);
      await run(ms.rpush(k('w'), ['b', 'c', 'a']));
      const options = { alpha: true, direction: 'DESC', limit: [0, 2] } as const;
      expect(await same((m) => m.sort(k('w'), options), 'sort', k('w'), options)).toEqual(['c', 'b']);
      await run(
        ms.mset([
          { key: k('weight_1'), value: 30 },
          { key: k('weight_2'), value: 10 },
          { key: k('weight_3'), value: 20 },
        ]),
      );
      await run(
        ms.mset([
          { key: k('name_1'), value: 'one' },
          { key: k('name_2'), value: 'two' },
          { key: k('name_3'), value: 'three' },
        ]),
      );
      expect(await run(ms.sort(k('l'), { by: k('weight_*') }))).toEqual(['2', '3', '1']);
      expect(await run(ms.sort(k('l'), { get: ['#', k('name_*')] }))).toEqual(['1', 'one', '2', 'two', '3', 'three']);
    });

    it('a command the server refuses errors with its KuzzleError', async () => {
      await expect(run(ms.rename(k('nope'), k('other')))).rejects.toMatchObject({ name: 'KuzzleError', status: 500 });
    });
  });

  describe('strings', () => {
    it('set with nx, xx, ex and px; get, getset, append, getrange, strlen', async () => {
      expect(await run(ms.set(k('s'), 'hello'))).toBeUndefined();
      expect(await same((m) => m.get(k('s')), 'get', k('s'))).toBe('hello');
      await run(ms.set(k('s'), 'other', { nx: true }));
      expect(await run(ms.get(k('s')))).toBe('hello');
      await run(ms.set(k('missing'), 'x', { xx: true }));
      expect(await run(ms.get(k('missing')))).toBeNull();
      await run(ms.set(k('ex'), 1, { ex: 100 }));
      expect(await run(ms.ttl(k('ex')))).toBeGreaterThan(90);
      await run(ms.set(k('px'), 1, { px: 100_000, nx: true }));
      expect(await run(ms.pttl(k('px')))).toBeGreaterThan(90_000);
      expect(await run(ms.getset(k('s'), 'hi'))).toBe('hello');
      expect(await run(ms.append(k('s'), ' there'))).toBe(8);
      expect(await same((m) => m.getrange(k('s'), 0, 1), 'getrange', k('s'), 0, 1)).toBe('hi');
      expect(await run(ms.strlen(k('s')))).toBe(8);
      expect(await run(ms.strlen(k('nope')))).toBe(0);
      expect(await run(ms.getset(k('new'), 5))).toBeNull();
    });

    it('counters: incr, incrby, incrbyfloat, decr, decrby', async () => {
      expect(await run(ms.incr(k('n')))).toBe(1);
      expect(await run(ms.incrby(k('n'), 10))).toBe(11);
      expect(await run(ms.decr(k('n')))).toBe(10);
      expect(await run(ms.decrby(k('n'), 4))).toBe(6);
      expect(await run(ms.incrbyfloat(k('n'), 0.5))).toBe(6.5);
      await run(
        ms.mset([
          { key: k('f1'), value: 1 },
          { key: k('f2'), value: 1 },
        ]),
      );
      const [mine, sdkValue] = await Promise.all([run(ms.incrbyfloat(k('f1'), 1.25)), theirs['incrbyfloat']!(k('f2'), 1.25)]);
      expect(mine).toBe(2.25);
      expect(sdkValue).toBe(mine);
    });

    it('mset, mget, msetnx, setnx, setex, psetex', async () => {
      await run(
        ms.mset([
          { key: k('a'), value: 'x' },
          { key: k('b'), value: 2 },
        ]),
      );
      expect(await same((m) => m.mget([k('a'), k('b'), k('nope')]), 'mget', [k('a'), k('b'), k('nope')])).toEqual(['x', '2', null]);
      expect(
        await run(
          ms.msetnx([
            { key: k('a'), value: 'y' },
            { key: k('c'), value: 'z' },
          ]),
        ),
      ).toBe(false);
      expect(
        await run(
          ms.msetnx([
            { key: k('c'), value: 'z' },
            { key: k('d'), value: 'w' },
          ]),
        ),
      ).toBe(true);
      expect(await run(ms.setnx(k('a'), 'y'))).toBe(false);
      expect(await run(ms.setnx(k('e'), 'y'))).toBe(true);
      expect(await run(ms.setex(k('ex'), 'v', 100))).toBeUndefined();
      expect(await run(ms.ttl(k('ex')))).toBeGreaterThan(90);
      expect(await run(ms.psetex(k('px'), 'v', 100_000))).toBeUndefined();
      expect(await run(ms.pttl(k('px')))).toBeGreaterThan(90_000);
      expect(await run(ms.get(k('px')))).toBe('v');
    });
  });

  describe('bits', () => {
    it('bitcount, bitop, bitpos, getbit', async () => {
      await run(
        ms.mset([
          { key: k('a'), value: 'foobar' },
          { key: k('b'), value: 'abcdef' },
        ]),
      );
      expect(await same((m) => m.bitcount(k('a')), 'bitcount', k('a'))).toBe(26);
      expect(await same((m) => m.bitcount(k('a'), { start: 1, end: 1 }), 'bitcount', k('a'), { start: 1, end: 1 })).toBe(6);
      expect(await run(ms.bitop(k('and'), 'AND', [k('a'), k('b')]))).toBe(6);
      expect(await run(ms.get(k('and')))).toBe('`bc`ab');
      expect(await run(ms.bitop(k('not'), 'not', [k('a')]))).toBe(6);
      expect(await run(ms.bitpos(k('a'), 1))).toBe(1);
      expect(await same((m) => m.bitpos(k('a'), 0, { start: 1, end: 2 }), 'bitpos', k('a'), 0, { start: 1, end: 2 })).toBe(8);
      expect(await run(ms.getbit(k('a'), 1))).toBe(1);
      expect(await run(ms.getbit(k('a'), 0))).toBe(0);
    });
  });

  describe('hashes', () => {
    it('hmset, hgetall, hget, hexists, hkeys, hvals, hlen, hmget, hstrlen, hscan', async () => {
      expect(
        await run(
          ms.hmset(k('h'), [
            { field: 'a', value: 1 },
            { field: 'b', value: 'two' },
          ]),
        ),
      ).toBeUndefined();
      expect(await same((m) => m.hgetall(k('h')), 'hgetall', k('h'))).toEqual({ a: '1', b: 'two' });
      expect(await run(ms.hgetall(k('nope')))).toEqual({});
      expect(await run(ms.hget(k('h'), 'b'))).toBe('two');
      expect(await run(ms.hget(k('h'), 'nope'))).toBeNull();
      expect(await same((m) => m.hexists(k('h'), 'a'), 'hexists', k('h'), 'a')).toBe(true);
      expect(await run(ms.hexists(k('h'), 'nope'))).toBe(false);
      expect(sorted(await run(ms.hkeys(k('h'))))).toEqual(['a', 'b']);
      expect(sorted(await run(ms.hvals(k('h'))))).toEqual(['1', 'two']);
      expect(await run(ms.hlen(k('h')))).toBe(2);
      expect(await same((m) => m.hmget(k('h'), ['b', 'nope', 'a']), 'hmget', k('h'), ['b', 'nope', 'a'])).toEqual(['two', null, '1']);
      expect(await run(ms.hstrlen(k('h'), 'b'))).toBe(3);
      const page = await same((m) => m.hscan(k('h'), 0), 'hscan', k('h'), 0);
      expect(page.cursor).toBe('0');
      expect(page.values).toEqual(['a', '1', 'b', 'two']);
      expect((await run(ms.hscan(k('h'), 0, { match: 'b*' }))).values).toEqual(['b', 'two']);
    });

    it('hset, hsetnx, hincrby, hincrbyfloat, hdel', async () => {
      expect(await run(ms.hset(k('h'), 'a', 'x'))).toBe(true);
      expect(await run(ms.hset(k('h'), 'a', 1))).toBe(false);
      expect(await run(ms.hsetnx(k('h'), 'a', 'y'))).toBe(false);
      expect(await run(ms.hsetnx(k('h'), 'b', 'y'))).toBe(true);
      expect(await run(ms.hincrby(k('h'), 'a', 4))).toBe(5);
      expect(await run(ms.hincrbyfloat(k('h'), 'a', 0.5))).toBe(5.5);
      await run(ms.hset(k('h'), 'f', 1));
      expect(await same((m) => m.hincrbyfloat(k('h'), 'a', 0.25), 'hincrbyfloat', k('h'), 'f', 4.75)).toBe(5.75);
      expect(await run(ms.hdel(k('h'), ['a', 'nope']))).toBe(1);
      expect(await run(ms.hget(k('h'), 'a'))).toBeNull();
    });
  });

  describe('lists', () => {
    it('rpush, lpush, pushx, lrange, lindex, linsert, llen, lset, lrem, ltrim', async () => {
      expect(await run(ms.rpushx(k('l'), 'a'))).toBe(0);
      expect(await run(ms.lpushx(k('l'), 'a'))).toBe(0);
      expect(await run(ms.rpush(k('l'), ['b', 'c']))).toBe(2);
      expect(await run(ms.lpush(k('l'), ['a', 0]))).toBe(4);
      expect(await run(ms.rpushx(k('l'), 'd'))).toBe(5);
      expect(await run(ms.lpushx(k('l'), 'z'))).toBe(6);
      expect(await same((m) => m.lrange(k('l'), 0, -1), 'lrange', k('l'), 0, -1)).toEqual(['z', '0', 'a', 'b', 'c', 'd']);
      expect(await run(ms.lindex(k('l'), -1))).toBe('d');
      expect(await run(ms.lindex(k('l'), 100))).toBeNull();
      expect(await run(ms.linsert(k('l'), 'after', 'b', 'b2'))).toBe(7);
      expect(await run(ms.linsert(k('l'), 'before', 'nope', 'x'))).toBe(-1);
      expect(await run(ms.llen(k('l')))).toBe(7);
      expect(await run(ms.lset(k('l'), 0, 'y'))).toBeUndefined();
      expect(await run(ms.rpush(k('l'), ['a']))).toBe(8);
      expect(await run(ms.lrem(k('l'), 0, 'a'))).toBe(2);
      expect(await run(ms.ltrim(k('l'), 0, 2))).toBeUndefined();
      expect(await run(ms.lrange(k('l'), 0, -1))).toEqual(['y', '0', 'b']);
      await expect(run(ms.lset(k('l'), 50, 'x'))).rejects.toMatchObject({ name: 'KuzzleError' });
    });

    it('lpop, rpop, rpoplpush', async () => {
      await run(ms.rpush(k('l'), ['a', 'b', 'c']));
      expect(await run(ms.lpop(k('l')))).toBe('a');
      expect(await run(ms.rpop(k('l')))).toBe('c');
      expect(await run(ms.rpoplpush(k('l'), k('l2')))).toBe('b');
      expect(await run(ms.lrange(k('l2'), 0, -1))).toEqual(['b']);
      expect(await run(ms.rpoplpush(k('l'), k('l2')))).toBeNull();
      expect(await run(ms.lpop(k('l')))).toBeNull();
      expect(await run(ms.rpop(k('nope')))).toBeNull();
    });
  });

  describe('sets', () => {
    it('sadd, scard, smembers, sismember, srem, smove, sscan', async () => {
      expect(await run(ms.sadd(k('s'), ['a', 'b', 3, 'a']))).toBe(3);
      expect(await run(ms.scard(k('s')))).toBe(3);
      expect(sorted(await run(ms.smembers(k('s'))))).toEqual(['3', 'a', 'b']);
      expect(await same((m) => m.sismember(k('s'), 3), 'sismember', k('s'), 3)).toBe(true);
      expect(await run(ms.sismember(k('s'), 'nope'))).toBe(false);
      expect(await run(ms.srem(k('s'), ['b', 'nope']))).toBe(1);
      expect(await run(ms.smove(k('s'), k('t'), 'a'))).toBe(true);
      expect(await run(ms.smove(k('s'), k('t'), 'a'))).toBe(false);
      expect(await run(ms.smembers(k('t')))).toEqual(['a']);
      const page = await same((m) => m.sscan(k('s'), 0, { match: '*' }), 'sscan', k('s'), 0, { match: '*' });
      expect(page).toEqual({ cursor: '0', values: ['3'] });
    });

    it('sdiff, sinter, sunion and their store forms', async () => {
      await run(ms.sadd(k('a'), ['1', '2', '3']));
      await run(ms.sadd(k('b'), ['2', '3', '4']));
      expect(sorted(await same((m) => m.sdiff(k('a'), [k('b')]), 'sdiff', k('a'), [k('b')]))).toEqual(['1']);
      expect(await run(ms.sdiffstore(k('a'), [k('b')], k('d')))).toBe(1);
      expect(await run(ms.smembers(k('d')))).toEqual(['1']);
      expect(sorted(await run(ms.sinter([k('a'), k('b')])))).toEqual(['2', '3']);
      expect(await run(ms.sinterstore(k('i'), [k('a'), k('b')]))).toBe(2);
      expect(sorted(await run(ms.sunion([k('a'), k('b')])))).toEqual(['1', '2', '3', '4']);
      expect(await run(ms.sunionstore(k('u'), [k('a'), k('b')]))).toBe(4);
      expect(await run(ms.scard(k('u')))).toBe(4);
    });

    it('spop and srandmember always emit a list', async () => {
      await run(ms.sadd(k('s'), ['only']));
      expect(await same((m) => m.srandmember(k('s')), 'srandmember', k('s'))).toEqual(['only']);
      expect(await run(ms.srandmember(k('s'), { count: -3 }))).toEqual(['only', 'only', 'only']);
      expect(await run(ms.srandmember(k('nope')))).toEqual([]);
      await run(ms.sadd(k('s'), ['two', 'three']));
      expect((await run(ms.spop(k('s')))).length).toBe(1);
      expect((await run(ms.spop(k('s'), { count: 5 }))).length).toBe(2);
      expect(await run(ms.scard(k('s')))).toBe(0);
      expect(await run(ms.spop(k('s')))).toEqual([]);
    });
  });

  describe('sorted sets', () => {
    const elements = [
      { score: 1, member: 'a' },
      { score: 2, member: 'b' },
      { score: 3.5, member: 'c' },
    ];

    it('zadd with nx, xx, ch and incr; zcard, zcount, zincrby, zscore, zrank, zrevrank', async () => {
      expect(await run(ms.zadd(k('z'), elements))).toBe(3);
      expect(
        await run(
          ms.zadd(
            k('z'),
            [
              { score: 9, member: 'a' },
              { score: 4, member: 'd' },
            ],
            { nx: true },
          ),
        ),
      ).toBe(1);
      expect(await run(ms.zscore(k('z'), 'a'))).toBe(1);
      expect(
        await run(
          ms.zadd(
            k('z'),
            [
              { score: 5, member: 'd' },
              { score: 6, member: 'e' },
            ],
            { xx: true, ch: true },
          ),
        ),
      ).toBe(1);
      expect(await run(ms.zadd(k('z'), [{ score: 2, member: 'd' }], { incr: true }))).toBe('7');
      expect(await run(ms.zcard(k('z')))).toBe(4);
      expect(await same((m) => m.zcount(k('z'), '(1', 3.5), 'zcount', k('z'), '(1', 3.5)).toBe(2);
      expect(await run(ms.zincrby(k('z'), 'a', 0.5))).toBe('1.5');
      expect(await same((m) => m.zscore(k('z'), 'c'), 'zscore', k('z'), 'c')).toBe(3.5);
      expect(await run(ms.zscore(k('z'), 'nope'))).toBeNull();
      expect(await same((m) => m.zrank(k('z'), 'b'), 'zrank', k('z'), 'b')).toBe(1);
      expect(await run(ms.zrank(k('z'), 'nope'))).toBeNull();
      expect(await run(ms.zrevrank(k('z'), 'd'))).toBe(0);
    });

    it('the range commands emit members with their scores', async () => {
      await run(ms.zadd(k('z'), elements));
      const all = [
        { member: 'a', score: 1 },
        { member: 'b', score: 2 },
        { member: 'c', score: 3.5 },
      ];
      expect(await same((m) => m.zrange(k('z'), 0, -1), 'zrange', k('z'), 0, -1)).toEqual(all);
      expect(await same((m) => m.zrevrange(k('z'), 0, 0), 'zrevrange', k('z'), 0, 0)).toEqual([all[2]]);
      expect(await same((m) => m.zrangebyscore(k('z'), '(1', '+inf'), 'zrangebyscore', k('z'), '(1', '+inf')).toEqual([all[1], all[2]]);
      const limit = { limit: [1, 1] } as const;
      expect(await same((m) => m.zrangebyscore(k('z'), 0, 10, limit), 'zrangebyscore', k('z'), 0, 10, limit)).toEqual([all[1]]);
      expect(
        await same((m) => m.zrevrangebyscore(k('z'), '-inf', '+inf', limit), 'zrevrangebyscore', k('z'), '-inf', '+inf', limit),
      ).toEqual([all[1]]);
      expect(await run(ms.zrevrangebyscore(k('z'), 2, '+inf'))).toEqual([all[2], all[1]]);
    });

    it('the lexical commands: zlexcount, zrangebylex, zrevrangebylex, zremrangebylex', async () => {
      await run(
        ms.zadd(
          k('z'),
          ['a', 'b', 'c', 'd'].map((member) => ({ score: 0, member })),
        ),
      );
      expect(await run(ms.zlexcount(k('z'), '[b', '+'))).toBe(3);
      expect(await same((m) => m.zrangebylex(k('z'), '-', '(c'), 'zrangebylex', k('z'), '-', '(c')).toEqual(['a', 'b']);
      expect(await run(ms.zrangebylex(k('z'), '-', '+', { limit: [1, 2] }))).toEqual(['b', 'c']);
      expect(
        await same((m) => m.zrevrangebylex(k('z'), '-', '+', { limit: [0, 1] }), 'zrevrangebylex', k('z'), '-', '+', { limit: [0, 1] }),
      ).toEqual(['d']);
      expect(await run(ms.zremrangebylex(k('z'), '[a', '[b'))).toBe(2);
      expect(await run(ms.zrangebylex(k('z'), '-', '+'))).toEqual(['c', 'd']);
    });

    it('zrem, zremrangebyrank, zremrangebyscore, zscan', async () => {
      await run(ms.zadd(k('z'), [...elements, { score: 4, member: 'd' }, { score: 5, member: 'e' }]));
      expect(await run(ms.zrem(k('z'), ['a', 'nope']))).toBe(1);
      expect(await run(ms.zremrangebyrank(k('z'), 0, 0))).toBe(1);
      expect(await run(ms.zremrangebyscore(k('z'), '(3.5', 4))).toBe(1);
      expect(await same((m) => m.zscan(k('z'), 0), 'zscan', k('z'), 0)).toEqual({ cursor: '0', values: ['c', '3.5', 'e', '5'] });
    });

    it('zinterstore and zunionstore, with weights and aggregate', async () => {
      await run(
        ms.zadd(k('x'), [
          { score: 1, member: 'a' },
          { score: 2, member: 'b' },
        ]),
      );
      await run(
        ms.zadd(k('y'), [
          { score: 10, member: 'b' },
          { score: 20, member: 'c' },
        ]),
      );
      expect(await run(ms.zinterstore(k('i'), [k('x'), k('y')]))).toBe(1);
      expect(await run(ms.zscore(k('i'), 'b'))).toBe(12);
      expect(await run(ms.zinterstore(k('iw'), [k('x'), k('y')], { weights: [3, 1], aggregate: 'min' }))).toBe(1);
      expect(await run(ms.zscore(k('iw'), 'b'))).toBe(6);
      expect(await run(ms.zunionstore(k('u'), [k('x'), k('y')], { aggregate: 'max' }))).toBe(3);
      expect(await run(ms.zrange(k('u'), 0, -1))).toEqual([
        { member: 'a', score: 1 },
        { member: 'b', score: 10 },
        { member: 'c', score: 20 },
      ]);
    });
  });

  describe('geo', () => {
    const points = [
      { lon: 13.361389, lat: 38.115556, name: 'Palermo' },
      { lon: 15.087269, lat: 37.502669, name: 'Catania' },
    ];

    it('geoadd, geodist, geohash, geopos', async () => {
      expect(await run(ms.geoadd(k('g'), points))).toBe(2);
      expect(await same((m) => m.geodist(k('g'), 'Palermo', 'Catania'), 'geodist', k('g'), 'Palermo', 'Catania')).toBeCloseTo(166274.15, 1);
      const km = { unit: 'km' } as const;
      expect(await same((m) => m.geodist(k('g'), 'Palermo', 'Catania', km), 'geodist', k('g'), 'Palermo', 'Catania', km)).toBeCloseTo(
        166.27,
        1,
      );
      expect(await run(ms.geodist(k('g'), 'Palermo', 'nope'))).toBeNull();
      expect(await same((m) => m.geohash(k('g'), ['Palermo', 'Catania']), 'geohash', k('g'), ['Palermo', 'Catania'])).toEqual([
        'sqc8b49rny0',
        'sqdtr74hyu0',
      ]);
      const [palermo] = await same((m) => m.geopos(k('g'), ['Palermo']), 'geopos', k('g'), ['Palermo']);
      expect(palermo?.[0]).toBeCloseTo(13.361389, 5);
      expect(palermo?.[1]).toBeCloseTo(38.115556, 5);
      const withMissing = await run(ms.geopos(k('g'), ['Catania', 'nope']));
      expect(withMissing).toHaveLength(2);
      expect(withMissing[1]).toBeNull();
    });

    it('georadius and georadiusbymember, plain and with distances and coordinates', async () => {
      await run(ms.geoadd(k('g'), points));
      const plain = await same((m) => m.georadius(k('g'), 15, 37, 200, 'km'), 'georadius', k('g'), 15, 37, 200, 'km');
      expect(plain.map((p) => p.name).sort()).toEqual(['Catania', 'Palermo']);
      const options = { withcoord: true, withdist: true, count: 1, sort: 'asc' } as const;
      const [nearest] = await same((m) => m.georadius(k('g'), 15, 37, 200, 'km', options), 'georadius', k('g'), 15, 37, 200, 'km', options);
      expect(nearest?.name).toBe('Catania');
      expect(nearest?.distance).toBeCloseTo(56.44, 1);
      expect(nearest?.coordinates?.[0]).toBeCloseTo(15.087269, 5);
      const byMember = { withdist: true, sort: 'desc' } as const;
      const around = await same(
        (m) => m.georadiusbymember(k('g'), 'Palermo', 200, 'km', byMember),
        'georadiusbymember',
        k('g'),
        'Palermo',
        200,
        'km',
        byMember,
      );
      expect(around.map((p) => p.name)).toEqual(['Catania', 'Palermo']);
      expect(around[1]?.distance).toBe(0);
      expect(around[0]?.coordinates).toBeUndefined();
    });
  });

  describe('HyperLogLog', () => {
    it('pfadd, pfcount, pfmerge', async () => {
      expect(await run(ms.pfadd(k('p'), ['a', 'b', 'c']))).toBe(true);
      expect(await run(ms.pfadd(k('p'), ['a']))).toBe(false);
      expect(await run(ms.pfadd(k('q'), ['c', 'd', 1]))).toBe(true);
      expect(await same((m) => m.pfcount([k('p')]), 'pfcount', [k('p')])).toBe(3);
      expect(await run(ms.pfcount([k('p'), k('q')]))).toBe(5);
      expect(await run(ms.pfmerge(k('r'), [k('p'), k('q')]))).toBeUndefined();
      expect(await run(ms.pfcount([k('r')]))).toBe(5);
    });
  });

  describe('database', () => {
    it('ping, time, dbsize', async () => {
      expect(await same((m) => m.ping(), 'ping')).toBe('PONG');
      const [seconds, microseconds] = await run(ms.time());
      expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(60);
      expect(microseconds).toBeGreaterThanOrEqual(0);
      expect(microseconds).toBeLessThan(1_000_000);
      await run(ms.set(k('a'), 1));
      expect(await run(ms.dbsize())).toBeGreaterThanOrEqual(1);
    });

    it('mexecute runs several commands and reports each result or error', async () => {
      const results = await run(
        ms.mexecute([
          { action: 'set', args: { _id: k('x'), body: { value: 'abc' } } },
          { action: 'get', args: { _id: k('x') } },
          { action: 'incr', args: { _id: k('x') } },
        ]),
      );
      expect(results.slice(0, 2)).toEqual([
        [null, 'OK'],
        [null, 'abc'],
      ]);
      expect(results[2]?.[0]).not.toBeNull();
      const reads = [
        { action: 'get', args: { _id: k('x') } },
        { action: 'strlen', args: { _id: k('x') } },
      ];
      expect(await same((m) => m.mexecute(reads), 'mexecute', reads)).toEqual([
        [null, 'abc'],
        [null, 3],
      ]);
    });

    // Last: it empties the whole memory storage.
    it('flushdb deletes every key', async () => {
      await run(ms.set(k('a'), 1));
      expect(await run(ms.flushdb())).toBeUndefined();
      expect(await run(ms.exists([k('a')]))).toBe(0);
    });
  });
});
