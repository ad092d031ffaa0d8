import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { SearchResult } from '../search/search-result';
import { inCollection } from './in-collection';
import type {
  CollectionDefinition,
  CollectionGetMappingOptions,
  CollectionList,
  CollectionListOptions,
  CollectionMappings,
  CollectionSearchSpecificationsOptions,
  CollectionSpecifications,
  CollectionUpdateDefinition,
  SpecificationsHit,
  SpecificationsValidation,
  StoredSpecifications,
} from './types';

const nothing = map((): void => undefined);

/**
 * The collection controller: collections, their mappings, settings and validation specifications. Each method emits
 * what the same kuzzle-sdk 7 method resolves to (nothing, `undefined`, for those that resolve to nothing), once, then
 * completes; besides the errors its `@throws` tags name, it can error with those of every request (see
 * `BaseController`).
 *
 * @example A collection with a strict mapping, then its specifications
 * ```ts
 * const mappings: CollectionMappings = { dynamic: 'strict', properties: { status: { type: 'keyword' }, total: { type: 'float' } } };
 * kuzzle.collection
 *   .create('shop', 'orders', { mappings })
 *   .pipe(
 *     switchMap(() =>
 *       kuzzle.collection.updateSpecifications('shop', 'orders', { fields: { total: { type: 'number', mandatory: true } } }),
 *     ),
 *   )
 *   .subscribe((specifications) => console.log('validated fields:', Object.keys(specifications.fields ?? {})));
 * ```
 */
