import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type QuerySender } from '../base-controller';
import { inCollection } from '../collection/in-collection';
import { documentsToWrite } from '../document/checks';
import type { DocumentToWrite } from '../document/types';
import type {
  BulkDocument,
  BulkImportOptions,
  BulkImportResult,
  BulkMWriteOptions,
  BulkMWriteResult,
  BulkWriteDocumentOptions,
  BulkWriteOptions,
} from './types';

/**
 * The bulk controller: imports and writes straight to the storage, without Kuzzle's metadata, specifications checks or
 * (unless asked) realtime notifications. Each method emits what the same kuzzle-sdk 7 method resolves to, once, then
 * completes; besides the errors its `@throws` tags name, it can error with those of every request (see
 * `BaseController`).
 *
 * @example Load a batch of documents, a thousand actions per call
 * ```ts
 * declare const rows: ReadonlyArray<{ id: string; status: string; total: number }>;
 * from(rows)
 *   .pipe(
 *     bufferCount(500),
 *     concatMap((batch) =>
 *       kuzzle.bulk.import(
 *         'shop',
 *         'orders',
 *         batch.flatMap(({ id, ...order }) => [{ index: { _id: id } }, order]),
 *       ),
 *     ),
 *   )
 *   .subscribe(({ successes, errors }) => console.log(`${successes.length} imported, ${errors.length} failed`));
 * ```
 */
export class BulkController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'bulk');
  }

  /**
   * Deletes every document matching `query` (`{ query: {...} }`) at once and emits how many were deleted, once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` not an object.
   * @throws {KuzzleError} `api.assert.missing_argument` (400) when `query` has no `query` field, as the default `{}`:
   * pass `{ query: { match_all: {} } }` to delete every document; `services.storage.unknown_query_keyword` or
   * `services.storage.invalid_search_query` (400) when the storage refuses the query; `services.storage.unknown_index`
   * or `services.storage.unknown_collection` (412) when the index or the collection does not exist.
   */
  deleteByQuery(index: string, collection: string, query: JsonObject = {}, options?: BulkWriteOptions): Observable<number> {
    return this.call<{ deleted: number }>('deleteByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('query', query),
    })).pipe(map((r) => r.deleted));
  }

  /**
   * Runs storage bulk actions (`[{ index: { _id } }, { ...content }, { delete: { _id } }, ...]`) and emits the actions
   * that succeeded and those that failed (`{ successes, errors }`), each under its name, once, then completes. An
   * action that fails (a `create` of an existing id, ...) is in `errors`, not an error of the call, unless
   * `strict: true`.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `bulkData` not an array of
   * objects.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any action fails;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   * @throws {RequestTooLargeError} when `bulkData`, serialised, exceeds the client's `maxRequestSize` (import it in
   * several calls).
   *
   * @example
   * ```ts
   * kuzzle.bulk
   *   .import('shop', 'orders', [{ index: { _id: 'o1' } }, { status: 'new', total: 12 }, { delete: { _id: 'o0' } }], {
   *     refresh: 'wait_for',
   *   })
   *   .subscribe(({ successes, errors }) => {
   *     console.log(`${successes.length} actions done`);
   *     for (const failed of errors)
   *       for (const [action, item] of Object.entries(failed)) console.warn(action, item._id, item.error?.reason);
   *   });
   * ```
   */
  import(index: string, collection: string, bulkData: readonly JsonObject[], options?: BulkImportOptions): Observable<BulkImportResult> {
    return this.call('import', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { bulkData: check.array('bulkData', bulkData, (name, item) => check.object(name, item)) },
    }));
  }

  /**
   * Changes every document matching `query` (the query itself: `{ match: {...} }`) at once and emits how many were
   * updated, once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` or `changes` not
   * an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query; `services.storage.unknown_index` or `services.storage.unknown_collection` (412)
   * when the index or the collection does not exist.
   */
  updateByQuery(index: string, collection: string, query: JsonObject, changes: JsonObject, options?: BulkWriteOptions): Observable<number> {
    return this.call<{ updated: number }>('updateByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { query: check.object('query', query), changes: check.object('changes', changes) },
    })).pipe(map((r) => r.updated));
  }

  /**
   * Creates or replaces a document as given, `_kuzzle_info` included (`id`: the server chooses one when omitted), and
   * emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `document` not an object, or
   * `id` given and not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist; `services.storage.strict_mapping_rejection` (400) when a field is not in
   * the collection's strict mapping.
   */
  write<S extends object>(
    index: string,
    collection: string,
    document: S,
    id?: string,
    options?: BulkWriteDocumentOptions,
  ): Observable<BulkDocument<S>> {
    return this.call('write', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.optionalString('id', id),
      body: check.object('document', document),
    }));
  }

  /**
   * Creates or replaces several documents as given and emits those written and those that failed, with why
   * (`{ successes, errors }`), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id?, body }` with an object `body` (and a non-empty `_id`, when given).
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails
   * (the server's `limits.documentsWriteCount` does not apply to bulk writes); `services.storage.unknown_index` or
   * `services.storage.unknown_collection` (412) when the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize`.
   */
  mWrite<S extends object>(
    index: string,
    collection: string,
    documents: readonly DocumentToWrite<S>[],
    options?: BulkMWriteOptions,
  ): Observable<BulkMWriteResult<S>> {
    return this.call('mWrite', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, false) },
    }));
  }
}
