import { map, type Observable } from 'rxjs';
import type { RequestOptions } from '../client/request';
import { BaseController, type QuerySender } from './BaseController';

export type DocumentSource = Record<string, unknown>;

/** A stored document as the server returns it. */
export interface KuzzleDocument<S extends DocumentSource = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source: S;
}

export interface SearchResult<S extends DocumentSource = DocumentSource> {
  readonly hits: ReadonlyArray<KuzzleDocument<S>>;
  readonly total: number;
}

/** The document controller (the common actions; any other goes through `kuzzle.query()`). */
export class DocumentController extends BaseController {
  constructor(sender: QuerySender) {
    super(sender, 'document');
  }

  create<S extends DocumentSource>(index: string, collection: string, content: S, id?: string, options?: RequestOptions): Observable<KuzzleDocument<S>> {
    return this.call('create', { index, collection, body: content, ...(id === undefined ? {} : { _id: id }) }, options);
  }

  createOrReplace<S extends DocumentSource>(index: string, collection: string, id: string, content: S, options?: RequestOptions): Observable<KuzzleDocument<S>> {
    return this.call('createOrReplace', { index, collection, _id: id, body: content }, options);
  }

  replace<S extends DocumentSource>(index: string, collection: string, id: string, content: S, options?: RequestOptions): Observable<KuzzleDocument<S>> {
    return this.call('replace', { index, collection, _id: id, body: content }, options);
  }

  update<S extends DocumentSource>(index: string, collection: string, id: string, changes: Partial<S>, options?: RequestOptions): Observable<KuzzleDocument<S>> {
    return this.call('update', { index, collection, _id: id, body: changes }, options);
  }

  /** Emits the deleted document's id. */
  delete(index: string, collection: string, id: string, options?: RequestOptions): Observable<string> {
    return this.call<{ _id: string }>('delete', { index, collection, _id: id }, options).pipe(map((r) => r._id));
  }

  get<S extends DocumentSource>(index: string, collection: string, id: string, options?: RequestOptions): Observable<KuzzleDocument<S>> {
    return this.call('get', { index, collection, _id: id }, options);
  }

  exists(index: string, collection: string, id: string, options?: RequestOptions): Observable<boolean> {
    return this.call('exists', { index, collection, _id: id }, options);
  }

  search<S extends DocumentSource>(index: string, collection: string, query: Record<string, unknown> = {}, options?: RequestOptions & { from?: number; size?: number }): Observable<SearchResult<S>> {
    const { from, size, ...requestOptions } = options ?? {};
    return this.call('search', { index, collection, body: query, ...(from === undefined ? {} : { from }), ...(size === undefined ? {} : { size }) }, requestOptions);
  }

  count(index: string, collection: string, query: Record<string, unknown> = {}, options?: RequestOptions): Observable<number> {
    return this.call<{ count: number }>('count', { index, collection, body: query }, options).pipe(map((r) => r.count));
  }
}
