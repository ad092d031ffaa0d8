import { InvalidRequestError } from '../../vocabulary/errors/client-errors';
import type { JsonObject } from '../../controllers/arguments';
import { FilterError } from './ast';
import { evaluator } from './evaluate';
import { flatten } from './flatten';
import { normalize } from './normalize';
import { translate } from './translate';

/** A filter in Koncorde's language, the language of realtime subscriptions (`equals`, `range`, `bool`, ...). */
export type KoncordeFilter = Record<string, unknown>;

/** A compiled filter: does a document (its `_source`, and its `_id` for `ids`) match? */
export type FilterTest = (source: Record<string, unknown>, id: string) => boolean;

/**
 * Compiles a Koncorde filter into a test evaluated in the client, with the semantics of the `koncorde` package
 * (the server tests `{ ..._source, _id }`). Geo keywords, stateful regexp flags (`g`, `y`) and the few regexp
 * constructs that cannot be evaluated exactly as RE2 does (`\b`, `\p{..}`, inline flags, cased non-ASCII letters
 * under `i`) are refused.
 * @throws InvalidRequestError naming `method` and the operator, for a filter that is not valid or not supported.
 */
export function compileFilter(filters: KoncordeFilter, method = 'compileFilter'): FilterTest {
  const test = evaluator(parse(filters, method, normalize));
  return (source, id) => test(flatten(source, id));
}

/**
 * The Elasticsearch query that selects, in a search, the documents the Koncorde filter matches (`body.query`).
 *
 * The two select the same documents when the collection follows Koncorde's view of data in its mappings and
 * documents: strings mapped `keyword`, numbers `double`, booleans `boolean`, one type per field (arrays hold scalars
 * of that type); no `null`, `[]` or `{}` stored (Elasticsearch does not index them, Koncorde sees them as present);
 * no dots in field names; `equals`, `in`, `range` and `regexp` only on fields that never hold arrays (Elasticsearch
 * tests each item of an array, Koncorde the array itself), with values of the field's type; `exists` with
 * `field[value]` and `match` with arrays only on fields that always hold arrays.
 * @throws InvalidRequestError naming `method` and the operator, for a filter that is not valid or not supported
 * (also `select`, `regexp` on `_id`, `^`/`$` inside a regexp, arrays of objects in `match`).
 */
export function toSearchQuery(filters: KoncordeFilter, method = 'toSearchQuery'): JsonObject {
  return parse(filters, method, (f) => translate(normalize(f)));
}

function parse<T>(filters: KoncordeFilter, method: string, build: (filters: KoncordeFilter) => T): T {
  try {
    return build(filters);
  } catch (error) {
    if (error instanceof FilterError) throw new InvalidRequestError(`${method}: ${error.message}`, filters);
    throw error;
  }
}
