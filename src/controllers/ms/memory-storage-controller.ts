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
 * The memory storage controller: the Redis commands of the server's memory storage, one method per command, under the
 * command's name. Keys are non-empty strings; values are strings or numbers (Redis stores them as strings). Read
 * commands (getters) send their arguments at top level, the others in `body`, as the server reads them. Each method
 * emits once, then completes.
 *
 * ## Errors
 *
 * Besides the errors of every request (see `BaseController`):
 *
 * - `InvalidRequestError`, before anything is sent, for an argument not of its type (each method's `@throws` names
 *   them).
 * - `KuzzleError` `api.assert.*` (400) for arguments Kuzzle checks itself: `api.assert.mutually_exclusive` (`set` with
 *   `ex` and `px`), `api.assert.empty_argument` (`zadd` with no element), ...
 * - `KuzzleError` `plugin.runtime.unexpected_error` (500) for an error of Redis itself: its `message` carries Redis'
 *   (`Caught an unexpected plugin error: WRONGTYPE Operation against a key holding the wrong kind of value`), as Kuzzle
 *   2.56 reports them. The ones a user meets: `WRONGTYPE` (the key holds another type: a list where a string is expected,
 *   ...), `ERR no such key`, `ERR value is not an integer or out of range`, `ERR wrong number of arguments` (an empty
 *   array of keys or members). Test the message: `isKuzzleError(error) && error.message.includes('WRONGTYPE')`.
 *
 * @example A session kept for an hour
 * ```ts
 * kuzzle.ms
 *   .set('session:jo', JSON.stringify({ cart: 3 }), { ex: 3600 })
 *   .pipe(switchMap(() => kuzzle.ms.get('session:jo')))
 *   .subscribe((value) => console.log(value === null ? 'expired' : JSON.parse(value)));
 * ```
 */
