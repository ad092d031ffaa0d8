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
 * The document controller: every action on stored documents, one at a time or several at once, by id or by query.
 * Each method emits what the same kuzzle-sdk 7 method resolves to.
 */
export class DocumentController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'document');
  }

  /** Emits how many documents match `query` (all of them without one). */
  count(index: string, collection: string, query?: JsonObject, options?: DocumentCountOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.optionalObject('query', query),
    })).pipe(map((r) => r.count));
  }

  /** Creates a document (`id`: let the server choose one when omitted); emits it. */
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

  /** Creates a document or replaces the one with that id; emits it. */
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

  /** Deletes a document; emits its id. */
  delete(index: string, collection: string, id: string, options?: DocumentWriteOptions): Observable<string> {
    return this.call<{ _id: string }>('delete', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.string('id', id),
    })).pipe(map((r) => r._id));
  }

  /** Deletes the documents matching `query` (`{ query: {...} }`); emits their ids. */
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

  /** Removes fields (paths such as `'address.city'`) from a document; emits its id and version (and `_source` with `source: true`). */
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

  /** Emits whether the document exists. */
  exists(index: string, collection: string, id: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => ({ ...inCollection(check, index, collection), _id: check.string('id', id) }));
  }

  /** Emits the document; errors with `KuzzleError` `services.storage.not_found` when there is none. */
  get<S extends object>(index: string, collection: string, id: string, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('get', options, (check) => ({ ...inCollection(check, index, collection), _id: check.string('id', id) }));
  }

  /** Creates several documents; emits those created and those that failed, with why. */
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

  /** Creates or replaces several documents; emits those written and those that failed, with why. */
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

  /** Deletes several documents; emits the ids deleted and the ids that could not be, with why. */
  mDelete(index: string, collection: string, ids: readonly string[], options?: DocumentMDeleteOptions): Observable<MDeleteResult> {
    return this.call('mDelete', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { ids: check.strings('ids', ids) },
    }));
  }

  /** Emits which of the ids are those of existing documents, and which are not. Not in kuzzle-sdk 7. */
  mExists(index: string, collection: string, ids: readonly string[], options?: DocumentMGetOptions): Observable<MExistsResult> {
    return this.call('mExists', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { ids: check.strings('ids', ids) },
    }));
  }

  /** Emits the documents found and the ids of those that were not. */
  mGet<S extends object>(
    index: string,
    collection: string,
    ids: readonly string[],
    options?: DocumentMGetOptions,
  ): Observable<MGetResult<S>> {
    return this.call('mGet', options, (check) => ({ ...inCollection(check, index, collection), body: { ids: check.strings('ids', ids) } }));
  }

  /** Replaces several existing documents; emits those replaced and those that failed, with why. */
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

  /** Applies partial changes to several existing documents; emits those updated and those that failed, with why. */
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

  /** Updates several documents, creating those missing; emits those written and those that failed, with why. */
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

  /** Replaces an existing document; emits it. Errors with `KuzzleError` `services.storage.not_found` when there is none. */
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

  /** Searches a collection; emits the first page of hits, whose `next()` fetches the one after (see `SearchResult`). */
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
   * Searches several indexes and collections at once (`document:search` with `targets`); emits the first page of
   * hits, each saying its index and collection, whose `next()` fetches the one after. Not in kuzzle-sdk 7.
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

  /** Applies partial changes to an existing document; emits it (the changes only in `_source`, unless `source: true`). */
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

  /** Applies the same changes to every document matching `query` (the query itself: `{ match: {...} }`); emits those updated and those that failed. */
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

  /** Applies partial changes to a document, creating it (with `options.default` added) when missing; emits its id, version and whether it was created. */
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

  /** Checks a document against the collection's specifications without storing it; emits whether it is valid, and why not. */
  validate<S extends object>(index: string, collection: string, content: S, options?: CallOptions): Observable<DocumentValidationResult> {
    return this.call('validate', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('content', content),
    }));
  }
}
