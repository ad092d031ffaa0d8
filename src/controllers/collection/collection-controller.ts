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
 * what the same kuzzle-sdk 7 method resolves to (nothing, `undefined`, for those that resolve to nothing).
 */
export class CollectionController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'collection');
  }

  /** Creates a collection, or updates its mappings and settings when it exists; emits once done. */
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

  /** Deletes a collection and its documents; emits once done. */
  delete(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('delete', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /** Removes the collection's validation specifications; emits once done. */
  deleteSpecifications(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('deleteSpecifications', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /** Emits whether the collection exists. */
  exists(index: string, collection: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => inCollection(check, index, collection));
  }

  /** Emits the collection's mappings (without Kuzzle's metadata, unless `includeKuzzleMeta`). */
  getMapping(index: string, collection: string, options?: CollectionGetMappingOptions): Observable<CollectionMappings> {
    const { includeKuzzleMeta = false, ...rest } = options ?? {};
    return this.call('getMapping', rest, (check) => ({ ...inCollection(check, index, collection), includeKuzzleMeta }));
  }

  /** Emits the collection's storage settings (shards, analyzers, ...). Not in kuzzle-sdk 7. */
  getSettings(index: string, collection: string, options?: CallOptions): Observable<JsonObject> {
    return this.call('getSettings', options, (check) => inCollection(check, index, collection));
  }

  /** Emits the collection's validation specifications; errors with `KuzzleError` `validation.assert.not_found` when it has none. */
  getSpecifications(index: string, collection: string, options?: CallOptions): Observable<StoredSpecifications> {
    return this.call('getSpecifications', options, (check) => inCollection(check, index, collection));
  }

  /** Emits the collections of an index, stored and realtime, sorted by name. */
  list(index: string, options?: CollectionListOptions): Observable<CollectionList> {
    const { size = 0, ...rest } = options ?? {};
    return this.call('list', rest, (check) => ({ index: check.string('index', index), size }));
  }

  /** Makes the latest writes in the collection visible to searches now; emits once done. */
  refresh(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('refresh', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /** Searches the specifications of every collection; emits the first page of hits, whose `next()` fetches the one after. */
  searchSpecifications(
    query: JsonObject = {},
    options?: CollectionSearchSpecificationsOptions,
  ): Observable<SearchResult<SpecificationsHit>> {
    return this.paged<SpecificationsHit>('searchSpecifications', options, (check) => ({ body: check.object('query', query) }), {
      scrollAction: 'scrollSpecifications',
    });
  }

  /** Deletes every document of the collection, keeping its mappings; emits once done. */
  truncate(index: string, collection: string, options?: CallOptions): Observable<void> {
    return this.call('truncate', options, (check) => inCollection(check, index, collection)).pipe(nothing);
  }

  /** Updates the collection's mappings and settings; emits once done. */
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

  /** Adds fields to the collection's mappings (deprecated by the server: use `update`); emits the mappings. */
  updateMapping(index: string, collection: string, mappings: CollectionMappings, options?: CallOptions): Observable<CollectionMappings> {
    return this.call('updateMapping', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('mappings', mappings),
    }));
  }

  /** Replaces the collection's validation specifications; emits them. Errors with `KuzzleError` when they are not valid. */
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

  /** Checks specifications without applying them; emits whether they are valid, and what is wrong with them. */
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