export class MemoryStorageController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'ms');
  }

  // ---- keys ----

  /**
   * Deletes keys; emits how many existed, then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  del(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('del', options, (c) => ({ body: { keys: c.strings('keys', keys) } }));
  }

  /**
   * Emits how many of `keys` exist (a key given twice counts twice), then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  exists(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('exists', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /**
   * Sets a key's time to live in seconds; emits whether the key exists, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `seconds` not a finite number.
   */
  expire(key: string, seconds: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('expire', options, (c) => ({
      _id: c.string('key', key),
      body: { seconds: c.number('seconds', seconds) },
    })).pipe(map(flag));
  }

  /**
   * Makes a key expire at a Unix time in seconds; emits whether the key exists, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `timestamp` not a finite number.
   */
  expireat(key: string, timestamp: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('expireat', options, (c) => ({
      _id: c.string('key', key),
      body: { timestamp: c.number('timestamp', timestamp) },
    })).pipe(map(flag));
  }

  /**
   * Emits the keys matching a glob-style pattern, then completes.
   *
   * @throws {InvalidRequestError} when `pattern` is not a non-empty string.
   */
  keys(pattern: string, options?: CallOptions): Observable<Strings> {
    return this.call('keys', options, (c) => ({ pattern: c.string('pattern', pattern) }));
  }

  /**
   * Emits what Redis knows of a key's value: its encoding (a string), idle time, LFU frequency or reference count, then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` or `subcommand` is not a non-empty string.
   */
  object(key: string, subcommand: MsObjectSubcommand, options?: CallOptions): Observable<string | number | null> {
    return this.call('object', options, (c) => ({ _id: c.string('key', key), subcommand: c.string('subcommand', subcommand) }));
  }

  /**
   * Removes a key's expiry; emits whether there was one, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   */
  persist(key: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('persist', options, (c) => ({ _id: c.string('key', key), body: {} })).pipe(map(flag));
  }

  /**
   * Sets a key's time to live in milliseconds; emits whether the key exists, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `milliseconds` not a finite number.
   */
  pexpire(key: string, milliseconds: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('pexpire', options, (c) => ({
      _id: c.string('key', key),
      body: { milliseconds: c.number('milliseconds', milliseconds) },
    })).pipe(map(flag));
  }

  /**
   * Makes a key expire at a Unix time in milliseconds; emits whether the key exists, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `timestamp` not a finite number.
   */
  pexpireat(key: string, timestamp: number, options?: CallOptions): Observable<boolean> {
    return this.call<number>('pexpireat', options, (c) => ({
      _id: c.string('key', key),
      body: { timestamp: c.number('timestamp', timestamp) },
    })).pipe(map(flag));
  }

  /**
   * Emits a key's time to live in milliseconds (-1: no expiry, -2: no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   */
  pttl(key: string, options?: CallOptions): Observable<number> {
    return this.call('pttl', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits a random key (`null` when there is none), then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `ms:randomkey`; the action has no
   * error of its own.
   */
  randomkey(options?: CallOptions): Observable<string | null> {
    return this.call('randomkey', options);
  }

  /**
   * Renames a key, overwriting `newkey`; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `newkey` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `ERR no such key` when `key`
   * does not exist (see the class comment).
   */
  rename(key: string, newkey: string, options?: CallOptions): Observable<void> {
    return this.call('rename', options, (c) => ({ _id: c.string('key', key), body: { newkey: c.string('newkey', newkey) } })).pipe(
      map(nothing),
    );
  }

  /**
   * Renames a key unless `newkey` exists; emits whether it did, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `newkey` is not a non-empty string.
   */
  renamenx(key: string, newkey: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('renamenx', options, (c) => ({
      _id: c.string('key', key),
      body: { newkey: c.string('newkey', newkey) },
    })).pipe(map(flag));
  }

  /**
   * Emits one page of the keys (start with cursor 0, go on with the page's `cursor` until it is `'0'`), then completes.
   *
   * @throws {InvalidRequestError} when `cursor` is not a string or a number, or an option not of its type (`match` a
   * string, `count` a finite number).
   */
  scan(cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('scan', without(options, ['match', 'count']), (c) => scanArgs(c, cursor, options)).pipe(map(scanPage));
  }

  /**
   * Emits the elements of a list, set or sorted set, sorted (or what the `get` patterns point to), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or an option not of its type (`alpha` a
   * boolean, `by` and `direction` non-empty strings, `get` an array of non-empty strings, `limit` an `[offset, count]`
   * pair).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds a
   * string or a hash, `ERR One or more scores can't be converted into double` when elements are not numbers and `alpha`
   * is not set (see the class comment).
   */
  sort(key: string, options?: MsSortOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('sort', without(options, SORT_OPTIONS), (c) => ({ _id: c.string('key', key), body: sortOptions(c, options) }));
  }

  /**
   * Updates the last access time of keys; emits how many exist, then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  touch(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('touch', options, (c) => ({ body: { keys: c.strings('keys', keys) } }));
  }

  /**
   * Emits a key's time to live in seconds (-1: no expiry, -2: no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   */
  ttl(key: string, options?: CallOptions): Observable<number> {
    return this.call('ttl', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits the type of a key's value (`none` when there is no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   */
  type(key: string, options?: CallOptions): Observable<MsKeyType> {
    return this.call('type', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- strings ----

  /**
   * Appends to a key's string (creating it); emits the new length, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  append(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('append', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /**
   * Decrements a key's integer by one (from 0 when missing); emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string, `ERR value is not an integer or out of range` when the value is not an integer (see the
   * class comment).
   */
  decr(key: string, options?: CallOptions): Observable<number> {
    return this.call('decr', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /**
   * Decrements a key's integer by `value`; emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string, `ERR value is not an integer or out of range` when the value is not an integer (see the
   * class comment).
   */
  decrby(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('decrby', options, (c) => ({ _id: c.string('key', key), body: { value: c.number('value', value) } }));
  }

  /**
   * Emits a key's value (`null` when there is no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   *
   * @example A counter, 0 until first counted
   * ```ts
   * kuzzle.ms
   *   .get('visits:home')
   *   .pipe(map((value) => Number(value ?? 0)))
   *   .subscribe((visits) => console.log(`${visits} visits`));
   * ```
   */
  get(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('get', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits the part of a key's string between two offsets, both included (negative: from the end), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `end` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  getrange(key: string, start: number, end: number, options?: CallOptions): Observable<string> {
    return this.call('getrange', options, (c) => ({
      _id: c.string('key', key),
      start: c.number('start', start),
      end: c.number('end', end),
    }));
  }

  /**
   * Sets a key's value; emits the previous one (`null` when there was none), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  getset(key: string, value: MsValue, options?: CallOptions): Observable<string | null> {
    return this.call('getset', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /**
   * Increments a key's integer by one (from 0 when missing); emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string, `ERR value is not an integer or out of range` when the value is not an integer (see the
   * class comment).
   */
  incr(key: string, options?: CallOptions): Observable<number> {
    return this.call('incr', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /**
   * Increments a key's integer by `value`; emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string, `ERR value is not an integer or out of range` when the value is not an integer (see the
   * class comment).
   */
  incrby(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('incrby', options, (c) => ({ _id: c.string('key', key), body: { value: c.number('value', value) } }));
  }

  /**
   * Increments a key's number by the float `value`; emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string, `ERR value is not a valid float` when the value is not a number (see the class
   * comment).
   */
  incrbyfloat(key: string, value: number, options?: CallOptions): Observable<number> {
    return this.call<string>('incrbyfloat', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.number('value', value) },
    })).pipe(map(float));
  }

  /**
   * Emits the values of keys, in order (`null` for a missing key), then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  mget(keys: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('mget', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /**
   * Sets several keys at once; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `entries` is not an array of `{ key, value }` (a non-empty string, a string or a
   * number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  mset(entries: readonly MsKeyEntry[], options?: CallOptions): Observable<void> {
    return this.call('mset', options, (c) => ({ body: { entries: keyEntries(c, 'entries', entries) } })).pipe(map(nothing));
  }

  /**
   * Sets several keys at once unless one of them exists; emits whether it did, then completes.
   *
   * @throws {InvalidRequestError} when `entries` is not an array of `{ key, value }` (a non-empty string, a string or a
   * number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error:
   * `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  msetnx(entries: readonly MsKeyEntry[], options?: CallOptions): Observable<boolean> {
    return this.call<number>('msetnx', options, (c) => ({ body: { entries: keyEntries(c, 'entries', entries) } })).pipe(map(flag));
  }

  /**
   * Sets a key's value with a time to live in milliseconds; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `value` not a string or a number, or
   * `milliseconds` not a finite number.
   */
  psetex(key: string, value: MsValue, milliseconds: number, options?: CallOptions): Observable<void> {
    return this.call('psetex', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), milliseconds: c.number('milliseconds', milliseconds) },
    })).pipe(map(nothing));
  }

  /**
   * Sets a key's value (with `nx`/`xx`: if the key does not/does exist); emits `undefined` once done, then completes,
   * whether the value was set or not.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `value` not a string or a number, or an option
   * not of its type (`ex` and `px` finite numbers, `nx` and `xx` booleans).
   * @throws {KuzzleError} `api.assert.mutually_exclusive` (400) when `ex` and `px`, or `nx` and `xx`, are both given.
   *
   * @example A lock held for 30 s: set only if nobody holds it, then see who does
   * ```ts
   * kuzzle.ms
   *   .set('lock:report', 'worker-1', { nx: true, px: 30_000 })
   *   .pipe(switchMap(() => kuzzle.ms.get('lock:report')))
   *   .subscribe((holder) => console.log(holder === 'worker-1' ? 'the lock is ours' : `held by ${holder}`));
   * ```
   */
  set(key: string, value: MsValue, options?: MsSetOptions): Observable<void> {
    return this.call('set', without(options, SET_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), ...setOptions(c, options) },
    })).pipe(map(nothing));
  }

  /**
   * Sets a key's value with a time to live in seconds; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `value` not a string or a number, or `seconds`
   * not a finite number.
   */
  setex(key: string, value: MsValue, seconds: number, options?: CallOptions): Observable<void> {
    return this.call('setex', options, (c) => ({
      _id: c.string('key', key),
      body: { value: c.scalar('value', value), seconds: c.number('seconds', seconds) },
    })).pipe(map(nothing));
  }

  /**
   * Sets a key's value unless the key exists; emits whether it did, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a string or a number.
   */
  setnx(key: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('setnx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } })).pipe(
      map(flag),
    );
  }

  /**
   * Emits the length of a key's string (0 when there is no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  strlen(key: string, options?: CallOptions): Observable<number> {
    return this.call('strlen', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- bits ----

  /**
   * Emits how many bits are set in a key's string (or in a byte range of it), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or an option not of its type (`start` and `end`
   * finite numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  bitcount(key: string, options?: MsBitRangeOptions): Observable<number> {
    return this.call('bitcount', without(options, ['start', 'end']), (c) => ({
      _id: c.string('key', key),
      start: c.optional(options?.start, (s) => c.number('start', s)),
      end: c.optional(options?.end, (e) => c.number('end', e)),
    }));
  }

  /**
   * Stores in `key` a bitwise operation on the strings of `keys`; emits the length of the result, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `operation` is not a non-empty string, or `keys` not an array of
   * non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a string, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  bitop(key: string, operation: MsBitOperation, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('bitop', options, (c) => ({
      _id: c.string('key', key),
      body: { operation: c.string('operation', operation), keys: c.strings('keys', keys) },
    }));
  }

  /**
   * Emits the position of the first bit set to `bit` in a key's string (or in a byte range of it), -1 if none, then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `bit` not a finite number, or an option not of
   * its type (`start` and `end` finite numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  bitpos(key: string, bit: 0 | 1, options?: MsBitRangeOptions): Observable<number> {
    return this.call('bitpos', without(options, ['start', 'end']), (c) => ({
      _id: c.string('key', key),
      bit: c.number('bit', bit),
      start: c.optional(options?.start, (s) => c.number('start', s)),
      end: c.optional(options?.end, (e) => c.number('end', e)),
    }));
  }

  /**
   * Emits the bit at `offset` in a key's string (0 beyond its end), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `offset` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a string (see the class comment).
   */
  getbit(key: string, offset: number, options?: CallOptions): Observable<number> {
    return this.call('getbit', options, (c) => ({ _id: c.string('key', key), offset: c.number('offset', offset) }));
  }

  // ---- hashes ----

  /**
   * Removes fields from a hash; emits how many existed, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `fields` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  hdel(key: string, fields: Strings, options?: CallOptions): Observable<number> {
    return this.call('hdel', options, (c) => ({ _id: c.string('key', key), body: { fields: c.strings('fields', fields) } }));
  }

  /**
   * Emits whether a hash has a field, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hexists(key: string, field: string, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hexists', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) })).pipe(map(flag));
  }

  /**
   * Emits the value of a hash field (`null` when there is none), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hget(key: string, field: string, options?: CallOptions): Observable<string | null> {
    return this.call('hget', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) }));
  }

  /**
   * Emits a hash's fields and values as an object (empty when there is no such key), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hgetall(key: string, options?: CallOptions): Observable<Readonly<Record<string, string>>> {
    return this.call('hgetall', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Increments a hash field's integer by `value`; emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash, `ERR hash value is not an integer` when the field's value is not an integer (see the
   * class comment).
   */
  hincrby(key: string, field: string, value: number, options?: CallOptions): Observable<number> {
    return this.call('hincrby', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.number('value', value) },
    }));
  }

  /**
   * Increments a hash field's number by the float `value`; emits the new value, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash, `ERR hash value is not a float` when the field's value is not a number (see the class
   * comment).
   */
  hincrbyfloat(key: string, field: string, value: number, options?: CallOptions): Observable<number> {
    return this.call<string>('hincrbyfloat', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.number('value', value) },
    })).pipe(map(float));
  }

  /**
   * Emits a hash's field names, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hkeys(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('hkeys', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits how many fields a hash has, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hlen(key: string, options?: CallOptions): Observable<number> {
    return this.call('hlen', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits the values of hash fields, in order (`null` for a missing field), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `fields` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  hmget(key: string, fields: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('hmget', options, (c) => ({ _id: c.string('key', key), fields: c.strings('fields', fields) }));
  }

  /**
   * Sets several hash fields at once; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `entries` not an array of `{ field, value }`
   * (a non-empty string, a string or a number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  hmset(key: string, entries: readonly MsHashEntry[], options?: CallOptions): Observable<void> {
    return this.call('hmset', options, (c) => ({ _id: c.string('key', key), body: { entries: hashEntries(c, 'entries', entries) } })).pipe(
      map(nothing),
    );
  }

  /**
   * Emits one page of a hash's fields and values, alternating (see `scan` for the cursor), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `cursor` not a string or a number, or an option
   * not of its type (`match` a string, `count` a finite number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('hscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /**
   * Sets a hash field; emits whether the field is new, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hset(key: string, field: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hset', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.scalar('value', value) },
    })).pipe(map(flag));
  }

  /**
   * Sets a hash field unless it exists; emits whether it did, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hsetnx(key: string, field: string, value: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('hsetnx', options, (c) => ({
      _id: c.string('key', key),
      body: { field: c.string('field', field), value: c.scalar('value', value) },
    })).pipe(map(flag));
  }

  /**
   * Emits the length of a hash field's value (0 when there is none), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `field` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hstrlen(key: string, field: string, options?: CallOptions): Observable<number> {
    return this.call('hstrlen', options, (c) => ({ _id: c.string('key', key), field: c.string('field', field) }));
  }

  /**
   * Emits a hash's values, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a hash (see the class comment).
   */
  hvals(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('hvals', options, (c) => ({ _id: c.string('key', key) }));
  }

  // ---- lists ----

  /**
   * Emits the list element at `idx` (negative: from the end; `null` out of range), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `idx` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  lindex(key: string, idx: number, options?: CallOptions): Observable<string | null> {
    return this.call('lindex', options, (c) => ({ _id: c.string('key', key), idx: c.number('idx', idx) }));
  }

  /**
   * Inserts a value before or after the first `pivot` of a list; emits the new length (-1: no pivot), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `position` is not a non-empty string, or `pivot` or `value` not a
   * string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  linsert(key: string, position: 'before' | 'after', pivot: MsValue, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('linsert', options, (c) => ({
      _id: c.string('key', key),
      body: { position: c.string('position', position), pivot: c.scalar('pivot', pivot), value: c.scalar('value', value) },
    }));
  }

  /**
   * Emits a list's length, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  llen(key: string, options?: CallOptions): Observable<number> {
    return this.call('llen', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Removes a list's first element; emits it (`null` when the list is empty), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  lpop(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('lpop', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /**
   * Prepends values to a list (the last given ends first); emits the new length, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `values` not an array of strings or numbers.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  lpush(key: string, values: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('lpush', options, (c) => ({ _id: c.string('key', key), body: { values: scalarList(c, 'values', values) } }));
  }

  /**
   * Prepends a value to a list if the list exists; emits the new length (0: no list), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  lpushx(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('lpushx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  /**
   * Emits a list's elements from `start` to `stop`, both included (negative: from the end), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `stop` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  lrange(key: string, start: number, stop: number, options?: CallOptions): Observable<Strings> {
    return this.call('lrange', options, (c) => ({
      _id: c.string('key', key),
      start: c.number('start', start),
      stop: c.number('stop', stop),
    }));
  }

  /**
   * Removes `count` occurrences of a value from a list (negative: from the end, 0: all); emits how many went, then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `count` not a finite number, or `value` not a
   * string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  lrem(key: string, count: number, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('lrem', options, (c) => ({
      _id: c.string('key', key),
      body: { count: c.number('count', count), value: c.scalar('value', value) },
    }));
  }

  /**
   * Sets the list element at `index`; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `index` not a finite number, or `value` not a
   * string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list, `ERR no such key` when the list does not exist, `ERR index out of range` when `index` is
   * past its end (see the class comment).
   */
  lset(key: string, index: number, value: MsValue, options?: CallOptions): Observable<void> {
    return this.call('lset', options, (c) => ({
      _id: c.string('key', key),
      body: { index: c.number('index', index), value: c.scalar('value', value) },
    })).pipe(map(nothing));
  }

  /**
   * Trims a list to its elements from `start` to `stop`, both included; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `stop` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  ltrim(key: string, start: number, stop: number, options?: CallOptions): Observable<void> {
    return this.call('ltrim', options, (c) => ({
      _id: c.string('key', key),
      body: { start: c.number('start', start), stop: c.number('stop', stop) },
    })).pipe(map(nothing));
  }

  /**
   * Removes a list's last element; emits it (`null` when the list is empty), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  rpop(key: string, options?: CallOptions): Observable<string | null> {
    return this.call('rpop', options, (c) => ({ _id: c.string('key', key), body: {} }));
  }

  /**
   * Moves the last element of `source` to the head of `destination`; emits it (`null` when `source` is empty), then
   * completes.
   *
   * @throws {InvalidRequestError} when `source` or `destination` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a list (see the class comment).
   */
  rpoplpush(source: string, destination: string, options?: CallOptions): Observable<string | null> {
    return this.call('rpoplpush', options, (c) => ({
      body: { source: c.string('source', source), destination: c.string('destination', destination) },
    }));
  }

  /**
   * Appends values to a list; emits the new length, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `values` not an array of strings or numbers.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  rpush(key: string, values: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('rpush', options, (c) => ({ _id: c.string('key', key), body: { values: scalarList(c, 'values', values) } }));
  }

  /**
   * Appends a value to a list if the list exists; emits the new length (0: no list), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `value` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a list (see the class comment).
   */
  rpushx(key: string, value: MsValue, options?: CallOptions): Observable<number> {
    return this.call('rpushx', options, (c) => ({ _id: c.string('key', key), body: { value: c.scalar('value', value) } }));
  }

  // ---- sets ----

  /**
   * Adds members to a set; emits how many were new, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `members` not an array of strings or
   * numbers.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  sadd(key: string, members: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('sadd', options, (c) => ({ _id: c.string('key', key), body: { members: scalarList(c, 'members', members) } }));
  }

  /**
   * Emits how many members a set has, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  scard(key: string, options?: CallOptions): Observable<number> {
    return this.call('scard', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits the members of a set that are in none of the sets `keys`, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `keys` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set (see the class comment).
   */
  sdiff(key: string, keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sdiff', options, (c) => ({ _id: c.string('key', key), keys: c.strings('keys', keys) }));
  }

  /**
   * Stores in `destination` the members of a set that are in none of the sets `keys`; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `keys` not an array of non-empty strings, or
   * `destination` not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set (see the class comment).
   */
  sdiffstore(key: string, keys: Strings, destination: string, options?: CallOptions): Observable<number> {
    return this.call('sdiffstore', options, (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), destination: c.string('destination', destination) },
    }));
  }

  /**
   * Emits the members common to all the sets `keys`, then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  sinter(keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sinter', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /**
   * Stores in `destination` the members common to all the sets `keys`; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `destination` is not a non-empty string, or `keys` not an array of non-empty
   * strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  sinterstore(destination: string, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('sinterstore', options, (c) => ({
      body: { destination: c.string('destination', destination), keys: c.strings('keys', keys) },
    }));
  }

  /**
   * Emits whether a set has a member, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `member` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  sismember(key: string, member: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('sismember', options, (c) => ({ _id: c.string('key', key), member: c.scalar('member', member) })).pipe(
      map(flag),
    );
  }

  /**
   * Emits a set's members, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  smembers(key: string, options?: CallOptions): Observable<Strings> {
    return this.call('smembers', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Moves a member from a set to the set `destination`; emits whether it was there to move, then completes.
   *
   * @throws {InvalidRequestError} when `key` or `destination` is not a non-empty string, or `member` not a string or a
   * number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set (see the class comment).
   */
  smove(key: string, destination: string, member: MsValue, options?: CallOptions): Observable<boolean> {
    return this.call<number>('smove', options, (c) => ({
      _id: c.string('key', key),
      body: { destination: c.string('destination', destination), member: c.scalar('member', member) },
    })).pipe(map(flag));
  }

  /**
   * Removes random members from a set (one unless `count`); emits them, as a list, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or an option not of its type (`count` a finite
   * number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  spop(key: string, options?: MsMembersCountOptions): Observable<Strings> {
    return this.call<string | Strings | null>('spop', without(options, ['count']), (c) => ({
      _id: c.string('key', key),
      body: { count: c.optional(options?.count, (n) => c.number('count', n)) },
    })).pipe(map(list));
  }

  /**
   * Emits random members of a set (one unless `count`), as a list, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or an option not of its type (`count` a finite
   * number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  srandmember(key: string, options?: MsMembersCountOptions): Observable<Strings> {
    return this.call<string | Strings | null>('srandmember', without(options, ['count']), (c) => ({
      _id: c.string('key', key),
      count: c.optional(options?.count, (n) => c.number('count', n)),
    })).pipe(map(list));
  }

  /**
   * Removes members from a set; emits how many were there, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `members` not an array of strings or
   * numbers.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  srem(key: string, members: readonly MsValue[], options?: CallOptions): Observable<number> {
    return this.call('srem', options, (c) => ({ _id: c.string('key', key), body: { members: scalarList(c, 'members', members) } }));
  }

  /**
   * Emits one page of a set's members (see `scan` for the cursor), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `cursor` not a string or a number, or an option
   * not of its type (`match` a string, `count` a finite number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a set (see the class comment).
   */
  sscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('sscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /**
   * Emits the members of any of the sets `keys`, then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  sunion(keys: Strings, options?: CallOptions): Observable<Strings> {
    return this.call('sunion', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /**
   * Stores in `destination` the members of any of the sets `keys`; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `destination` is not a non-empty string, or `keys` not an array of non-empty
   * strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a set, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  sunionstore(destination: string, keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('sunionstore', options, (c) => ({
      body: { destination: c.string('destination', destination), keys: c.strings('keys', keys) },
    }));
  }

  // ---- sorted sets ----

  /**
   * With `incr`: increments the one member's score; emits the new score (`null` when `nx`/`xx` prevented it), then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `elements` not an array of `{ score, member }`
   * (a finite number, a non-empty string), or an option not of its type (`nx`, `xx`, `ch` and `incr` booleans).
   * @throws {KuzzleError} `api.assert.empty_argument` (400) when `elements` is empty; `api.assert.mutually_exclusive`
   * (400) when `nx` and `xx` are both given; `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE`
   * when `key` holds another type than a sorted set (see the class comment).
   */
  zadd(key: string, elements: readonly MsScoredElement[], options: MsZaddIncrOptions): Observable<string | null>;
  /**
   * Adds members with scores (or updates them); emits how many were added, or changed with `ch`, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `elements` not an array of `{ score, member }`
   * (a finite number, a non-empty string), or an option not of its type (`nx`, `xx`, `ch` and `incr` booleans).
   * @throws {KuzzleError} `api.assert.empty_argument` (400) when `elements` is empty; `api.assert.mutually_exclusive`
   * (400) when `nx` and `xx` are both given; `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE`
   * when `key` holds another type than a sorted set (see the class comment).
   */
  zadd(key: string, elements: readonly MsScoredElement[], options?: MsZaddOptions): Observable<number>;
  zadd(key: string, elements: readonly MsScoredElement[], options?: MsZaddOptions): Observable<number | string | null> {
    return this.call('zadd', without(options, ZADD_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { elements: scoredElements(c, 'elements', elements), ...zaddOptions(c, options) },
    }));
  }

  /**
   * Emits how many members a sorted set has, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zcard(key: string, options?: CallOptions): Observable<number> {
    return this.call('zcard', options, (c) => ({ _id: c.string('key', key) }));
  }

  /**
   * Emits how many members have a score between `min` and `max` (`'-inf'`, `'(1'` for exclusive, ...), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `min` or `max` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max is not a float` when `min` or `max` is not a score (`1`, `'(1'`,
   * `'-inf'`, `'+inf'`) (see the class comment).
   */
  zcount(key: string, min: MsValue, max: MsValue, options?: CallOptions): Observable<number> {
    return this.call('zcount', options, (c) => ({ _id: c.string('key', key), min: c.scalar('min', min), max: c.scalar('max', max) }));
  }

  /**
   * Increments a member's score by `value`; emits the new score as Redis writes it (a string), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `member` is not a non-empty string, or `value` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zincrby(key: string, member: string, value: number, options?: CallOptions): Observable<string> {
    return this.call('zincrby', options, (c) => ({
      _id: c.string('key', key),
      body: { member: c.string('member', member), value: c.number('value', value) },
    }));
  }

  /**
   * Stores in `key` the members common to the sorted sets `keys`, scores combined; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `keys` not an array of non-empty strings, or an
   * option not of its type (`weights` an array of finite numbers, `aggregate` a non-empty string).
   * @throws {KuzzleError} `api.assert.empty_argument` (400) when `keys` is empty; `plugin.runtime.unexpected_error`
   * (500) carrying Redis' error: `WRONGTYPE` when one of the keys holds another type than a sorted set or a set (see
   * the class comment).
   */
  zinterstore(key: string, keys: Strings, options?: MsZstoreOptions): Observable<number> {
    return this.call('zinterstore', without(options, ZSTORE_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), ...zstoreOptions(c, options) },
    }));
  }

  /**
   * Emits how many members lie between `min` and `max` in lexical order (`'[a'`, `'(b'`, `'-'`, `'+'`), then completes.
   *
   * @throws {InvalidRequestError} when `key`, `min` or `max` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max not valid string range item` when `min` or `max` does not start
   * with `[` or `(` (or is not `-` or `+`) (see the class comment).
   */
  zlexcount(key: string, min: string, max: string, options?: CallOptions): Observable<number> {
    return this.call('zlexcount', options, (c) => ({ _id: c.string('key', key), min: c.string('min', min), max: c.string('max', max) }));
  }

  /**
   * Emits the members ranked `start` to `stop` (by ascending score), with their scores, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `stop` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zrange(key: string, start: number, stop: number, options?: CallOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrange', options, byRank(key, start, stop)).pipe(map(scoredMembers));
  }

  /**
   * Emits the members between `min` and `max` in lexical order (`'[a'`, `'(b'`, `'-'`, `'+'`), then completes.
   *
   * @throws {InvalidRequestError} when `key`, `min` or `max` is not a non-empty string, or an option not of its type
   * (`limit` an `[offset, count]` pair of numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max not valid string range item` when `min` or `max` does not start
   * with `[` or `(` (or is not `-` or `+`) (see the class comment).
   */
  zrangebylex(key: string, min: string, max: string, options?: MsRangeLimitOptions): Observable<Strings> {
    return this.call('zrangebylex', without(options, ['limit']), byLex(key, min, max, options));
  }

  /**
   * Emits the members with a score between `min` and `max`, by ascending score, with their scores, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `min` or `max` not a string or a number, or an
   * option not of its type (`limit` an `[offset, count]` pair of numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max is not a float` when `min` or `max` is not a score (`1`, `'(1'`,
   * `'-inf'`, `'+inf'`) (see the class comment).
   */
  zrangebyscore(key: string, min: MsValue, max: MsValue, options?: MsRangeLimitOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrangebyscore', without(options, ['limit']), byScore(key, min, max, options)).pipe(map(scoredMembers));
  }

  /**
   * Emits a member's rank by ascending score, from 0 (`null` when it is not in the set), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `member` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zrank(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call('zrank', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) }));
  }

  /**
   * Removes members from a sorted set; emits how many were there, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `members` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR wrong number of arguments` when the array is empty (see the class comment).
   */
  zrem(key: string, members: Strings, options?: CallOptions): Observable<number> {
    return this.call('zrem', options, (c) => ({ _id: c.string('key', key), body: { members: c.strings('members', members) } }));
  }

  /**
   * Removes the members between `min` and `max` in lexical order; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key`, `min` or `max` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max not valid string range item` when `min` or `max` does not start
   * with `[` or `(` (or is not `-` or `+`) (see the class comment).
   */
  zremrangebylex(key: string, min: string, max: string, options?: CallOptions): Observable<number> {
    return this.call('zremrangebylex', options, (c) => ({
      _id: c.string('key', key),
      body: { min: c.string('min', min), max: c.string('max', max) },
    }));
  }

  /**
   * Removes the members ranked `start` to `stop`; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `stop` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zremrangebyrank(key: string, start: number, stop: number, options?: CallOptions): Observable<number> {
    return this.call('zremrangebyrank', options, (c) => ({
      _id: c.string('key', key),
      body: { start: c.number('start', start), stop: c.number('stop', stop) },
    }));
  }

  /**
   * Removes the members with a score between `min` and `max`; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `min` or `max` not a string or a number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max is not a float` when `min` or `max` is not a score (`1`, `'(1'`,
   * `'-inf'`, `'+inf'`) (see the class comment).
   */
  zremrangebyscore(key: string, min: MsValue, max: MsValue, options?: CallOptions): Observable<number> {
    return this.call('zremrangebyscore', options, (c) => ({
      _id: c.string('key', key),
      body: { min: c.scalar('min', min), max: c.scalar('max', max) },
    }));
  }

  /**
   * Emits the members ranked `start` to `stop` by descending score, with their scores, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `start` or `stop` not a finite number.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zrevrange(key: string, start: number, stop: number, options?: CallOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrevrange', options, byRank(key, start, stop)).pipe(map(scoredMembers));
  }

  /**
   * Emits the members between `min` and `max`, in reverse lexical order, then completes.
   *
   * @throws {InvalidRequestError} when `key`, `min` or `max` is not a non-empty string, or an option not of its type
   * (`limit` an `[offset, count]` pair of numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max not valid string range item` when `min` or `max` does not start
   * with `[` or `(` (or is not `-` or `+`) (see the class comment).
   */
  zrevrangebylex(key: string, min: string, max: string, options?: MsRangeLimitOptions): Observable<Strings> {
    return this.call('zrevrangebylex', without(options, ['limit']), byLex(key, min, max, options));
  }

  /**
   * Emits the members with a score between `min` and `max`, by descending score, with their scores, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `min` or `max` not a string or a number, or an
   * option not of its type (`limit` an `[offset, count]` pair of numbers).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set, `ERR min or max is not a float` when `min` or `max` is not a score (`1`, `'(1'`,
   * `'-inf'`, `'+inf'`) (see the class comment).
   */
  zrevrangebyscore(key: string, min: MsValue, max: MsValue, options?: MsRangeLimitOptions): Observable<readonly MsScoredMember[]> {
    return this.call<Strings>('zrevrangebyscore', without(options, ['limit']), byScore(key, min, max, options)).pipe(map(scoredMembers));
  }

  /**
   * Emits a member's rank by descending score, from 0 (`null` when it is not in the set), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `member` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zrevrank(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call('zrevrank', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) }));
  }

  /**
   * Emits one page of a sorted set's members and scores, alternating (see `scan` for the cursor), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `cursor` not a string or a number, or an option
   * not of its type (`match` a string, `count` a finite number).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zscan(key: string, cursor: MsValue, options?: MsScanOptions): Observable<MsScanPage> {
    return this.call<Scan>('zscan', without(options, ['match', 'count']), (c) => ({
      _id: c.string('key', key),
      ...scanArgs(c, cursor, options),
    })).pipe(map(scanPage));
  }

  /**
   * Emits a member's score (`null` when it is not in the set), then completes.
   *
   * @throws {InvalidRequestError} when `key` or `member` is not a non-empty string.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a sorted set (see the class comment).
   */
  zscore(key: string, member: string, options?: CallOptions): Observable<number | null> {
    return this.call<string | null>('zscore', options, (c) => ({ _id: c.string('key', key), member: c.string('member', member) })).pipe(
      map(floatOrNull),
    );
  }

  /**
   * Stores in `key` the members of any of the sorted sets `keys`, scores combined; emits how many, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `keys` not an array of non-empty strings, or an
   * option not of its type (`weights` an array of finite numbers, `aggregate` a non-empty string).
   * @throws {KuzzleError} `api.assert.empty_argument` (400) when `keys` is empty; `plugin.runtime.unexpected_error`
   * (500) carrying Redis' error: `WRONGTYPE` when one of the keys holds another type than a sorted set or a set (see
   * the class comment).
   */
  zunionstore(key: string, keys: Strings, options?: MsZstoreOptions): Observable<number> {
    return this.call('zunionstore', without(options, ZSTORE_OPTIONS), (c) => ({
      _id: c.string('key', key),
      body: { keys: c.strings('keys', keys), ...zstoreOptions(c, options) },
    }));
  }

  // ---- geo ----

  /**
   * Adds points to a geo set; emits how many were new, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `points` not an array of
   * `{ lon, lat, name }` (finite numbers, a non-empty string).
   * @throws {KuzzleError} `api.assert.empty_argument` (400) when `points` is empty; `plugin.runtime.unexpected_error`
   * (500) carrying Redis' error: `WRONGTYPE` when `key` holds another type than a geo set (a sorted set) (see the class
   * comment).
   */
  geoadd(key: string, points: readonly MsGeoPoint[], options?: CallOptions): Observable<number> {
    return this.call('geoadd', options, (c) => ({ _id: c.string('key', key), body: { points: geoPoints(c, 'points', points) } }));
  }

  /**
   * Emits the distance between two points (`null` when one is missing), in meters unless `unit`, then completes.
   *
   * @throws {InvalidRequestError} when `key`, `member1` or `member2` is not a non-empty string, or an option not of its
   * type (`unit` a non-empty string).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a geo set (a sorted set), `ERR unsupported unit provided` when `unit` is not `m`, `km`, `mi` or
   * `ft` (see the class comment).
   */
  geodist(key: string, member1: string, member2: string, options?: MsGeodistOptions): Observable<number | null> {
    return this.call<string | null>('geodist', without(options, ['unit']), (c) => ({
      _id: c.string('key', key),
      member1: c.string('member1', member1),
      member2: c.string('member2', member2),
      unit: c.optionalString('unit', options?.unit),
    })).pipe(map(floatOrNull));
  }

  /**
   * Emits the geohash of points, in order (`null` for a missing one), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `members` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a geo set (a sorted set) (see the class comment).
   */
  geohash(key: string, members: Strings, options?: CallOptions): Observable<ReadonlyArray<string | null>> {
    return this.call('geohash', options, (c) => ({ _id: c.string('key', key), members: c.strings('members', members) }));
  }

  /**
   * Emits the `[lon, lat]` of points, in order (`null` for a missing one), then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `members` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a geo set (a sorted set) (see the class comment).
   */
  geopos(key: string, members: Strings, options?: CallOptions): Observable<ReadonlyArray<readonly [lon: number, lat: number] | null>> {
    return this.call<ReadonlyArray<readonly [string, string] | null>>('geopos', options, (c) => ({
      _id: c.string('key', key),
      members: c.strings('members', members),
    })).pipe(map(geoPositions));
  }

  /**
   * Emits the points within `distance` of a position (with their distance and coordinates when asked for), then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, `lon`, `lat` or `distance` not a finite number,
   * `unit` not a non-empty string, or an option not of its type (`count` a finite number, `sort` a non-empty string).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a geo set (a sorted set) (see the class comment).
   */
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

  /**
   * Emits the points within `distance` of the point `member` (with their distance and coordinates when asked for), then
   * completes.
   *
   * @throws {InvalidRequestError} when `key` or `member` is not a non-empty string, `distance` not a finite number,
   * `unit` not a non-empty string, or an option not of its type (`count` a finite number, `sort` a non-empty string).
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a geo set (a sorted set) (see the class comment).
   */
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

  /**
   * Adds elements to a HyperLogLog; emits whether its estimate changed, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `elements` not an array of strings or
   * numbers.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when `key` holds
   * another type than a HyperLogLog (see the class comment).
   */
  pfadd(key: string, elements: readonly MsValue[], options?: CallOptions): Observable<boolean> {
    return this.call<number>('pfadd', options, (c) => ({
      _id: c.string('key', key),
      body: { elements: scalarList(c, 'elements', elements) },
    })).pipe(map(flag));
  }

  /**
   * Emits the estimated number of distinct elements in the union of HyperLogLogs, then completes.
   *
   * @throws {InvalidRequestError} when `keys` is not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a HyperLogLog, `ERR wrong number of arguments` when the array is empty (see the class
   * comment).
   */
  pfcount(keys: Strings, options?: CallOptions): Observable<number> {
    return this.call('pfcount', options, (c) => ({ keys: c.strings('keys', keys) }));
  }

  /**
   * Merges HyperLogLogs into `key`; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `key` is not a non-empty string, or `sources` not an array of non-empty strings.
   * @throws {KuzzleError} `plugin.runtime.unexpected_error` (500) carrying Redis' error: `WRONGTYPE` when one of the
   * keys holds another type than a HyperLogLog (see the class comment).
   */
  pfmerge(key: string, sources: Strings, options?: CallOptions): Observable<void> {
    return this.call('pfmerge', options, (c) => ({ _id: c.string('key', key), body: { sources: c.strings('sources', sources) } })).pipe(
      map(nothing),
    );
  }

  // ---- database ----

  /**
   * Emits how many keys the memory storage holds, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `ms:dbsize`; the action has no
   * error of its own.
   */
  dbsize(options?: CallOptions): Observable<number> {
    return this.call('dbsize', options);
  }

  /**
   * Deletes every key of the memory storage; emits `undefined` once done, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `ms:flushdb`; the action has no
   * error of its own.
   */
  flushdb(options?: CallOptions): Observable<void> {
    return this.call('flushdb', options, () => ({ body: {} })).pipe(map(nothing));
  }

  /**
   * Runs several commands in one transaction; emits, per command, `[null, result]` or `[error]`, then completes.
   *
   * A command that fails does not fail the call: its entry is `[error]`, where Kuzzle 2.56 sends Redis' error as an
   * empty object (`[{}]`), its message lost.
   *
   * @throws {InvalidRequestError} when `actions` is not an array of `{ action, args }` (a non-empty string, an object).
   * @throws {KuzzleError} `api.assert.forbidden_argument` (400) when an action is `mexecute` or no memory storage
   * command; `api.assert.missing_argument` (400) when an action lacks an argument its command needs.
   */
  mexecute(actions: readonly MsAction[], options?: CallOptions): Observable<readonly MsActionResult[]> {
    return this.call('mexecute', options, (c) => ({ body: { actions: actionList(c, 'actions', actions) } }));
  }

  /**
   * Emits `'PONG'`, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `ms:ping`; the action has no
   * error of its own.
   */
  ping(options?: CallOptions): Observable<string> {
    return this.call('ping', options);
  }

  /**
   * Emits the memory storage's clock: `[seconds, microseconds]` since the Unix epoch, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `ms:time`; the action has no
   * error of its own.
   */
  time(options?: CallOptions): Observable<readonly [seconds: number, microseconds: number]> {
    return this.call<readonly [string, string]>('time', options).pipe(map(secondsAndMicroseconds));
  }
}
