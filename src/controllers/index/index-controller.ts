import { map, type Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { IndexStats } from './types';

/** The index controller. Each method emits what the same kuzzle-sdk 7 method resolves to. */
export class IndexController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'index');
  }

  /** Creates an index; emits once done. Errors with `KuzzleError` `services.storage.index_already_exists` when it exists. */
  create(index: string, options?: CallOptions): Observable<void> {
    return this.call('create', options, (check) => ({ index: check.string('index', index) })).pipe(map((): void => undefined));
  }

  /** Deletes an index and its collections; emits once done. */
  delete(index: string, options?: CallOptions): Observable<void> {
    return this.call('delete', options, (check) => ({ index: check.string('index', index) })).pipe(map((): void => undefined));
  }

  /** Emits whether the index exists. */
  exists(index: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => ({ index: check.string('index', index) }));
  }

  /** Emits the names of the indexes the user may see. */
  list(options?: CallOptions): Observable<readonly string[]> {
    return this.call<{ indexes: readonly string[] }>('list', options).pipe(map((r) => r.indexes));
  }

  /** Deletes several indexes; emits the names of those deleted (the user may not delete every one). */
  mDelete(indexes: readonly string[], options?: CallOptions): Observable<readonly string[]> {
    return this.call<{ deleted: readonly string[] }>('mDelete', options, (check) => ({
      body: { indexes: check.strings('indexes', indexes) },
    })).pipe(map((r) => r.deleted));
  }

  /** Emits the storage used by every index and collection. */
  stats(options?: CallOptions): Observable<IndexStats> {
    return this.call('stats', options);
  }
}
