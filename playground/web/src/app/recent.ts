/** A `scan` reducer that keeps the last `count` values, oldest first. */
export const keepLast =
  <T>(count: number) =>
  (list: readonly T[], value: T): readonly T[] => [...list.slice(-(count - 1)), value];

/** A `scan` reducer that keeps the last `count` values, newest first. */
export const keepNewest =
  <T>(count: number) =>
  (list: readonly T[], value: T): readonly T[] => [value, ...list.slice(0, count - 1)];
