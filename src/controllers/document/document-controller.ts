import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import { inCollection } from '../collection/in-collection';
import type { SearchResult } from '../search/search-result';
import { documentsToWrite } from './checks';
import type {
  DocumentCountOptions,
  DocumentDeleteByQueryOptions,
  DocumentDeleteFieldsOptions,
  DocumentMDeleteOptions,
  DocumentMGetOptions,
  DocumentMUpdateOptions,
  DocumentMWriteOptions,
  DocumentSearchOptions,
  DocumentUpdateByQueryOptions,
  DocumentUpdateOptions,
  DocumentUpsertOptions,
  DocumentWriteOptions,
} from './options';
import type {
  DeletedFields,
  DocumentToUpsert,
  DocumentToWrite,
  DocumentValidationResult,
  KuzzleDocument,
  KuzzleHit,
  KuzzleTargetHit,
  MDeleteResult,
  MExistsResult,
  MGetResult,
  MUpdateResult,
  MWriteResult,
  SearchTarget,
  UpdateByQueryResult,
  UpsertedDocument,
} from './types';

export type { DocumentSource, KuzzleDocument } from './types';

/**
 * The document controller: every action on stored documents, one at a time or several at once, by id or by query. Each
 * method emits what the same kuzzle-sdk 7 method resolves to, once, then completes; besides the errors its `@throws`
 * tags name, it can error with those of every request (see `BaseController`).
 *
 * The actions on several documents (`mCreate`, `mReplace`, `mUpdate`, `mDelete`, ...) report the documents that failed
 * in the `errors` they emit, not as an error, unless `strict: true` makes any failure fail the whole call with
 * `KuzzleError` `api.process.incomplete_multiple_request`.
 *
 * @example Create an order, then read it back
 * ```ts
 * type Order = { status: string; total: number };
 * kuzzle.document
 *   .create<Order>('shop', 'orders', { status: 'new', total: 12 }, 'o1')
 *   .pipe(switchMap((created) => kuzzle.document.get<Order>('shop', 'orders', created._id)))
 *   .subscribe((order) => console.log(order._source.status, order._source._kuzzle_info?.createdAt));
 * ```
 */
