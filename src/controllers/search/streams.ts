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
 * Every page of a search, the first included, each as it arrives; completes after the last one. The next page is
 * requested only once the previous one was handed on, and nothing more is sent once unsubscribed.
 *
 * @example `allPages(kuzzle.document.search('shop', 'orders', query, { size: 100, scroll: '10s' }))`
 */
export function allPages<H>(first$: Observable<SearchResult<H>>): Observable<SearchResult<H>> {
  return first$.pipe(expand(nextOf, 1));
}

/**
 * Every hit of a search, page after page; `take(n)` fetches only the pages it needs.
 *
 * @example `allHits(kuzzle.document.search('shop', 'orders', query, { size: 100 })).pipe(take(250))`
 */
export function allHits<H>(first$: Observable<SearchResult<H>>): Observable<H> {
  return allPages(first$).pipe(concatMap((page) => from(page.hits)));
}
