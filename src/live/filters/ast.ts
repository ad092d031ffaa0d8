import type { Regex } from './regexp/parse';

/**
 * A Koncorde filter after validation, in negation normal form: `in`, `ids`, `missing` and `bool` are rewritten into
 * the other nodes, and `not` is pushed down to the leaves (`not: true`), as Koncorde itself does. Koncorde tests a
 * negated leaf with its own "not" matcher, which for some keywords is not the plain negation of the positive one
 * (a negated `regexp` tests non-string values too): so negation stays on the leaf instead of wrapping it.
 */
export type FilterNode =
  | { readonly op: 'and' | 'or'; readonly of: readonly FilterNode[] }
  | { readonly op: 'everything' }
  | { readonly op: 'nothing'; readonly not: boolean }
  | { readonly op: 'equals'; readonly not: boolean; readonly field: string; readonly value: Scalar }
  | { readonly op: 'exists'; readonly not: boolean; readonly field: string; readonly array: boolean; readonly value: unknown }
  | ({ readonly op: 'range'; readonly not: boolean; readonly field: string } & RangeBounds)
  | { readonly op: 'regexp'; readonly not: boolean; readonly field: string; readonly regex: Regex }
  | { readonly op: 'match'; readonly not: boolean; readonly value: Readonly<Record<string, unknown>> }
  | { readonly op: 'select'; readonly not: boolean; readonly field: string; readonly index: number; readonly query: FilterNode };

export type Scalar = string | number | boolean | null;

export interface RangeBounds {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

export type Leaf = Extract<FilterNode, { readonly not: boolean }>;

export { FilterError } from './filter-error';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Object.prototype.toString.call(value) === '[object Object]';