export class DocumentController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'document');
  }

  /**
   * Emits how many documents match `query` (all of them without one) once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` is given and is
   * not an object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist; `services.storage.unknown_query_keyword` or
   * `services.storage.invalid_search_query` (400) when the storage refuses the query.
   */
  count(index: string, collection: string, query?: JsonObject, options?: DocumentCountOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.optionalObject('query', query),
    })).pipe(map((r) => r.count));
  }

  /**
   * Creates a document (`id`: let the server choose one when omitted) and emits it once, with its `_id`, `_version` and
   * `_source` (Kuzzle's `_kuzzle_info` included), then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `content` not an object, or
   * `id` given and not a non-empty string.
   * @throws {KuzzleError} `services.storage.document_already_exists` (400) when a document has this id;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist; `services.storage.strict_mapping_rejection` (400) when a field is not in the collection's strict
   * mapping; `validation.check.failed_document` or `validation.check.failed_field` (400) when the content breaks the
   * collection's validation specifications.
   *
   * @example
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .create<Order>('shop', 'orders', { status: 'new', total: 12 }, undefined, { refresh: 'wait_for' })
   *   .subscribe((order) => console.log(`created ${order._id}, version ${order._version}`));
   * ```
   */
  create<S extends object>(
    index: string,
    collection: string,
    content: S,
    id?: string,
    options?: DocumentWriteOptions,
  ): Observable<KuzzleDocument<S>> {
    return this.call('create', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('content', content),
      _id: check.optionalString('id', id),
    }));
  }

  /**
   * Creates a document, or replaces the one with that id, and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string, or `content` not an
   * object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist; `services.storage.strict_mapping_rejection` (400) when a field is not in
   * the collection's strict mapping; `validation.check.failed_document` or `validation.check.failed_field` (400) when
   * the content breaks the collection's validation specifications.
   */
  createOrReplace<S extends object>(
    index: string,
    collection: string,
    id: string,
    content: S,
    options?: DocumentWriteOptions,
  ): Observable<KuzzleDocument<S>> {
    return this.call('createOrReplace', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
      body: check.object('content', content),
    }));
  }

  /**
   * Deletes a document and emits its id once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.not_found` (404) when there is no such document;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   *
   * @example
   * ```ts
   * kuzzle.document.delete('shop', 'orders', 'o1', { refresh: 'wait_for' }).subscribe((id) => console.log(`deleted ${id}`));
   * ```
   */
  delete(index: string, collection: string, id: string, options?: DocumentWriteOptions): Observable<string> {
    return this.call<{ _id: string }>('delete', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
    })).pipe(map((r) => r._id));
  }

  /**
   * Deletes the documents matching `query` (`{ query: {...} }`) and emits their ids once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` not an object.
   * @throws {KuzzleError} `services.storage.write_limit_exceeded` (413) when more documents match than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query`
   * (400) when the storage refuses the query; `services.storage.unknown_index` or `services.storage.unknown_collection`
   * (412) when the index or the collection does not exist.
   */
  deleteByQuery(
    index: string,
    collection: string,
    query: JsonObject = {},
    options?: DocumentDeleteByQueryOptions,
  ): Observable<readonly string[]> {
    return this.call<{ ids: readonly string[] }>('deleteByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('query', query),
    })).pipe(map((r) => r.ids));
  }

  /**
   * Removes fields (paths such as `'address.city'`) from a document and emits its id and version (and `_source` with
   * `source: true`) once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string, or `fields` not an
   * array of non-empty strings.
   * @throws {KuzzleError} `services.storage.not_found` (404) when there is no such document;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   */
  deleteFields<S extends object>(
    index: string,
    collection: string,
    id: string,
    fields: readonly string[],
    options?: DocumentDeleteFieldsOptions,
  ): Observable<DeletedFields<S>> {
    return this.call('deleteFields', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
      body: { fields: check.strings('fields', fields) },
    }));
  }

  /**
   * Emits whether the document exists once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist (a missing document is `false`, not an error).
   */
  exists(index: string, collection: string, id: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => ({ ...inCollection(check, index, collection), _id: check.string('id', id) }));
  }

  /**
   * Emits the document (`{ _id, _version, _source }`) once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.not_found` (404) when there is no such document;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   *
   * @example A missing document as null
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .get<Order>('shop', 'orders', 'o1')
   *   .pipe(
   *     catchError((error: unknown) =>
   *       isKuzzleError(error) && error.id === 'services.storage.not_found' ? of(null) : throwError(() => error),
   *     ),
   *   )
   *   .subscribe((order) => console.log(order ? order._source.total : 'no such order'));
   * ```
   */
  get<S extends object>(index: string, collection: string, id: string, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('get', options, (check) => ({ ...inCollection(check, index, collection), _id: check.string('id', id) }));
  }

  /**
   * Creates several documents and emits those created and those that failed, with why (`{ successes, errors }`), once,
   * then completes. A document that fails (its id is taken, ...) is in `errors`, not an error of the call, unless
   * `strict: true`.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id?, body }` with an object `body` (and a non-empty `_id`, when given).
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails;
   * `services.storage.write_limit_exceeded` (413) when there are more documents than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize` (send them in
   * several calls).
   *
   * @example
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .mCreate<Order>('shop', 'orders', [{ _id: 'o1', body: { status: 'new', total: 12 } }, { body: { status: 'new', total: 30 } }])
   *   .subscribe(({ successes, errors }) => {
   *     console.log(`${successes.length} created`);
   *     for (const failure of errors) console.warn(failure.document._id, failure.status, failure.reason);
   *   });
   * ```
   */
  mCreate<S extends object>(
    index: string,
    collection: string,
    documents: readonly DocumentToWrite<S>[],
    options?: DocumentMWriteOptions,
  ): Observable<MWriteResult<S>> {
    return this.call('mCreate', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, false) },
    }));
  }

  /**
   * Creates or replaces several documents and emits those written and those that failed, with why
   * (`{ successes, errors }`), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id, body }` with a non-empty `_id` and an object `body`.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails;
   * `services.storage.write_limit_exceeded` (413) when there are more documents than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize`.
   */
  mCreateOrReplace<S extends object>(
    index: string,
    collection: string,
    documents: readonly (DocumentToWrite<S> & { readonly _id: string })[],
    options?: DocumentMWriteOptions,
  ): Observable<MWriteResult<S>> {
    return this.call('mCreateOrReplace', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, true) },
    }));
  }

  /**
   * Deletes several documents and emits the ids deleted and the ids that could not be, with why
   * (`{ successes, errors }`), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `ids` not an array of
   * non-empty strings.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document could
   * not be deleted; `services.storage.write_limit_exceeded` (413) when there are more ids than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   */
  mDelete(index: string, collection: string, ids: readonly string[], options?: DocumentMDeleteOptions): Observable<MDeleteResult> {
    return this.call('mDelete', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { ids: check.strings('ids', ids) },
    }));
  }

  /**
   * Emits which of the ids are those of existing documents, and which are not (`{ successes, errors }`), once, then
   * completes. Not in kuzzle-sdk 7.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `ids` not an array of
   * non-empty strings.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any id is missing;
   * `services.storage.get_limit_exceeded` (413) when there are more ids than the server's `limits.documentsFetchCount`;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   */
  mExists(index: string, collection: string, ids: readonly string[], options?: DocumentMGetOptions): Observable<MExistsResult> {
    return this.call('mExists', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { ids: check.strings('ids', ids) },
    }));
  }

  /**
   * Emits the documents found and the ids of those that were not (`{ successes, errors }`) once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `ids` not an array of
   * non-empty strings.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document is
   * missing; `services.storage.get_limit_exceeded` (413) when there are more ids than the server's
   * `limits.documentsFetchCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   */
  mGet<S extends object>(
    index: string,
    collection: string,
    ids: readonly string[],
    options?: DocumentMGetOptions,
  ): Observable<MGetResult<S>> {
    return this.call('mGet', options, (check) => ({ ...inCollection(check, index, collection), body: { ids: check.strings('ids', ids) } }));
  }

  /**
   * Replaces several existing documents and emits those replaced and those that failed, with why
   * (`{ successes, errors }`: a missing document is one of them), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id, body }` with a non-empty `_id` and an object `body`.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails;
   * `services.storage.write_limit_exceeded` (413) when there are more documents than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize`.
   */
  mReplace<S extends object>(
    index: string,
    collection: string,
    documents: readonly (DocumentToWrite<S> & { readonly _id: string })[],
    options?: DocumentMWriteOptions,
  ): Observable<MWriteResult<S>> {
    return this.call('mReplace', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, true) },
    }));
  }

  /**
   * Applies partial changes to several existing documents and emits those updated and those that failed, with why
   * (`{ successes, errors }`: a missing document is one of them), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id, body }` with a non-empty `_id` and an object `body`.
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails;
   * `services.storage.write_limit_exceeded` (413) when there are more documents than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize`.
   */
  mUpdate<S extends object>(
    index: string,
    collection: string,
    documents: readonly { readonly _id: string; readonly body: Partial<S> }[],
    options?: DocumentMUpdateOptions,
  ): Observable<MUpdateResult<S>> {
    return this.call('mUpdate', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, true) },
    }));
  }

  /**
   * Updates several documents, creating those missing, and emits those written and those that failed, with why
   * (`{ successes, errors }`), once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, `documents` not an array, or
   * one of them not `{ _id, changes, default? }` with a non-empty `_id` and object `changes` (and `default`, when
   * given).
   * @throws {KuzzleError} `api.process.incomplete_multiple_request` (400) with `strict: true`, when any document fails;
   * `services.storage.write_limit_exceeded` (413) when there are more documents than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when
   * the index or the collection does not exist.
   * @throws {RequestTooLargeError} when the documents, serialised, exceed the client's `maxRequestSize`.
   */
  mUpsert<S extends object>(
    index: string,
    collection: string,
    documents: readonly DocumentToUpsert<S>[],
    options?: DocumentMUpdateOptions,
  ): Observable<MUpdateResult<S>> {
    return this.call('mUpsert', options, (check) => ({
      ...inCollection(check, index, collection),
      body: {
        documents: check.array('documents', documents, (name, document) => {
          check.object(name, document);
          check.string(`${name}._id`, document._id);
          check.object(`${name}.changes`, document.changes);
          check.optionalObject(`${name}.default`, document.default);
        }),
      },
    }));
  }

  /**
   * Replaces an existing document and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string, or `content` not an
   * object.
   * @throws {KuzzleError} `services.storage.not_found` (404) when there is no such document;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist; `services.storage.strict_mapping_rejection` (400) when a field is not in the collection's strict
   * mapping; `validation.check.failed_document` or `validation.check.failed_field` (400) when the content breaks the
   * collection's validation specifications.
   */
  replace<S extends object>(
    index: string,
    collection: string,
    id: string,
    content: S,
    options?: DocumentWriteOptions,
  ): Observable<KuzzleDocument<S>> {
    return this.call('replace', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
      body: check.object('content', content),
    }));
  }

  /**
   * Searches a collection and emits the first page of hits once (`{ hits, total, fetched, aggregations?, next() }`),
   * then completes; the page's `next()` fetches the one after (see `SearchResult`), and `allPages()` / `allHits()` run
   * through them all.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query; `services.storage.get_limit_exceeded` (413) when `size` exceeds the server's
   * `limits.documentsFetchCount`; `services.storage.scroll_duration_too_great` (400) when `scroll` exceeds the server's
   * maximum; `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the
   * collection does not exist.
   *
   * @example The first page, then every hit
   * ```ts
   * type Order = { status: string; total: number };
   * const query = { query: { term: { status: 'new' } }, sort: [{ total: 'desc' }, '_id'] };
   * kuzzle.document.search<Order>('shop', 'orders', query, { size: 20 }).subscribe((page) =>
   *   console.log(
   *     `${page.hits.length} of ${page.total}`,
   *     page.hits.map((hit) => hit._source.total),
   *   ),
   * );
   *
   * allHits(kuzzle.document.search<Order>('shop', 'orders', query, { size: 100 }))
   *   .pipe(take(250))
   *   .subscribe((hit) => console.log(hit._id, hit._source.total));
   * ```
   */
  search<S extends object>(
    index: string,
    collection: string,
    query: JsonObject = {},
    options?: DocumentSearchOptions,
  ): Observable<SearchResult<KuzzleHit<S>>> {
    return this.paged<KuzzleHit<S>>(
      'search',
      options,
      (check) => ({ ...inCollection(check, index, collection), body: check.object('query', query) }),
      {
        scrollAction: 'scroll',
      },
    );
  }

  /**
   * Searches several indexes and collections at once (`document:search` with `targets`) and emits the first page of
   * hits once, each saying its index and collection, then completes; the page's `next()` fetches the one after. Not in
   * kuzzle-sdk 7.
   *
   * @throws {InvalidRequestError} when `targets` is not a non-empty array of `{ index, collections }` (a non-empty
   * string, a non-empty array of non-empty strings), or `query` not an object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when one of
   * the targets does not exist; `services.storage.invalid_target_format` (400) when an index or collection name has
   * `,`, `+` or `*`, or is `_all`; `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query`
   * (400) when the storage refuses the query; `services.storage.get_limit_exceeded` (413) when `size` exceeds the
   * server's `limits.documentsFetchCount`.
   */
  searchTargets<S extends object>(
    targets: readonly SearchTarget[],
    query: JsonObject = {},
    options?: DocumentSearchOptions,
  ): Observable<SearchResult<KuzzleTargetHit<S>>> {
    return this.paged<KuzzleTargetHit<S>>(
      'search',
      options,
      (check) => {
        if (Array.isArray(targets) && targets.length === 0) check.fail('targets', 'a non-empty array', targets);
        const checked = check.array('targets', targets, (name, target) => {
          check.object(name, target);
          check.string(`${name}.index`, target.index);
          if (check.strings(`${name}.collections`, target.collections).length === 0)
            check.fail(`${name}.collections`, 'a non-empty array', target.collections);
        });
        return { targets: checked, body: check.object('query', query) };
      },
      { scrollAction: 'scroll' },
      'searchTargets',
    );
  }

  /**
   * Applies partial changes to an existing document and emits it once (the changes only in `_source`, unless
   * `source: true`), then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string, or `changes` not an
   * object.
   * @throws {KuzzleError} `services.storage.not_found` (404) when there is no such document;
   * `services.storage.too_many_changes` (500) when concurrent writes kept conflicting (raise `retryOnConflict`);
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist; `services.storage.strict_mapping_rejection` (400) or `validation.check.failed_field` (400) when the
   * changes break the collection's strict mapping or validation specifications.
   *
   * @example
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .update<Order>('shop', 'orders', 'o1', { status: 'paid' }, { retryOnConflict: 3, source: true })
   *   .subscribe((order) => console.log(`version ${order._version}: ${order._source.status}`));
   * ```
   */
  update<S extends object>(
    index: string,
    collection: string,
    id: string,
    changes: Partial<S>,
    options?: DocumentUpdateOptions,
  ): Observable<KuzzleDocument<S>> {
    return this.call('update', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
      body: check.object('changes', changes),
    }));
  }

  /**
   * Applies the same changes to every document matching `query` (the query itself: `{ match: {...} }`) and emits those
   * updated and those that failed (`{ successes, errors }`) once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `query` or `changes` not
   * an object.
   * @throws {KuzzleError} `services.storage.write_limit_exceeded` (413) when more documents match than the server's
   * `limits.documentsWriteCount`; `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query`
   * (400) when the storage refuses the query; `services.storage.unknown_index` or `services.storage.unknown_collection`
   * (412) when the index or the collection does not exist.
   */
  updateByQuery<S extends object>(
    index: string,
    collection: string,
    query: JsonObject,
    changes: Partial<S>,
    options?: DocumentUpdateByQueryOptions,
  ): Observable<UpdateByQueryResult<S>> {
    return this.call('updateByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { query: check.object('query', query), changes: check.object('changes', changes) },
    }));
  }

  /**
   * Applies partial changes to a document, creating it (with `options.default` added) when missing, and emits its id,
   * version and whether it was created once, then completes.
   *
   * @throws {InvalidRequestError} when `index`, `collection` or `id` is not a non-empty string, or `changes` (or
   * `options.default`, when given) not an object.
   * @throws {KuzzleError} `services.storage.too_many_changes` (500) when concurrent writes kept conflicting (raise
   * `retryOnConflict`); `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index
   * or the collection does not exist; `services.storage.strict_mapping_rejection` (400) or
   * `validation.check.failed_field` (400) when the document breaks the collection's strict mapping or validation
   * specifications.
   *
   * @example
   * ```ts
   * type Order = { status: string; total: number };
   * kuzzle.document
   *   .upsert<Order>('shop', 'orders', 'o1', { status: 'paid' }, { default: { total: 0 } })
   *   .subscribe(({ _id, created }) => console.log(created ? `created ${_id}` : `updated ${_id}`));
   * ```
   */
  upsert<S extends object>(
    index: string,
    collection: string,
    id: string,
    changes: Partial<S>,
    options?: DocumentUpsertOptions<S>,
  ): Observable<UpsertedDocument<S>> {
    const { default: defaults, ...rest } = options ?? {};
    return this.call('upsert', rest, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
      body: {
        changes: check.object('changes', changes),
        ...(defaults === undefined ? {} : { default: check.object('default', defaults) }),
      },
    }));
  }

  /**
   * Checks a document against the collection's specifications without storing it and emits whether it is valid, and why
   * not (`{ valid, errorMessages }`), once, then completes. A document that is not valid is `valid: false`, not an
   * error.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `content` not an object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  validate<S extends object>(index: string, collection: string, content: S, options?: CallOptions): Observable<DocumentValidationResult> {
    return this.call('validate', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('content', content),
    }));
  }
}
