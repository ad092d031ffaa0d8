import type { ArgumentCheck } from '../arguments';

/** The `index` and `collection` fields of a request, both checked as non-empty strings. */
export function inCollection(check: ArgumentCheck, index: string, collection: string): { index: string; collection: string } {
  return { index: check.string('index', index), collection: check.string('collection', collection) };
}
