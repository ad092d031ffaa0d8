import type { Observable } from 'rxjs';
import type { KuzzleClient } from '../client/kuzzle-client';
import { DocumentController } from '../controllers/document/document-controller';
import { watchDocuments, type WatchDocumentsOptions } from './documents/watch-documents';
import type { KoncordeFilter } from './filters';
import type { WatchOptions } from './query/options';
import { watchQuery } from './query/watch';
import type { LiveResult, WatchedDocuments } from './types';

/**
 * The document controller with live data: every method of `DocumentController`, plus `watch()` and
 * `watchDocuments()`. `Kuzzle` has this one as `kuzzle.document`; a lean client that does not watch builds the plain
 * `DocumentController` and leaves the live-query code (the Koncorde evaluator among it) out of its bundle.
 */
export class LiveDocumentController extends DocumentController {
  constructor(private readonly client: KuzzleClient) {
    super(client);
  }

  /**
   * A live query: emits the current result of the documents matching `query` (a Koncorde filter, the language of
   * realtime subscriptions), then keeps it current: `{ status: 'loading' | 'live' | 'resyncing', documents, total }`.
   * It subscribes first, searches once the subscription is live and merges what changed meanwhile, and does so again
   * after every reconnection. Unsubscribing ends the subscription and any search in flight.
   */
  watch<S extends object = Record<string, unknown>>(
    index: string,
    collection: string,
    query: KoncordeFilter = {},
    options?: WatchOptions<S>,
  ): Observable<LiveResult<S>> {
    return watchQuery<S>(this.client, index, collection, query, options);
  }

  /**
   * Watches documents by id: emits a map of each id to its document (`null` when it does not exist), then every
   * change; fetched again after every reconnection. Nothing to dispose but the subscription.
   */
  watchDocuments<S extends object = Record<string, unknown>>(
    index: string,
    collection: string,
    ids: readonly string[],
    options?: WatchDocumentsOptions,
  ): Observable<WatchedDocuments<S>> {
    return watchDocuments<S>(this.client, index, collection, ids, options);
  }
}
