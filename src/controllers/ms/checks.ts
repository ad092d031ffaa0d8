import type { ArgumentCheck } from '../arguments';
import type { CallOptions } from '../base-controller';
import type { MsGeoRadiusOptions, MsSetOptions, MsSortOptions, MsZaddOptions, MsZstoreOptions } from './options';
import type { MsAction, MsGeoPoint, MsHashEntry, MsKeyEntry, MsLimit, MsScoredElement, MsValue } from './types';

// ---- composite arguments ----

/** An array of strings or numbers (list values, set members, HyperLogLog elements). */
export const scalarList = (check: ArgumentCheck, name: string, list: readonly MsValue[]): readonly MsValue[] =>
  check.array(name, list, (n, v) => check.scalar(n, v));

export const geoPoints = (check: ArgumentCheck, name: string, points: readonly MsGeoPoint[]): readonly MsGeoPoint[] =>
  check.array(name, points, (n, p) => {
    check.object(n, p);
    check.number(`${n}.lon`, p.lon);
    check.number(`${n}.lat`, p.lat);
    check.string(`${n}.name`, p.name);
  });

export const hashEntries = (check: ArgumentCheck, name: string, entries: readonly MsHashEntry[]): readonly MsHashEntry[] =>
  check.array(name, entries, (n, e) => {
    check.object(n, e);
    check.string(`${n}.field`, e.field);
    check.scalar(`${n}.value`, e.value);
  });

export const keyEntries = (check: ArgumentCheck, name: string, entries: readonly MsKeyEntry[]): readonly MsKeyEntry[] =>
  check.array(name, entries, (n, e) => {
    check.object(n, e);
    check.string(`${n}.key`, e.key);
    check.scalar(`${n}.value`, e.value);
  });

export const scoredElements = (check: ArgumentCheck, name: string, elements: readonly MsScoredElement[]): readonly MsScoredElement[] =>
  check.array(name, elements, (n, e) => {
    check.object(n, e);
    check.number(`${n}.score`, e.score);
    check.string(`${n}.member`, e.member);
  });

export const actionList = (check: ArgumentCheck, name: string, list: readonly MsAction[]): readonly MsAction[] =>
  check.array(name, list, (n, a) => {
    check.object(n, a);
    check.string(`${n}.action`, a.action);
    check.object(`${n}.args`, a.args);
  });

export function limit(check: ArgumentCheck, name: string, value: MsLimit): MsLimit {
  check.array(name, value, (n, v) => check.number(n, v));
  return value.length === 2 ? value : check.fail(name, 'an [offset, count] pair', value);
}

// ---- options sent in the body ----

/**
 * `options` without `keys`: the options a method sends in `body` (or folds into another argument) are taken out of
 * those the client sends at top level, where the server would not read them.
 */
export function without(options: CallOptions | undefined, keys: readonly string[]): CallOptions | undefined {
  if (options === undefined) return undefined;
  return Object.fromEntries(Object.entries(options).filter(([key]) => !keys.includes(key))) as CallOptions;
}

const optionalNumber = (check: ArgumentCheck, name: string, value: number | undefined): number | undefined =>
  check.optional(value, (v) => check.number(name, v));

const optionalBoolean = (check: ArgumentCheck, name: string, value: boolean | undefined): boolean | undefined =>
  check.optional(value, (v) => check.boolean(name, v));

export const SET_OPTIONS = ['ex', 'px', 'nx', 'xx'] as const;

export const setOptions = (check: ArgumentCheck, o: MsSetOptions = {}): Pick<MsSetOptions, (typeof SET_OPTIONS)[number]> => ({
  ex: optionalNumber(check, 'ex', o.ex),
  px: optionalNumber(check, 'px', o.px),
  nx: optionalBoolean(check, 'nx', o.nx),
  xx: optionalBoolean(check, 'xx', o.xx),
});

export const ZADD_OPTIONS = ['nx', 'xx', 'ch', 'incr'] as const;

export const zaddOptions = (check: ArgumentCheck, o: MsZaddOptions = {}): Pick<MsZaddOptions, (typeof ZADD_OPTIONS)[number]> => ({
  nx: optionalBoolean(check, 'nx', o.nx),
  xx: optionalBoolean(check, 'xx', o.xx),
  ch: optionalBoolean(check, 'ch', o.ch),
  incr: optionalBoolean(check, 'incr', o.incr),
});

export const ZSTORE_OPTIONS = ['weights', 'aggregate'] as const;

export const zstoreOptions = (check: ArgumentCheck, o: MsZstoreOptions = {}): Pick<MsZstoreOptions, (typeof ZSTORE_OPTIONS)[number]> => ({
  weights: check.optional(o.weights, (w) => check.array('weights', w, (n, v) => check.number(n, v))),
  aggregate: check.optional(o.aggregate, (a) => check.string('aggregate', a) as typeof a),
});

export const SORT_OPTIONS = ['alpha', 'by', 'direction', 'get', 'limit'] as const;

export const sortOptions = (check: ArgumentCheck, o: MsSortOptions = {}): Pick<MsSortOptions, (typeof SORT_OPTIONS)[number]> => ({
  alpha: optionalBoolean(check, 'alpha', o.alpha),
  by: check.optionalString('by', o.by),
  direction: check.optional(o.direction, (d) => check.string('direction', d) as typeof d),
  get: check.optional(o.get, (g) => check.strings('get', g)),
  limit: check.optional(o.limit, (l) => limit(check, 'limit', l)),
});

export const GEORADIUS_OPTIONS = ['withcoord', 'withdist', 'count', 'sort'] as const;

/** The `options` argument of `georadius*`: Redis's `WITHCOORD`, `WITHDIST`, `COUNT n` and `ASC`/`DESC` words. */
export function geoRadiusArguments(check: ArgumentCheck, o: MsGeoRadiusOptions = {}): readonly MsValue[] | undefined {
  const words: MsValue[] = [];
  if (o.withcoord === true) words.push('withcoord');
  if (o.withdist === true) words.push('withdist');
  if (o.count !== undefined) words.push('count', check.number('count', o.count));
  if (o.sort !== undefined) words.push(check.string('sort', o.sort));
  return words.length > 0 ? words : undefined;
}
