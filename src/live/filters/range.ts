import type { RangeBounds } from './ast';

/**
 * Koncorde keeps ranges in an interval tree with inclusive bounds only, and moves an exclusive bound by 1e-10 to
 * make it inclusive (so, above 2^20, `gt: x` also matches x). These are the bounds it ends up testing.
 */
const EPSILON = 1e-10;

/** `range` matches a number v with low <= v <= high (Koncorde's tree swaps bounds given upside down). */
export function inside(bounds: RangeBounds): [low: number, high: number] {
  const low = bounds.gt !== undefined ? bounds.gt + EPSILON : (bounds.gte ?? -Infinity);
  const high = bounds.lt !== undefined ? bounds.lt - EPSILON : (bounds.lte ?? Infinity);
  return low <= high ? [low, high] : [high, low];
}

/**
 * A negated `range` matches anything but a number, and a number v with v <= below or v >= above (an infinite bound
 * stands for "no such side"). Not quite the negation of `inside`: inclusive and exclusive bounds swap, then move.
 */
export function outside(bounds: RangeBounds): [below: number, above: number] {
  const below = bounds.gte !== undefined ? bounds.gte - EPSILON : (bounds.gt ?? -Infinity);
  const above = bounds.lte !== undefined ? bounds.lte + EPSILON : (bounds.lt ?? Infinity);
  return [below, above];
}
