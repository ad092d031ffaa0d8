import type { JsonObject } from '../arguments';

/** A value to store: Redis keeps strings, a number is stored as its decimal string. */
export type MsValue = string | number;

/** An `[offset, count]` pair: skip `offset` results, then return at most `count` (`count` < 0: all the rest). */
export type MsLimit = readonly [offset: number, count: number];

/** A distance unit of the geo commands: meters, kilometers, miles, feet. */
export type MsGeoUnit = 'm' | 'km' | 'mi' | 'ft';

/** A Redis `BITOP` operation, upper case. */
export type BitOperation = 'AND' | 'OR' | 'XOR' | 'NOT';

/** The bitwise operation of `bitop`, in either case. */
export type MsBitOperation = BitOperation | Lowercase<BitOperation>;

/** What `object` reports on a key: its internal encoding, LFU frequency, idle seconds or reference count. */
export type MsObjectSubcommand = 'encoding' | 'freq' | 'idletime' | 'refcount';

/** The kind of value a key holds, as `type` reports it (`none`: no such key). */
export type MsKeyType = 'none' | 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

/** A point to add with `geoadd`. */
export interface MsGeoPoint {
  readonly lon: number;
  readonly lat: number;
  readonly name: string;
}

/** A point found by `georadius` or `georadiusbymember`; `distance` and `coordinates` when asked for. */
export interface MsGeoRadiusPoint {
  readonly name: string;
  /** Distance to the center, in the unit of the query (with `withdist`). */
  readonly distance?: number;
  /** `[lon, lat]` (with `withcoord`). */
  readonly coordinates?: readonly [lon: number, lat: number];
}

/** A hash field and its value, for `hmset`. */
export interface MsHashEntry {
  readonly field: string;
  readonly value: MsValue;
}

/** A key and its value, for `mset` and `msetnx`. */
export interface MsKeyEntry {
  readonly key: string;
  readonly value: MsValue;
}

/** A sorted set member and its score, for `zadd`. */
export interface MsScoredElement {
  readonly score: number;
  readonly member: string;
}

/** A sorted set member with its score, as the `z*range*` methods emit them. */
export interface MsScoredMember {
  readonly member: string;
  readonly score: number;
}

/** One page of a `scan`, `hscan`, `sscan` or `zscan`: the cursor of the next page (`'0'`: the last) and the values. */
export interface MsScanPage {
  readonly cursor: string;
  /** Keys (`scan`), members (`sscan`), or alternating fields and values (`hscan`), members and scores (`zscan`). */
  readonly values: readonly string[];
}

/** One command of `mexecute`: an `ms` action and its request arguments (`_id`, `body`, top-level arguments). */
export interface MsAction {
  readonly action: string;
  readonly args: JsonObject;
}

/** What one command of `mexecute` gave: `[null, result]`, or `[error]` when it failed. */
export type MsActionResult = readonly [error: JsonObject | null, result?: unknown];
