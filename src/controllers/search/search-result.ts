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
   * (`search_after` on the last hit's sort values), or `size` (`from` moves on by a page). A plain function of this
   * page: calling it twice fetches the same page twice.
   *
   * @throws {InvalidRequestError} sending nothing, when the search cannot page: made without `size` (nor `scroll`),
   * with a sort without `_id` (`search_after` needs one hit per sort value), or with `scroll` on an action
   * the server has no scroll for.
   * @throws {KuzzleError} `services.storage.unknown_scroll_id` (404) when the scroll cursor expired (more time passed
   * between two pages than the search's `scroll`); otherwise the errors of the search itself (see its method), and of
   * every request (see `BaseController`).
   *
   * @example The second page, if there is one
   * ```ts
   * kuzzle.document
   *   .search('shop', 'orders', { query: { term: { status: 'new' } } }, { size: 50 })
   *   .pipe(switchMap((first) => first.next()))
   *   .subscribe((second) => console.log(second ? `${second.fetched} of ${second.total} fetched` : 'one page was all'));
   * ```
   */
  next(): Observable<SearchResult<H> | null>;
}
