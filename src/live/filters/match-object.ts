import type { FlatDocument } from './flatten';

/**
 * Koncorde's `match`: every field of `expected` is in the document with the same type and value; objects match
 * when their listed fields do; an array matches when each expected item takes a distinct, first matching,
 * document item (greedily, in order, as Koncorde does).
 */
export function matchDocument(document: FlatDocument, expected: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(expected).every((key) => matches(document.get(key), expected[key]));
}

function matches(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== typeof expected) return false;
  if (typeof actual !== 'object' || actual === null || expected === null) return actual === expected;
  if (Array.isArray(actual) !== Array.isArray(expected)) return false;
  if (!Array.isArray(actual)) {
    const object = actual as Record<string, unknown>;
    return Object.keys(expected as object).every((key) => matches(object[key], (expected as Record<string, unknown>)[key]));
  }
  const left = [...actual];
  return (
    actual.length >= (expected as unknown[]).length &&
    (expected as unknown[]).every((item) => {
      const index = left.findIndex((candidate) => matches(candidate, item));
      return index >= 0 && left.splice(index, 1).length > 0;
    })
  );
}
