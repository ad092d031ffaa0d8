import type { CallOptions } from '../base-controller';
import type { MsGeoUnit, MsLimit } from './types';

/** Options of `set`. */
export interface MsSetOptions extends CallOptions {
  /** Expire the key after this many seconds. @default undefined (no expiry) */
  readonly ex?: number;
  /** Expire the key after this many milliseconds (not with `ex`). @default undefined (no expiry) */
  readonly px?: number;
  /** Set only if the key does not exist yet. @default false */
  readonly nx?: boolean;
  /** Set only if the key already exists (not with `nx`). @default false */
  readonly xx?: boolean;
}

/** Options of `zadd`. */
export interface MsZaddOptions extends CallOptions {
  /** Only add new members, never update existing ones. @default false */
  readonly nx?: boolean;
  /** Only update existing members, never add new ones (not with `nx`). @default false */
  readonly xx?: boolean;
  /** Count changed members as well as added ones. @default false */
  readonly ch?: boolean;
  /** Increment the score of the one given member instead of setting it; emits the new score. @default false */
  readonly incr?: boolean;
}

/** `zadd` options with `incr: true`. */
export interface MsZaddIncrOptions extends MsZaddOptions {
  readonly incr: true;
}

/** Options of `scan`, `hscan`, `sscan` and `zscan`. */
export interface MsScanOptions extends CallOptions {
  /** Only return keys, fields or members matching this glob-style pattern. @default undefined (all) */
  readonly match?: string;
  /** How much work one page does (a hint on the page size, not a limit). @default 10 */
  readonly count?: number;
}

/** Options of `georadius` and `georadiusbymember`. */
export interface MsGeoRadiusOptions extends CallOptions {
  /** Also emit each point's `coordinates`. @default false */
  readonly withcoord?: boolean;
  /** Also emit each point's `distance` to the center. @default false */
  readonly withdist?: boolean;
  /** At most this many points. @default undefined (all) */
  readonly count?: number;
  /** Order by distance to the center. @default undefined (unordered) */
  readonly sort?: 'asc' | 'desc';
}

/** Options of `geodist`. */
export interface MsGeodistOptions extends CallOptions {
  /** The unit of the distance emitted. @default 'm' */
  readonly unit?: MsGeoUnit;
}

/** Options of `bitcount` and `bitpos`: a byte range. */
export interface MsBitRangeOptions extends CallOptions {
  /** First byte of the range (negative: from the end). @default 0 */
  readonly start?: number;
  /** Last byte of the range, included (negative: from the end). @default -1 (the last byte) */
  readonly end?: number;
}

/** Options of `spop` and `srandmember`. */
export interface MsMembersCountOptions extends CallOptions {
  /** How many members (`srandmember`: negative allows repeats). @default 1 */
  readonly count?: number;
}

/** Options of `zrangebylex`, `zrevrangebylex`, `zrangebyscore` and `zrevrangebyscore`. */
export interface MsRangeLimitOptions extends CallOptions {
  /** Skip and count the results: `[offset, count]`. @default undefined (all) */
  readonly limit?: MsLimit;
}

/** Options of `zinterstore` and `zunionstore`. */
export interface MsZstoreOptions extends CallOptions {
  /** A multiplication factor per source key, in the order of `keys`. @default 1 for each key */
  readonly weights?: readonly number[];
  /** How the scores of a member found in several sets combine. @default 'sum' */
  readonly aggregate?: 'sum' | 'min' | 'max';
}

/** Options of `sort`. */
export interface MsSortOptions extends CallOptions {
  /** Sort lexicographically instead of numerically. @default false */
  readonly alpha?: boolean;
  /** Sort by the values of the keys this pattern names (`weight_*`) instead of the elements themselves. @default undefined */
  readonly by?: string;
  /** The sort order. @default 'ASC' */
  readonly direction?: 'ASC' | 'DESC' | 'asc' | 'desc';
  /** Emit the values of the keys these patterns name instead of the elements (`#` stands for the element). @default undefined */
  readonly get?: readonly string[];
  /** Skip and count the results: `[offset, count]`. @default undefined (all) */
  readonly limit?: MsLimit;
}
