import type { Observable } from 'rxjs';
import type { JsonObject } from '../arguments';

/**
 * One page of a search: its hits, what the server counted, and `next()` for the page after it. A plain immutable
 * value: `next()` reads nothing but what this page was built from.
 */
export interface SearchResult<H> {
  /** The hits of this page. */
  readonly hits: readonly H[];
  /** How many hits match in all. */
  readonly total: number;
  /** How many hits were fetched so far, this page included. */
  readonly fetched: number;
  /** The aggregations of the query, on the first page (and every page the server repeats them on). */
  readonly aggregations?: JsonObject;
  /** The suggestions of the query, when it asked for some. */
  readonly suggest?: JsonObject;
  /** The scroll cursor, when the search was made with the `scroll` option. */
  readonly scrollId?: string;
  /**
   * Emits the next page, then completes; emits `null`, sending nothing, once every hit was fetched or a page came
   * back empty. The strategy is the search's: `scroll` (the controller's scroll action), `sort` + `size`
   * (`search_after` on the last hit's sort values), or `size` (`from` moves on by a page). Errors with
   * `InvalidRequestError`, sending nothing, when the search cannot page (no `size`, or a sort without `_id`).
   */
  next(): Observable<SearchResult<H> | null>;
}
