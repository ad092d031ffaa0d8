import { last, map, scan, takeWhile } from 'rxjs';
import type { KuzzleClient } from '../../client/kuzzle-client';
import type { JsonObject } from '../../controllers/arguments';
import type { QuerySender } from '../../controllers/base-controller';
import type { KuzzleHit } from '../../controllers/document/types';
import { search } from '../../controllers/search/paging';
import { allPages } from '../../controllers/search/streams';
import { RealtimeController } from '../../realtime/realtime-controller';
import { DEFAULT_SIZE, type CheckedWatch } from './checks';
import type { WatchSources } from './live-query';
import type { Snapshot } from './snapshot';
import { searchSort } from './sort';

/**
 * The sources of a live query on a client: a subscription to the whole collection (every write of it is notified:
 * the query is evaluated by the client, so that a document leaving the query is seen even when the server never
 * notified it as matching), `document:search` paged by `search_after` up to `size`, and `document:count`.
 */
export function clientSources<S extends object>(
  client: KuzzleClient & QuerySender,
  watch: CheckedWatch<S>,
  searchQuery: JsonObject,
): WatchSources<S> {
  const { index, collection, size, requestOptions } = watch;
  const scheduler = watch.scheduler ?? client.protocol.options.scheduler;
  const realtime = new RealtimeController(client);
  const volatile = requestOptions.volatile;
  const body = { query: searchQuery, sort: searchSort(watch.sort) };
  return {
    subscribe: () => realtime.subscribeWithStatus(index, collection, {}, { scope: 'all', ...(volatile === undefined ? {} : { volatile }) }),
    search: () =>
      allPages(
        search<KuzzleHit<S>>({
          sender: client,
          controller: 'document',
          action: 'search',
          scrollAction: 'scroll',
          method: 'document.watch',
          args: { index, collection, body },
          options: { ...requestOptions, size: Math.min(size, DEFAULT_SIZE) },
        }),
      ).pipe(
        scan((snapshot: Snapshot<S>, page) => ({ hits: [...snapshot.hits, ...page.hits].slice(0, size), total: page.total }), {
          hits: [],
          total: 0,
        }),
        takeWhile((snapshot) => snapshot.hits.length < Math.min(size, snapshot.total), true),
        last(),
      ),
    count: () =>
      client
        .query<{ count: number }>(
          { controller: 'document', action: 'count', index, collection, body: { query: searchQuery } },
          requestOptions,
        )
        .pipe(map((response) => response.result.count)),
    scheduler,
    clock: () => scheduler.now(),
  };
}
