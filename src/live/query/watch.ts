import { defer, type Observable } from 'rxjs';
import type { KuzzleClient } from '../../client/kuzzle-client';
import type { QuerySender } from '../../controllers/base-controller';
import { compileFilter, toSearchQuery, type KoncordeFilter } from '../filters';
import type { LiveResult } from '../types';
import { checkWatch } from './checks';
import { liveQuery } from './live-query';
import type { WatchOptions } from './options';
import { documentOrder } from './sort';
import { clientSources } from './sources';

/**
 * How long (ms) a search may lag behind the notifications: the storage makes a write searchable at its next refresh
 * (every second by default), so a snapshot is merged with the changes received this long before it was asked for.
 */
export const SNAPSHOT_STALENESS = 2000;

/**
 * A live query: the current result of a search, kept current. See `DocumentController.watch()`. Checks every
 * argument (and compiles the filter) at subscription, before anything is sent.
 */
export function watchQuery<S extends object>(
  client: KuzzleClient & QuerySender,
  index: string,
  collection: string,
  query: KoncordeFilter,
  options: WatchOptions<S> = {},
): Observable<LiveResult<S>> {
  return defer(() => {
    const watch = checkWatch<S>(index, collection, query, options);
    const test = compileFilter(watch.query, 'document.watch');
    const searchQuery = toSearchQuery(watch.query, 'document.watch');
    return liveQuery<S>(
      {
        rules: { test, order: documentOrder(watch.sort), size: watch.size, staleness: SNAPSHOT_STALENESS },
        initial: watch.initial,
        lagThreshold: watch.lagThreshold,
        checkInterval: watch.checkInterval,
      },
      clientSources<S>(client, watch, searchQuery),
    );
  });
}
