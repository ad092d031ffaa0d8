/**
 * A set of Unicode code points: sorted, disjoint, non-adjacent inclusive ranges `[lo0, hi0, lo1, hi1, ...]`.
 */
export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;

/** Sorts and merges ranges given in any order. */
export function charSet(ranges: readonly number[]): CharSet {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export const union = (...sets: CharSet[]): CharSet => charSet(sets.flat());

export function complement(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function contains(set: CharSet, code: number): boolean {
  let low = 0;
  let high = set.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < set[mid * 2]!) high = mid - 1;
    else if (code > set[mid * 2 + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * RE2's case folding restricted to ASCII letters: each letter with its other case, plus the two non-ASCII code points
 * that fold onto ASCII letters (KELVIN SIGN with k, LATIN SMALL LETTER LONG S with s). Callers refuse other cased
 * letters under the `i` flag.
 */
export function foldAscii(set: CharSet): CharSet {
  const extra: number[] = [];
  const shift = (lo: number, hi: number, by: number) => {
    for (let i = 0; i < set.length; i += 2) {
      const from = Math.max(set[i]!, lo);
      const to = Math.min(set[i + 1]!, hi);
      if (from <= to) extra.push(from + by, to + by);
    }
  };
  shift(0x41, 0x5a, 0x20);
  shift(0x61, 0x7a, -0x20);
  if (contains(set, 0x6b) || contains(set, 0x4b)) extra.push(0x212a, 0x212a);
  if (contains(set, 0x73) || contains(set, 0x53)) extra.push(0x17f, 0x17f);
  return union(set, extra);
}
