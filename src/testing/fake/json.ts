/**
 * Equality and text for the values that cross the wire (JSON) and for the frames a TestScheduler compares. Small on
 * purpose: the kit runs in browsers too, where `node:util` is not there.
 */

/** Own enumerable keys whose value is not `undefined` (a missing key and an undefined one are the same, as in JSON). */
function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
}

/**
 * Structural equality: primitives by `Object.is` (so `NaN` equals itself), arrays item by item, other objects key by
 * key; two errors must also have the same name and message.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Error || b instanceof Error) {
    if (!(a instanceof Error && b instanceof Error) || a.name !== b.name || a.message !== b.message) return false;
  }
  const keys = definedKeys(a);
  const other = definedKeys(b);
  if (keys.length !== other.length) return false;
  return keys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The same text for the same JSON value, whatever the order of its objects' keys. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/** A value as text for a message: JSON, with errors as `Name: message` and functions by name. */
export function show(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Error) return `${inner.name}: ${inner.message}`;
    if (typeof inner === 'function') return `[function ${inner.name || 'anonymous'}]`;
    return inner === undefined ? null : inner;
  });
  return text ?? String(value);
}
