import { InvalidRequestError } from '../../errors/ClientErrors';
import type { JsonObject } from '../../controllers/arguments';

/** A filter in Koncorde's language, the language of realtime subscriptions (`equals`, `range`, `bool`, ...). */
export type KoncordeFilter = Record<string, unknown>;

/** A compiled filter: does a document (its `_source`, and its `_id` for `ids`) match? */
export type FilterTest = (source: Record<string, unknown>, id: string) => boolean;

/**
 * Compiles a Koncorde filter into a test evaluated in the client, with the semantics of the `koncorde` package.
 * @throws InvalidRequestError naming `method` and the operator, for a filter that is not valid or not supported.
 */
export function compileFilter(filters: KoncordeFilter, method = 'compileFilter'): FilterTest {
  throw new InvalidRequestError(`${method}: not implemented yet`, filters);
}

/**
 * The Elasticsearch query that selects, in a search, the documents the Koncorde filter matches (`body.query`).
 * @throws InvalidRequestError naming `method` and the operator, for a filter that is not valid or not supported.
 */
export function toSearchQuery(filters: KoncordeFilter, method = 'toSearchQuery'): JsonObject {
  throw new InvalidRequestError(`${method}: not implemented yet`, filters);
}
