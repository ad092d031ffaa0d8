import { concatMap, EMPTY, expand, from, Observable } from 'rxjs';
import type { SearchResult } from './search-result';

/**
 * `source`, unless its subscriber is already closed. `expand` subscribes to the next page right after handing the
 * current one on, even when that hand-off ended the subscription (a `take` downstream that got what it wanted); this
 * keeps that page from being requested at all, whatever the `next()` it came from.
 */
function unlessClosed<T>(source: Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => (subscriber.closed ? undefined : source.subscribe(subscriber)));
}

const nextOf = <H>(page: SearchResult<H>): Observable<SearchResult<H>> =>
  unlessClosed(page.next().pipe(concatMap((next) => (next === null ? EMPTY : [next]))));

/**
 * Emits every page of a search, the first included, each as it arrives; completes after the last one. The next page
 * is requested only once the previous one was handed on, and nothing more is sent once unsubscribed.
 *
 * @throws {InvalidRequestError} when the search cannot page (see `SearchResult.next()`): pass `size` (and a sort
 * with `_id`, if any), or `scroll`.
 * @throws {KuzzleError} the errors of the search's method, and `services.storage.unknown_scroll_id` (404) when a
 * scroll cursor expired between two pages; the errors of every request too (see `BaseController`).
 *
 * @example Every page of a scroll, a hundred hits at a time
 * ```ts
 * allPages(kuzzle.document.search('shop', 'orders', { query: { match_all: {} } }, { size: 100, scroll: '10s' })).subscribe((page) =>
 *   console.log(`${page.fetched} of ${page.total} fetched`),
 * );
 * ```
 */
export function allPages<H>(first$: Observable<SearchResult<H>>): Observable<SearchResult<H>> {
  return first$.pipe(expand(nextOf, 1));
}

/**
 * Emits every hit of a search, page after page, and completes after the last one; `take(n)` fetches only the pages it
 * needs.
 *
 * @throws {InvalidRequestError} when the search cannot page (see `SearchResult.next()`).
 * @throws {KuzzleError} the errors of the search's method, and `services.storage.unknown_scroll_id` (404) when a
 * scroll cursor expired between two pages; the errors of every request too (see `BaseController`).
 *
 * @example The first 250 orders by id, fetched a hundred at a time (three requests)
 * ```ts
 * type Order = { status: string; total: number };
 * allHits(kuzzle.document.search<Order>('shop', 'orders', { sort: ['_id'] }, { size: 100 }))
 *   .pipe(take(250), toArray())
 *   .subscribe((orders) => console.log(orders.length, orders.at(-1)?._id));
 * ```
 */
export function allHits<H>(first$: Observable<SearchResult<H>>): Observable<H> {
  return allPages(first$).pipe(concatMap((page) => from(page.hits)));
}