export class CollectionController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'collection');
  }

  /**
   * Creates a collection (and its index, when the index does not exist), or updates its mappings and settings when it
   * exists; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `definition` given and not
   * an object.
   * @throws {KuzzleError} `services.storage.invalid_index_name` or `services.storage.invalid_collection_name` (400)
   * when a name is not one the storage accepts (upper case, spaces, ...); `services.storage.invalid_mapping` or
   * `services.storage.invalid_mapping_type` (400) when the mappings are not valid;
   * `services.storage.cannot_change_mapping` (400) when the collection exists and a field's type would change.
   *
   * @example
   * ```ts
   * kuzzle.collection
   *   .create('shop', 'orders', { mappings: { properties: { status: { type: 'keyword' }, total: { type: 'float' } } } })
   *   .subscribe(() => console.log('shop/orders is ready'));
   * ```
   */
  create(
    index: string,
    collection: string,
    definition?: CollectionDefinition | CollectionMappings,
    options?: CallOptions,
  ): Observable<void> {
    return this.call('create', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.optionalObject('definition', definition),
    })).pipe(nothing);
  }

  /**
   * Deletes a collection and its documents; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  delete(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('delete', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /**
   * Removes the collection's validation specifications; emits `undefined` once done (whether it had some or not), then
   * completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  deleteSpecifications(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('deleteSpecifications', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /**
   * Emits whether the collection exists once, then completes. A missing collection is `false`, not an error.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   */
  exists(index: string, collection: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => inCollection(check, index, collection));
  }

  /**
   * Emits the collection's mappings (without Kuzzle's metadata, unless `includeKuzzleMeta`) once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  getMapping(index: string, collection: string, options?: CollectionGetMappingOptions): Observable<CollectionMappings> {
    const { includeKuzzleMeta = false, ...rest } = options ?? {};
    return this.call('getMapping', rest, (check) => ({ ...inCollection(check, index, collection), includeKuzzleMeta }));
  }

  /**
   * Emits the collection's storage settings (shards, analyzers, ...) once, then completes. Not in kuzzle-sdk 7.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  getSettings(index: string, collection: string, options?: CallOptions): Observable<JsonObject> {
    return this.call('getSettings', options, (check) => inCollection(check, index, collection));
  }

  /**
   * Emits the collection's validation specifications, with the index and collection they apply to, once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `validation.assert.not_found` (404) when the collection has no specifications;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   */
  getSpecifications(index: string, collection: string, options?: CallOptions): Observable<StoredSpecifications> {
    return this.call('getSpecifications', options, (check) => inCollection(check, index, collection));
  }

  /**
   * Emits the collections of an index, stored and realtime, sorted by name, once, then completes.
   *
   * @throws {InvalidRequestError} when `index` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` (412) when the index does not exist.
   */
  list(index: string, options?: CollectionListOptions): Observable<CollectionList> {
    const { size = 0, ...rest } = options ?? {};
    return this.call('list', rest, (check) => ({ index: check.string('index', index), size }));
  }

  /**
   * Makes the latest writes in the collection visible to searches now; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  refresh(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('refresh', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /**
   * Searches the specifications of every collection and emits the first page of hits once, then completes; the page's
   * `next()` fetches the one after.
   *
   * @throws {InvalidRequestError} when `query` is not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query; `services.storage.get_limit_exceeded` (413) when `size` exceeds the server's
   * `limits.documentsFetchCount`; `services.storage.scroll_duration_too_great` (400) when `scroll` exceeds the server's
   * maximum.
   */
  searchSpecifications(
    query: JsonObject = {},
    options?: CollectionSearchSpecificationsOptions,
  ): Observable<SearchResult<SpecificationsHit>> {
    return this.paged<SpecificationsHit>('searchSpecifications', options, (check) => ({ body: check.object('query', query) }), {
      scrollAction: 'scrollSpecifications',
    });
  }

  /**
   * Deletes every document of the collection, keeping its mappings; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  truncate(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('truncate', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /**
   * Updates the collection's mappings and settings; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `definition` not an
   * object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist; `services.storage.invalid_mapping` or
   * `services.storage.invalid_mapping_type` (400) when the mappings are not valid;
   * `services.storage.cannot_change_mapping` (400) when a field's type would change.
   */
  update(
    index: string,
    collection: string,
    definition: CollectionUpdateDefinition | CollectionMappings,
    options?: CallOptions,
  ): Observable<void> {
    return this.call('update', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('definition', definition),
    })).pipe(nothing);
  }

  /**
   * Adds fields to the collection's mappings (deprecated by the server: use `update`) and emits the mappings once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `mappings` not an object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist; `services.storage.invalid_mapping` or
   * `services.storage.invalid_mapping_type` (400) when the mappings are not valid;
   * `services.storage.cannot_change_mapping` (400) when a field's type would change.
   */
  updateMapping(index: string, collection: string, mappings: CollectionMappings, options?: CallOptions): Observable<CollectionMappings> {
    return this.call('updateMapping', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('mappings', mappings),
    }));
  }

  /**
   * Replaces the collection's validation specifications and emits them once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `specifications` not an
   * object.
   * @throws {KuzzleError} `validation.assert.invalid_specifications` (400) when they are not valid (an unknown field
   * type, ...: its message lists what is wrong; `validateSpecifications` tells without failing);
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the index or the collection
   * does not exist.
   */
  updateSpecifications(
    index: string,
    collection: string,
    specifications: CollectionSpecifications,
    options?: CallOptions,
  ): Observable<CollectionSpecifications> {
    return this.call('updateSpecifications', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('specifications', specifications),
    }));
  }

  /**
   * Checks specifications without applying them and emits whether they are valid, and what is wrong with them
   * (`{ valid, details, description }`), once, then completes. Specifications that are not valid are `valid: false`,
   * not an error.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `specifications` not an
   * object.
   * @throws {KuzzleError} `services.storage.unknown_index` or `services.storage.unknown_collection` (412) when the
   * index or the collection does not exist.
   */
  validateSpecifications(
    index: string,
    collection: string,
    specifications: CollectionSpecifications,
    options?: CallOptions,
  ): Observable<SpecificationsValidation> {
    return this.call('validateSpecifications', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('specifications', specifications),
    }));
  }
}
