import { map, type Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { ArgumentCheck } from '../arguments';
import {
  actionList,
  GEORADIUS_OPTIONS,
  geoPoints,
  geoRadiusArguments,
  hashEntries,
  keyEntries,
  limit,
  SET_OPTIONS,
  scalarList,
  scoredElements,
  setOptions,
  SORT_OPTIONS,
  sortOptions,
  without,
  ZADD_OPTIONS,
  zaddOptions,
  ZSTORE_OPTIONS,
  zstoreOptions,
} from './checks';
import type {
  MsBitRangeOptions,
  MsGeodistOptions,
  MsGeoRadiusOptions,
  MsMembersCountOptions,
  MsRangeLimitOptions,
  MsScanOptions,
  MsSetOptions,
  MsSortOptions,
  MsZaddIncrOptions,
  MsZaddOptions,
  MsZstoreOptions,
} from './options';
import {
  flag,
  float,
  floatOrNull,
  geoPositions,
  geoRadiusPoints,
  list,
  nothing,
  scanPage,
  scoredMembers,
  secondsAndMicroseconds,
} from './results';
import type {
  MsAction,
  MsActionResult,
  MsBitOperation,
  MsGeoPoint,
  MsGeoRadiusPoint,
  MsGeoUnit,
  MsHashEntry,
  MsKeyEntry,
  MsKeyType,
  MsObjectSubcommand,
  MsScanPage,
  MsScoredElement,
  MsScoredMember,
  MsValue,
} from './types';

/** The arguments of a range of a sorted set by rank (`zrange`, `zrevrange`), with the scores. */
const byRank = (key: string, start: number, stop: number) => (c: ArgumentCheck) => ({
  _id: c.string('key', key),
  start: c.number('start', start),
  stop: c.number('stop', stop),
  options: WITHSCORES,
});

/** The arguments of a range of a sorted set in lexical order (`zrangebylex`, `zrevrangebylex`). */
const byLex = (key: string, min: string, max: string, options: MsRangeLimitOptions | undefined) => (c: ArgumentCheck) => ({
  _id: c.string('key', key),
  min: c.string('min', min),
  max: c.string('max', max),
  limit: rangeLimit(c, options),
});

/** The arguments of a range of a sorted set by score (`zrangebyscore`, `zrevrangebyscore`), with the scores. */
const byScore = (key: string, min: MsValue, max: MsValue, options: MsRangeLimitOptions | undefined) => (c: ArgumentCheck) => ({
  _id: c.string('key', key),
  min: c.scalar('min', min),
  max: c.scalar('max', max),
  options: WITHSCORES,
  limit: rangeLimit(c, options),
});

/** A list of keys, members or fields. */
export type Strings = readonly string[];
type Scan = readonly [string, Strings];

/** The range commands ask for the scores along with the members: the methods emit `{ member, score }` pairs. */
const WITHSCORES = ['withscores'] as const;

const scanArgs = (check: ArgumentCheck, cursor: MsValue, options: MsScanOptions | undefined) => ({
  cursor: check.scalar('cursor', cursor),
  match: check.optional(options?.match, (m) => check.text('match', m)),
  count: check.optional(options?.count, (c) => check.number('count', c)),
});

const rangeLimit = (check: ArgumentCheck, options: MsRangeLimitOptions | undefined) =>
  check.optional(options?.limit, (l) => limit(check, 'limit', l));

/**
 * The memory storage controller: the Redis commands of the server's memory storage, one method per command, under
 * the command's name. Keys are non-empty strings; values are strings or numbers (Redis stores them as strings).
 * Read commands (getters) send their arguments at top level, the others in `body`, as the server reads them.
 */
export class MemoryStorageController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'ms');
  }

  // ---- keys ----

  /** Deletes keys; emits how many existed. */
  del(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('del', options, (c) => ({ body: { keys: c.strings('keys', keys) } }));
  }

  /** Emits how many of `keys` exist (a key given twice counts twice). */
  exists(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('exists', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /** Sets a key's time to live in seconds; emits whether the key exists. */
  expire(key: string, seconds: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('expire', options, (c) => ({
      _id: c.string('key', key),
      body: { seconds: c.number('seconds', seconds) },
    })).pipe(map(flag));
  }

  /** Makes a key expire at a Unix time in seconds; emits whether the key exists. */
  expireat(key: string, timestamp: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('expireat', options, (c) => ({
      _id: c.string('key', key),
      body: { timestamp: c.number('timestamp', timestamp) },
    })).pipe(map(flag));
  }

  /** Emits the keys matching a glob-style pattern. */
  keys(pattern: string, options?: CallOptions): Observable<Strings> {
    return this.call('keys', options, (c) => ({ pattern: c.string('pattern', pattern) }));
  }

  /** Emits what Redis knows of a key's value: its encoding (a string), idle time, LFU frequency or reference count. */
  object(key: string, subcommand: MsObjectSubcommand, options?: CallOptions): Observable<string | number | null> {
    return this.call('object', options, (c) => ({ _id: c.string('key', key), subcommand: c.string('subcommand', subcommand) }));
  }

  /** Removes a key's expiry; emits whether there was one. */
  persist(key: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('persist', options, (c) => ({ _id: c.string('key', key), body: {} })).pipe(map(flag));
  }

  /** Sets a key's time to live in milliseconds; emits whether the key exists. */
  pexpire(key: string, milliseconds: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('pexpire', options, (c) => ({
      _id: c.string('key', key),
      body: { milliseconds: c.number('milliseconds', milliseconds) },
    })).pipe(map(flag));
  }

  /** Makes a key expire at a Unix time in milliseconds; emits whether the key exists. */
  pexpireat(key: string, timestamp: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('pexpireat', options, (c) => ({
      _id: c.string('key', key),
      body: { timestamp: c.number('timestamp', timestamp) },
    })).pipe(map(flag));
  }

  /** Emits a key's time to live in milliseconds (-1: no expiry, -2: no such key). */
  pttl(key: string, options?: CallOptions): Observable<number> {
    return this.call('pttl', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits a random key (`null` when there is none). */
  randomkey(options?: CallOptions): Observable<string | null> {
    return this.call('randomkey', options);
  }

  /** Renames a key, overwriting `newkey`; emits once done (errors when the key does not exist). */
  rename(key: string, newkey: string, options?: CallOptions): Observable<void> {
    return this.call('rename', options, (c) => ({ _id: c.string('key', key), body: { newkey: c.string('newkey', newkey) } })).pipe(
      map(nothing),
    );
  }

  /** Renames a key unless `newkey` exists; emits whether it did. */
  renamenx(key: string, newkey: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('renamenx', options, (c) => ({
      _id: c.string('key', key),
      body: { newkey: c.string('newkey', newkey) },
    })).pipe(map(flag));
  }

  /** Emits one page of the keys (start with cursor 0, go on with the page's `cursor` until it is `'0'`). */
  scan(cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('scan', without(options, ['match', 'count']), (c) => scanArgs(c, cursor, options)).pipe(map(scanPage));
  }

  /** Emits the elements of a list, set or sorted set, sorted (or what the `get` patterns point to). */
  sort(key: string, options?: MsSortOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('sort', without(options, SORT_OPTIONS), (c) => ({ _id: c.string('key', key), body: sortOptions(c, options) }));
  }

  /** Updates the last access time of keys; emits how many exist. */
  touch(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('touch', options, (c) => ({ body: { keys: c.strings('keys', keys) } }));
  }

  /** Emits a key's time to live in seconds (-1: no expiry, -2: no such key). */
  ttl(key: string, options?: CallOptions): Observable<number> {
    return this.call('ttl', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits the type of a key's value (`none` when there is no such key). */
  type(key: string, options?: CallOptions): Observable<MsKeyType> {
    return this.call('type', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- strings ----

  /** Appends to a key's string (creating it); emits the new length. */
  append(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('append', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /** Decrements a key's integer by one (from 0 when missing); emits the new value. */
  decr(key: string, options?: CallOptions): Observable<number> {
    return this.call('decr', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /** Decrements a key's integer by `value`; emits the new value. */
  decrby(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('decrby', options, (c) => ({ _id: c.string('key', key), body: { value: c.number('value', value) } }));
  }

  /** Emits a key's value (`null` when there is no such key). */
  get(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('get', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits the part of a key's string between two offsets, both included (negative: from the end). */
  getrange(key: string, start: number, end: number, options?: CallOptions): Observable<string> {
    return this.call('getrange', options, (c) => ({
      _id: c.string('key', key),
      start: c.number('start', start),
      end: c.number('end', end),
    }));
  }

  /** Sets a key's value; emits the previous one (`null` when there was none). */
  getset(key: string, value: MsValue, options?: CallOptions): Observable<string | null> {
    return this.call('getset', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /** Increments a key's integer by one (from 0 when missing); emits the new value. */
  incr(key: string, options?: CallOptions): Observable<number> {
    return this.call('incr', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /** Increments a key's integer by `value`; emits the new value. */
  incrby(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('incrby', options, (c) => ({ _id: c.string('key', key), body: { value: c.number('value', value) } }));
  }

  /** Increments a key's number by the float `value`; emits the new value. */
  incrbyfloat(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call<string>('incrbyfloat', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.number('value', value) },
    })).pipe(map(float));
  }

  /** Emits the values of keys, in order (`null` for a missing key). */
  mget(keys: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('mget', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /** Sets several keys at once; emits once done. */
  mset(entries: readonly MsKeyEntry[], options?: CallOptions): Observable<void> {
    return this.call('mset', options, (c) => ({ body: { entries: keyEntries(c, 'entries', entries) } })).pipe(map(nothing));
  }

  /** Sets several keys at once unless one of them exists; emits whether it did. */
  msetnx(entries: readonly MsKeyEntry[], options?: CallOptions): Observable<boolean> {
    return this.call<number>('msetnx', options, (c) => ({ body: { entries: keyEntries(c, 'entries', entries) } })).pipe(map(flag));
  }

  /** Sets a key's value with a time to live in milliseconds; emits once done. */
  psetex(key: string, value: MsValue, milliseconds: number, options?: CallOptions): Observable<void> {
    return this.call('psetex', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), milliseconds: c.number('milliseconds', milliseconds) },
    })).pipe(map(nothing));
  }

  /** Sets a key's value (with `nx`/`xx`: if the key does not/does exist); emits once done, set or not. */
  set(key: string, value: MsValue, options?: MsSetOptions): Observable<void> {
    return this.call('set', without(options, SET_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), ...setOptions(c, options) },
    })).pipe(map(nothing));
  }

  /** Sets a key's value with a time to live in seconds; emits once done. */
  setex(key: string, value: MsValue, seconds: number, options?: CallOptions): Observable<void> {
    return this.call('setex', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), seconds: c.number('seconds', seconds) },
    })).pipe(map(nothing));
  }

  /** Sets a key's value unless the key exists; emits whether it did. */
  setnx(key: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('setnx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } })).pipe(
      map(flag),
    );
  }

  /** Emits the length of a key's string (0 when there is no such key). */
  strlen(key: string, options?: CallOptions): Observable<number> {
    return this.call('strlen', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- bits ----

  /** Emits how many bits are set in a key's string (or in a byte range of it). */
  bitcount(key: string, options?: MsBitRangeOptions): Observable<number> {
    return this.call('bitcount', without(options, ['start', 'end']), (c) => ({
      _id: c.string('key', key),
      start: c.optional(options?.start, (s) => c.number('start', s)),
      end: c.optional(options?.end, (e) => c.number('end', e)),
    }));
  }

  /** Stores in `key` a bitwise operation on the strings of `keys`; emits the length of the result. */
  bitop(key: string, operation: MsBitOperation, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('bitop', options, (c) => ({
      _id: c.string('key', key),
      body: { operation: c.string('operation', operation), keys: c.strings('keys', keys) },
    }));
  }

  /** Emits the position of the first bit set to `bit` in a key's string (or in a byte range of it), -1 if none. */
  bitpos(key: string, bit: 0 | 1, options?: MsBitRangeOptions): Observable<number> {
    return this.call('bitpos', without(options, ['start', 'end']), (c) => ({
      _id: c.string('key', key),
      bit: c.number('bit', bit),
      start: c.optional(options?.start, (s) => c.number('start', s)),
      end: c.optional(options?.end, (e) => c.number('end', e)),
    }));
  }

  /** Emits the bit at `offset` in a key's string (0 beyond its end). */
  getbit(key: string, offset: number, options?: CallOptions): Observable<number> {
    return this.call('getbit', options, (c) => ({ _id: c.string('key', key), offset: c.number('offset', offset) }));
  }

  // ---- hashes ----

  /** Removes fields from a hash; emits how many existed. */
  hdel(key: string, fields: Strings, options?: CallOptions): Observable<number> {
    return this.call('hdel', options, (c) => ({ _id: c.string('key', key), body: { fields: c.strings('fields', fields) } }));
  }

  /** Emits whether a hash has a field. */
  hexists(key: string, field: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hexists', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) })).pipe(map(flag));
  }

  /** Emits the value of a hash field (`null` when there is none). */
  hget(key: string, field: string, options?: CallOptions): Observable<string | null> {
    return this.call('hget', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) }));
  }

  /** Emits a hash's fields and values as an object (empty when there is no such key). */
  hgetall(key: string, options?: CallOptions): Observable<Readonly<Record<string, string>>> {
    return this.call('hgetall', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Increments a hash field's integer by `value`; emits the new value. */
  hincrby(key: string, field: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('hincrby', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.number('value', value) },
    }));
  }

  /** Increments a hash field's number by the float `value`; emits the new value. */
  hincrbyfloat(key: string, field: string, value: number, options?: CallOptions): Observable<number> {
    return this.call<string>('hincrbyfloat', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.number('value', value) },
    })).pipe(map(float));
  }

  /** Emits a hash's field names. */
  hkeys(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('hkeys', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits how many fields a hash has. */
  hlen(key: string, options?: CallOptions): Observable<number> {
    return this.call('hlen', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits the values of hash fields, in order (`null` for a missing field). */
  hmget(key: string, fields: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('hmget', options, (c) => ({ _id: c.string('key', key), fields: c.strings('fields', fields) }));
  }

  /** Sets several hash fields at once; emits once done. */
  hmset(key: string, entries: readonly MsHashEntry[], options?: CallOptions): Observable<void> {
    return this.call('hmset', options, (c) => ({ _id: c.string('key', key), body: { entries: hashEntries(c, 'entries', entries) } })).pipe(
      map(nothing),
    );
  }

  /** Emits one page of a hash's fields and values, alternating (see `scan` for the cursor). */
  hscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('hscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /** Sets a hash field; emits whether the field is new. */
  hset(key: string, field: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hset', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.scalar('value', value) },
    })).pipe(map(flag));
  }

  /** Sets a hash field unless it exists; emits whether it did. */
  hsetnx(key: string, field: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hsetnx', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.scalar('value', value) },
    })).pipe(map(flag));
  }

  /** Emits the length of a hash field's value (0 when there is none). */
  hstrlen(key: string, field: string, options?: CallOptions): Observable<number> {
    return this.call('hstrlen', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) }));
  }

  /** Emits a hash's values. */
  hvals(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('hvals', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- lists ----

  /** Emits the list element at `idx` (negative: from the end; `null` out of range). */
  lindex(key: string, idx: number, options?: CallOptions): Observable<string | null> {
    return this.call('lindex', options, (c) => ({ _id: c.string('key', key), idx: c.number('idx', idx) }));
  }

  /** Inserts a value before or after the first `pivot` of a list; emits the new length (-1: no pivot). */
  linsert(key: string, position: 'before' | 'after', pivot: MsValue, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('linsert', options, (c) => ({
      _id: c.string('key', key),
      body: { position: c.string('position', position), pivot: c.scalar('pivot', pivot), value: c.scalar('value', value) },
    }));
  }

  /** Emits a list's length. */
  llen(key: string, options?: CallOptions): Observable<number> {
    return this.call('llen', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Removes a list's first element; emits it (`null` when the list is empty). */
  lpop(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('lpop', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /** Prepends values to a list (the last given ends first); emits the new length. */
  lpush(key: string, values: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('lpush', options, (c) => ({ _id: c.string('key', key), body: { values: scalarList(c, 'values', values) } }));
  }

  /** Prepends a value to a list if the list exists; emits the new length (0: no list). */
  lpushx(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('lpushx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /** Emits a list's elements from `start` to `stop`, both included (negative: from the end). */
  lrange(key: string, start: number, stop: number, options?: CallOptions): Observable<Strings> {
    return this.call('lrange', options, (c) => ({
      _id: c.string('key', key),
      start: c.number('start', start),
      stop: c.number('stop', stop),
    }));
  }

  /** Removes `count` occurrences of a value from a list (negative: from the end, 0: all); emits how many went. */
  lrem(key: string, count: number, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('lrem', options, (c) => ({
      _id: c.string('key', key),
      body: { count: c.number('count', count), value: c.scalar('value', value) },
    }));
  }

  /** Sets the list element at `index`; emits once done (errors out of range). */
  lset(key: string, index: number, value: MsValue, options?: CallOptions): Observable<void> {
    return this.call('lset', options, (c) => ({
      _id: c.string('key', key),
      body: { index: c.number('index', index), value: c.scalar('value', value) },
    })).pipe(map(nothing));
  }

  /** Trims a list to its elements from `start` to `stop`, both included; emits once done. */
  ltrim(key: string, start: number, stop: number, options?: CallOptions): Observable<void> {
    return this.call('ltrim', options, (c) => ({
      _id: c.string('key', key),
      body: { start: c.number('start', start), stop: c.number('stop', stop) },
    })).pipe(map(nothing));
  }

  /** Removes a list's last element; emits it (`null` when the list is empty). */
  rpop(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('rpop', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /** Moves the last element of `source` to the head of `destination`; emits it (`null` when `source` is empty). */
  rpoplpush(source: string, destination: string, options?: CallOptions): Observable<string | null> {
    return this.call('rpoplpush', options, (c) => ({
      body: { source: c.string('source', source), destination: c.string('destination', destination) },
    }));
  }

  /** Appends values to a list; emits the new length. */
  rpush(key: string, values: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('rpush', options, (c) => ({ _id: c.string('key', key), body: { values: scalarList(c, 'values', values) } }));
  }

  /** Appends a value to a list if the list exists; emits the new length (0: no list). */
  rpushx(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('rpushx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  // ---- sets ----

  /** Adds members to a set; emits how many were new. */
  sadd(key: string, members: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('sadd', options, (c) => ({ _id: c.string('key', key), body: { members: scalarList(c, 'members', members) } }));
  }

  /** Emits how many members a set has. */
  scard(key: string, options?: CallOptions): Observable<number> {
    return this.call('scard', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits the members of a set that are in none of the sets `keys`. */
  sdiff(key: string, keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sdiff', options, (c) => ({ _id: c.string('key', key), keys: c.strings('keys', keys) }));
  }

  /** Stores in `destination` the members of a set that are in none of the sets `keys`; emits how many. */
  sdiffstore(key: string, keys: Strings, destination: string, options?: CallOptions): Observable<number> {
    return this.call('sdiffstore', options, (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), destination: c.string('destination', destination) },
    }));
  }

  /** Emits the members common to all the sets `keys`. */
  sinter(keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sinter', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /** Stores in `destination` the members common to all the sets `keys`; emits how many. */
  sinterstore(destination: string, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('sinterstore', options, (c) => ({
      body: { destination: c.string('destination', destination), keys: c.strings('keys', keys) },
    }));
  }

  /** Emits whether a set has a member. */
  sismember(key: string, member: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('sismember', options, (c) => ({ _id: c.string('key', key), member: c.scalar('member', member) })).pipe(
      map(flag),
    );
  }

  /** Emits a set's members. */
  smembers(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('smembers', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Moves a member from a set to the set `destination`; emits whether it was there to move. */
  smove(key: string, destination: string, member: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('smove', options, (c) => ({
      _id: c.string('key', key),
      body: { destination: c.string('destination', destination), member: c.scalar('member', member) },
    })).pipe(map(flag));
  }

  /** Removes random members from a set (one unless `count`); emits them, as a list. */
  spop(key: string, options?: MsMembersCountOptions): Observable<Strings> {
    return this.call<string | Strings | null>('spop', without(options, ['count']), (c) => ({
      _id: c.string('key', key),
      body: { count: c.optional(options?.count, (n) => c.number('count', n)) },
    })).pipe(map(list));
  }

  /** Emits random members of a set (one unless `count`), as a list. */
  srandmember(key: string, options?: MsMembersCountOptions): Observable<Strings> {
    return this.call<string | Strings | null>('srandmember', without(options, ['count']), (c) => ({
      _id: c.string('key', key),
      count: c.optional(options?.count, (n) => c.number('count', n)),
    })).pipe(map(list));
  }

  /** Removes members from a set; emits how many were there. */
  srem(key: string, members: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('srem', options, (c) => ({ _id: c.string('key', key), body: { members: scalarList(c, 'members', members) } }));
  }

  /** Emits one page of a set's members (see `scan` for the cursor). */
  sscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('sscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /** Emits the members of any of the sets `keys`. */
  sunion(keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sunion', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /** Stores in `destination` the members of any of the sets `keys`; emits how many. */
  sunionstore(destination: string, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('sunionstore', options, (c) => ({
      body: { destination: c.string('destination', destination), keys: c.strings('keys', keys) },
    }));
  }

  // ---- sorted sets ----

  /** With `incr`: increments the one member's score; emits the new score (`null` when `nx`/`xx` prevented it). */
  zadd(key: string, elements: readonly MsScoredElement[], options: MsZaddIncrOptions): Observable<string | null>;
  /** Adds members with scores (or updates them); emits how many were added, or changed with `ch`. */
  zadd(key: string, elements: readonly MsScoredElement[], options?: MsZaddOptions): Observable<number>;
  zadd(key: string, elements: readonly MsScoredElement[], options?: MsZaddOptions): Observable<number | string | null> {
    return this.call('zadd', without(options, ZADD_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { elements: scoredElements(c, 'elements', elements), ...zaddOptions(c, options) },
    }));
  }

  /** Emits how many members a sorted set has. */
  zcard(key: string, options?: CallOptions): Observable<number> {
    return this.call('zcard', options, (c) => ({ _id: c.string('key', key) }));
  }

  /** Emits how many members have a score between `min` and `max` (`'-inf'`, `'(1'` for exclusive, ...). */
  zcount(key: string, min: MsValue, max: MsValue, options?: CallOptions): Observable<number> {
    return this.call('zcount', options, (c) => ({ _id: c.string('key', key), min: c.scalar('min', min), max: c.scalar('max', max) }));
  }

  /** Increments a member's score by `value`; emits the new score as Redis writes it (a string). */
  zincrby(key: string, member: string, value: number, options?: CallOptions): Observable<string> {
    return this.call('zincrby', options, (c) => ({
      _id: c.string('key', key),
      body: { member: c.string('member', member), value: c.number('value', value) },
    }));
  }

  /** Stores in `key` the members common to the sorted sets `keys`, scores combined; emits how many. */
  zinterstore(key: string, keys: Strings, options?: MsZstoreOptions): Observable<number> {
    return this.call('zinterstore', without(options, ZSTORE_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), ...zstoreOptions(c, options) },
    }));
  }

  /** Emits how many members lie between `min` and `max` in lexical order (`'[a'`, `'(b'`, `'-'`, `'+'`). */
  zlexcount(key: string, min: string, max: string, options?: CallOptions): Observable<number> {
    return this.call('zlexcount', options, (c) => ({ _id: c.string('key', key), min: c.string('min', min), max: c.string('max', max) }));
  }

  /** Emits the members ranked `start` to `stop` (by ascending score), with their scores. */
  zrange(key: string, start: number, stop: number, options?: CallOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrange', options, byRank(key, start, stop)).pipe(map(scoredMembers));
  }

  /** Emits the members between `min` and `max` in lexical order (`'[a'`, `'(b'`, `'-'`, `'+'`). */
  zrangebylex(key: string, min: string, max: string, options?: MsRangeLimitOptions): Observable<Strings> {
    return this.call('zrangebylex', without(options, ['limit']), byLex(key, min, max, options));
  }

  /** Emits the members with a score between `min` and `max`, by ascending score, with their scores. */
  zrangebyscore(key: string, min: MsValue, max: MsValue, options?: MsRangeLimitOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrangebyscore', without(options, ['limit']), byScore(key, min, max, options)).pipe(map(scoredMembers));
  }

  /** Emits a member's rank by ascending score, from 0 (`null` when it is not in the set). */
  zrank(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call('zrank', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) }));
  }

  /** Removes members from a sorted set; emits how many were there. */
  zrem(key: string, members: Strings, options?: CallOptions): Observable<number> {
    return this.call('zrem', options, (c) => ({ _id: c.string('key', key), body: { members: c.strings('members', members) } }));
  }

  /** Removes the members between `min` and `max` in lexical order; emits how many. */
  zremrangebylex(key: string, min: string, max: string, options?: CallOptions): Observable<number> {
    return this.call('zremrangebylex', options, (c) => ({
      _id: c.string('key', key),
      body: { min: c.string('min', min), max: c.string('max', max) },
    }));
  }

  /** Removes the members ranked `start` to `stop`; emits how many. */
  zremrangebyrank(key: string, start: number, stop: number, options?: CallOptions): Observable<number> {
    return this.call('zremrangebyrank', options, (c) => ({
      _id: c.string('key', key),
      body: { start: c.number('start', start), stop: c.number('stop', stop) },
    }));
  }

  /** Removes the members with a score between `min` and `max`; emits how many. */
  zremrangebyscore(key: string, min: MsValue, max: MsValue, options?: CallOptions): Observable<number> {
    return this.call('zremrangebyscore', options, (c) => ({
      _id: c.string('key', key),
      body: { min: c.scalar('min', min), max: c.scalar('max', max) },
    }));
  }

  /** Emits the members ranked `start` to `stop` by descending score, with their scores. */
  zrevrange(key: string, start: number, stop: number, options?: CallOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrevrange', options, byRank(key, start, stop)).pipe(map(scoredMembers));
  }

  /** Emits the members between `min` and `max`, in reverse lexical order. */
  zrevrangebylex(key: string, min: string, max: string, options?: MsRangeLimitOptions): Observable<Strings> {
    return this.call('zrevrangebylex', without(options, ['limit']), byLex(key, min, max, options));
  }

  /** Emits the members with a score between `min` and `max`, by descending score, with their scores. */
  zrevrangebyscore(key: string, min: MsValue, max: MsValue, options?: MsRangeLimitOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrevrangebyscore', without(options, ['limit']), byScore(key, min, max, options)).pipe(map(scoredMembers));
  }

  /** Emits a member's rank by descending score, from 0 (`null` when it is not in the set). */
  zrevrank(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call('zrevrank', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) }));
  }

  /** Emits one page of a sorted set's members and scores, alternating (see `scan` for the cursor). */
  zscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('zscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /** Emits a member's score (`null` when it is not in the set). */
  zscore(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call<string | null>('zscore', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) })).pipe(
      map(floatOrNull),
    );
  }

  /** Stores in `key` the members of any of the sorted sets `keys`, scores combined; emits how many. */
  zunionstore(key: string, keys: Strings, options?: MsZstoreOptions): Observable<number> {
    return this.call('zunionstore', without(options, ZSTORE_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), ...zstoreOptions(c, options) },
    }));
  }

  // ---- geo ----

  /** Adds points to a geo set; emits how many were new. */
  geoadd(key: string, points: readonly MsGeoPoint[], options?: CallOptions): Observable<number> {
    return this.call('geoadd', options, (c) => ({ _id: c.string('key', key), body: { points: geoPoints(c, 'points', points) } }));
  }

  /** Emits the distance between two points (`null` when one is missing), in meters unless `unit`. */
  geodist(key: string, member1: string, member2: string, options?: MsGeodistOptions): Observable<number | null> {
    return this.call<string | null>('geodist', without(options, ['unit']), (c) => ({
      _id: c.string('key', key),
      member1: c.string('member1', member1),
      member2: c.string('member2', member2),
      unit: c.optionalString('unit', options?.unit),
    })).pipe(map(floatOrNull));
  }

  /** Emits the geohash of points, in order (`null` for a missing one). */
  geohash(key: string, members: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('geohash', options, (c) => ({ _id: c.string('key', key), members: c.strings('members', members) }));
  }

  /** Emits the `[lon, lat]` of points, in order (`null` for a missing one). */
  geopos(key: string, members: Strings, options?: CallOptions): Observable<ReadonlyArray<readonly [lon: number, lat: number] | null>> {
    return this.call<ReadonlyArray<readonly [string, string] | null>>('geopos', options, (c) => ({
      _id: c.string('key', key),
      members: c.strings('members', members),
    })).pipe(map(geoPositions));
  }

  /** Emits the points within `distance` of a position (with their distance and coordinates when asked for). */
  georadius(
    key: string,
    lon: number,
    lat: number,
    distance: number,
    unit: MsGeoUnit,
    options?: MsGeoRadiusOptions,
  ): Observable<readonly MsGeoRadiusPoint[]> {
    return this.call<Parameters<typeof geoRadiusPoints>[0]>('georadius', without(options, GEORADIUS_OPTIONS), (c) => ({
      _id: c.string('key', key),
      lon: c.number('lon', lon),
      lat: c.number('lat', lat),
      distance: c.number('distance', distance),
      unit: c.string('unit', unit),
      options: geoRadiusArguments(c, options),
    })).pipe(map(geoRadiusPoints));
  }

  /** Emits the points within `distance` of the point `member` (with their distance and coordinates when asked for). */
  georadiusbymember(
    key: string,
    member: string,
    distance: number,
    unit: MsGeoUnit,
    options?: MsGeoRadiusOptions,
  ): Observable<readonly MsGeoRadiusPoint[]> {
    return this.call<Parameters<typeof geoRadiusPoints>[0]>('georadiusbymember', without(options, GEORADIUS_OPTIONS), (c) => ({
      _id: c.string('key', key),
      member: c.string('member', member),
      distance: c.number('distance', distance),
      unit: c.string('unit', unit),
      options: geoRadiusArguments(c, options),
    })).pipe(map(geoRadiusPoints));
  }

  // ---- HyperLogLog ----

  /** Adds elements to a HyperLogLog; emits whether its estimate changed. */
  pfadd(key: string, elements: readonly MsValue[], options?: CallOptions): Observable<boolean> {
    return this.call<number>('pfadd', options, (c) => ({
      _id: c.string('key', key),
      body: { elements: scalarList(c, 'elements', elements) },
    })).pipe(map(flag));
  }

  /** Emits the estimated number of distinct elements in the union of HyperLogLogs. */
  pfcount(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('pfcount', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /** Merges HyperLogLogs into `key`; emits once done. */
  pfmerge(key: string, sources: Strings, options?: CallOptions): Observable<void> {
    return this.call('pfmerge', options, (c) => ({ _id: c.string('key', key), body: { sources: c.strings('sources', sources) } })).pipe(
      map(nothing),
    );
  }

  // ---- database ----

  /** Emits how many keys the memory storage holds. */
  dbsize(options?: CallOptions): Observable<number> {
    return this.call('dbsize', options);
  }

  /** Deletes every key of the memory storage; emits once done. */
  flushdb(options?: CallOptions): Observable<void> {
    return this.call('flushdb', options, () => ({ body: {} })).pipe(map(nothing));
  }

  /** Runs several commands in one transaction; emits, per command, `[null, result]` or `[error]`. */
  mexecute(actions: readonly MsAction[], options?: CallOptions): Observable<readonly MsActionResult[]> {
    return this.call('mexecute', options, (c) => ({ body: { actions: actionList(c, 'actions', actions) } }));
  }

  /** Emits `'PONG'`. */
  ping(options?: CallOptions): Observable<string> {
    return this.call('ping', options);
  }

  /** Emits the memory storage's clock: `[seconds, microseconds]` since the Unix epoch. */
  time(options?: CallOptions): Observable<readonly [seconds: number, microseconds: number]> {
    return this.call<readonly [string, string]>('time', options).pipe(map(secondsAndMicroseconds));
  }
}
