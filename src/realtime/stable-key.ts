/** A copy of a JSON value in which object keys are sorted. */
function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // What JSON.stringify would write for it (a Date writes its ISO text).
  const json: unknown = 'toJSON' in value && typeof value.toJSON === 'function' ? (value.toJSON as () => unknown)() : value;
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(sorted);
  const source = json as Record<string, unknown>;
  // No prototype: a "__proto__" key in the filters stays a key.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(source).sort()) copy[key] = sorted(source[key]);
  return copy;
}

/**
 * A JSON text in which object keys are sorted, so equal values give equal keys whatever their key order. Written in
 * one pass over a sorted copy, the text is one flat string: it is kept as a map key for the life of a subscription.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(sorted(value));
}
