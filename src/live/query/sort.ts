import type { ArgumentCheck } from '../../controllers/arguments';
import type { KuzzleDocument } from '../../controllers/document/types';
import type { LiveSort } from './options';

/** One key of a sort: a field of `_source` (a dotted path) or `_id`, and its direction. */
export interface SortKey {
  readonly field: string;
  readonly order: 'asc' | 'desc';
}

/** Orders two documents as the search does; 0 only for the same `_id`. */
export type DocumentOrder = (a: KuzzleDocument<object>, b: KuzzleDocument<object>) => number;

const ORDERS: ReadonlySet<unknown> = new Set(['asc', 'desc']);

/**
 * The keys of a live sort, `_id` ascending appended as the tie-break unless the sort has it: the search pages by
 * `search_after` on it, and the client orders equal values the way the server does.
 */
export function sortKeys(check: ArgumentCheck, sort: LiveSort | undefined): readonly SortKey[] {
  const given: readonly unknown[] = sort === undefined ? [] : Array.isArray(sort) ? sort : [sort];
  const keys: SortKey[] = [];
  for (const [i, item] of given.entries()) {
    const name = Array.isArray(sort) ? `sort[${i}]` : 'sort';
    if (typeof item === 'string' && item !== '') {
      keys.push({ field: item, order: 'asc' });
      continue;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      check.fail(name, 'a field name or { field: "asc" | "desc" }', item);
    for (const [field, order] of Object.entries(item as Record<string, unknown>)) {
      if (!ORDERS.has(order)) check.fail(`${name}.${field}`, '"asc" or "desc"', order);
      keys.push({ field, order: order as SortKey['order'] });
    }
  }
  for (const key of keys) {
    // A relevance cannot be computed by the client, so a notified document could not be placed.
    if (key.field === '_score') check.fail('sort', 'fields of the documents, not _score', key.field);
  }
  return Object.freeze(keys.some((k) => k.field === '_id') ? keys : [...keys, { field: '_id', order: 'asc' }]);
}

/** The sort as the search takes it: `[{ field: order }, ..., { _id: 'asc' }]`. */
export const searchSort = (keys: readonly SortKey[]): Array<Record<string, 'asc' | 'desc'>> => keys.map((k) => ({ [k.field]: k.order }));

function fieldValue(document: KuzzleDocument<object>, field: string): unknown {
  if (field === '_id') return document._id;
  return field
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined,
      document._source,
    );
}

const RANK: Readonly<Record<string, number>> = { number: 0, string: 1, boolean: 2 };

/** Compares two present values: numbers, then strings (by code unit, as keywords sort), then booleans, then the rest. */
function compareValues(a: unknown, b: unknown): number {
  const ra = RANK[typeof a] ?? 3;
  const rb = RANK[typeof b] ?? 3;
  if (ra !== rb) return ra - rb;
  const [x, y] = ra === 3 ? [JSON.stringify(a), JSON.stringify(b)] : [a as number | string | boolean, b as number | string | boolean];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The value a document sorts by: an array sorts by its smallest value ascending, its largest descending, as in a search. */
function sortValue(value: unknown, order: SortKey['order']): unknown {
  if (!Array.isArray(value)) return value ?? undefined;
  const present = value.filter((v: unknown) => v !== null && v !== undefined);
  if (present.length === 0) return undefined;
  return present.reduce<unknown>((best, v) => (compareValues(v, best) < 0 === (order === 'asc') ? v : best), present[0]);
}

/** The order of the documents under `keys`: a missing value sorts last in either direction, as in a search. */
export function documentOrder(keys: readonly SortKey[]): DocumentOrder {
  return (a, b) => {
    for (const { field, order } of keys) {
      const x = sortValue(fieldValue(a, field), order);
      const y = sortValue(fieldValue(b, field), order);
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1;
        continue;
      }
      const c = compareValues(x, y);
      if (c !== 0) return order === 'asc' ? c : -c;
    }
    return 0;
  };
}
