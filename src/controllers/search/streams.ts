import { concatMap, EMPTY, expand, from, type Observable } from 'rxjs';
import type { SearchResult } from './SearchResult';

/**
 * Every page of a search, the first included, each as it arrives; completes after the last one. The next page is
 * requested only once the previous one was handed on, and nothing more is sent once unsubscribed.
 *
 * @example `allPages(kuzzle.document.search('shop', 'orders', query, { size: 100, scroll: '10s' }))`
 */
export function allPages<H>(first$: Observable<SearchResult<H>>): Observable<SearchResult<H>> {
  return first$.pipe(expand((page) => page.next().pipe(concatMap((next) => (next === null ? EMPTY : [next]))), 1));
}

/**
 * Every hit of a search, page after page; `take(n)` fetches only the pages it needs.
 *
 * @example `allHits(kuzzle.document.search('shop', 'orders', query, { size: 100 })).pipe(take(250))`
 */
export function allHits<H>(first$: Observable<SearchResult<H>>): Observable<H> {
  return allPages(first$).pipe(concatMap((page) => from(page.hits)));
}
