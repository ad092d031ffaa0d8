import type { Observable } from 'rxjs';
import type { KuzzleClient } from '../client/kuzzle-client';
import { DocumentController } from '../controllers/document/document-controller';
import { watchDocuments, type WatchDocumentsOptions } from './documents/watch-documents';
import type { KoncordeFilter } from './filters';
import type { WatchOptions } from './query/options';
import { watchQuery } from './query/watch';
import type { LiveResult, WatchedDocuments } from './types';

/**
 * The document controller with live data: every method of `DocumentController`, plus `watch()` and `watchDocuments()`.
 * `Kuzzle` has this one as `kuzzle.document`; a lean client that does not watch builds the plain `DocumentController`
 * and leaves the live-query code (the Koncorde evaluator among it) out of its bundle.
 *
 * `watch()` and `watchDocuments()` are streams: they emit a first value at once, then one per change, and never
 * complete on their own; unsubscribing ends them (and their server subscription). They end with an error when their
 * subscription does, or when a fetch fails otherwise than by a link loss (which they ride through: they fetch again
 * once reconnected).
 *
 * @example A live list of the new orders, in a component or anywhere
 * ```ts
 * type Order = { status: string; total: number };
 * const subscription = kuzzle.document
 *   .watch<Order>('shop', 'orders', { equals: { status: 'new' } })
 *   .subscribe(({ status, documents, total }) => console.log(status, `${documents.length} of ${total}`));
 * // later: subscription.unsubscribe() ends the server subscription too
 * ```
 */
export class LiveDocumentController extends DocumentController {
  constructor(private readonly client: KuzzleClient) {
    super(client);
  }

  /**
   * A live query: emits the current result of the documents matching `query` (a Koncorde filter, the language of
   * realtime subscriptions) at once, then a new result at each change, and never completes on its own:
   * `{ status: 'loading' | 'live' | 'resyncing', documents, total }`. It subscribes first, searches once the
   * subscription is live and merges what changed meanwhile, and does so again after every reconnection. Unsubscribing
   * ends the subscription and any search in flight.
   *
   * @throws {InvalidRequestError} at subscription, before anything is sent, when `index` or `collection` is not a
   * non-empty string, `query` not an object or not a valid Koncorde filter (an unknown keyword, a bad range, ...), an
   * option is unknown, `size` not a positive integer, `sort` not a sort the client can keep (on `_score`, say),
   * `initial` not documents (`{ _id, _source }`), or `lagThreshold`, `checkInterval` or `timeout` not a number of ms >=
   * 0.
   * @throws {SubscriptionLostError} when the subscription could not be restored after a reconnection, or the client
   * went offline for good (`disconnect()`, reconnection given up).
   * @throws {TokenExpiredError} when the server ended the subscription because the session's token expired, and no
   * `authenticator` could log in again.
   * @throws {KuzzleError} from the subscription (`core.realtime.too_many_terms` (413) when the filter is too complex,
   * `core.realtime.too_many_rooms` (413)) or from a search: `services.storage.unknown_index` or
   * `services.storage.unknown_collection` (412) when the index or the collection does not exist,
   * `services.storage.get_limit_exceeded` (413) when `size` exceeds the server's `limits.documentsFetchCount`.
   *
   * @example The ten largest new orders, kept current
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .watch<Order>('shop', 'orders', { equals: { status: 'new' } }, { sort: [{ total: 'desc' }], size: 10 })
   *   .pipe(filter((result) => result.status === 'live'))
   *   .subscribe((result) =>
   *     console.log(
   *       `${result.total} new orders, the largest:`,
   *       result.documents.map((order) => order._source.total),
   *     ),
   *   );
   * ```
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
   * Watches documents by id: emits a map of each id to its document (`null` when it does not exist) once fetched, then
   * a new map at each change, and never completes on its own; the documents are fetched again after every reconnection.
   * Nothing to dispose but the subscription.
   *
   * @throws {InvalidRequestError} at subscription, before anything is sent, when `index` or `collection` is not a
   * non-empty string, or `ids` not a non-empty array of non-empty strings.
   * @throws {InvalidOptionError} when `options` has an unknown option, or `volatile` is not an object.
   * @throws {SubscriptionLostError} when the subscription could not be restored after a reconnection, or the client
   * went offline for good.
   * @throws {TokenExpiredError} when the server ended the subscription because the session's token expired, and no
   * `authenticator` could log in again.
   * @throws {KuzzleError} from the fetch: `services.storage.unknown_index` or `services.storage.unknown_collection`
   * (412) when the index or the collection does not exist, `services.storage.get_limit_exceeded` (413) when there are
   * more ids than the server's `limits.documentsFetchCount`.
   *
   * @example
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .watchDocuments<Order>('shop', 'orders', ['o1', 'o2'])
   *   .subscribe(({ status, documents }) => console.log(status, documents.get('o1')?._source.status ?? 'no order o1'));
   * ```
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
