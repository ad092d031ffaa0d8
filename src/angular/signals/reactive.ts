/**
 * An argument given as a value, a signal, or a function reading signals: `'shop'`, `this.index` (a signal) or
 * `() => ({ equals: { status: this.status() } })`. The helpers read it where Angular tracks what it reads, so a change
 * of a signal it reads starts the work again with the new value.
 */
export type Reactive<T> = T | (() => T);

/** The current value of a `Reactive` argument (read in the caller's reactive context: its signals are tracked). */
export function read<T>(argument: Reactive<T>): T {
  return typeof argument === 'function' ? (argument as () => T)() : argument;
}

/** Two JSON-like arguments are the same when they serialize the same (a function returning an equal new object). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** An error as `error()` signals expose it: an `Error`, whatever was thrown. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown });
}
