import { map, type Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../BaseController';
import type { JsonObject } from '../arguments';
import type { SearchResult } from '../search/SearchResult';

export type DocumentSource = Record<string, unknown>;

/** A stored document as the server returns it. */
export interface KuzzleDocument<S extends DocumentSource = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source: S;
}


/** The document controller. */
export class DocumentController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'document');
  }

  /** Creates a document (`id`: let the server choose one when omitted); emits it. */
  create<S extends DocumentSource>(index: string, collection: string, content: S, id?: string, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('create', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('content', content),
      _id: check.optionalString('id', id),
    }));
  }

  createOrReplace<S extends DocumentSource>(index: string, collection: string, id: string, content: S, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('createOrReplace', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
      body: check.object('content', content),
    }));
  }

  replace<S extends DocumentSource>(index: string, collection: string, id: string, content: S, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('replace', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
      body: check.object('content', content),
    }));
  }

  update<S extends DocumentSource>(index: string, collection: string, id: string, changes: Partial<S>, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('update', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
      body: check.object('changes', changes),
    }));
  }

  /** Deletes a document; emits its id. */
  delete(index: string, collection: string, id: string, options?: CallOptions): Observable<string> {
    return this.call<{ _id: string }>('delete', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
    })).pipe(map((r) => r._id));
  }

  get<S extends DocumentSource>(index: string, collection: string, id: string, options?: CallOptions): Observable<KuzzleDocument<S>> {
    return this.call('get', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
    }));
  }

  exists(index: string, collection: string, id: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      _id: check.string('id', id),
    }));
  }

  /** Searches; emits the first page of hits, whose `next()` fetches the one after (see `SearchResult`). */
  search<S extends DocumentSource>(index: string, collection: string, query: JsonObject = {}, options?: CallOptions): Observable<SearchResult<KuzzleDocument<S>>> {
    return this.paged<KuzzleDocument<S>>(
      'search',
      options,
      (check) => ({ index: check.string('index', index), collection: check.string('collection', collection), body: check.object('query', query) }),
      { scrollAction: 'scroll' },
    );
  }

  count(index: string, collection: string, query: JsonObject = {}, options?: CallOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('query', query),
    })).pipe(map((r) => r.count));
  }
}
