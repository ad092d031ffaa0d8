import type { KuzzleDocument } from '../../controllers/document/types';
import { sameJson } from '../query/same-json';

/**
 * Whether two versions of a watched document say the same thing: both absent, or the same `_id` and `_source` and
 * no contradicting `_version` (a notified document has none). The older object is then kept, so that its identity
 * tells a view it did not change.
 */
export function sameDocument<S extends object>(a: KuzzleDocument<S> | null | undefined, b: KuzzleDocument<S> | null): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === null) return false;
  if (a._version !== undefined && b._version !== undefined && a._version !== b._version) return false;
  return a._id === b._id && sameJson(a._source, b._source);
}
