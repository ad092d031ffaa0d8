import { map, type Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { IndexStats } from './types';

/**
 * The index controller. Each method emits what the same kuzzle-sdk 7 method resolves to, once, then completes; besides
 * the errors its `@throws` tags name, it can error with those of every request (see `BaseController`).
 *
 * @example Create the index unless it exists
 * ```ts
 * kuzzle.index
 *   .exists('shop')
 *   .pipe(switchMap((exists) => (exists ? of(undefined) : kuzzle.index.create('shop'))))
 *   .subscribe(() => console.log('the shop index is there'));
 * ```
 */
export class IndexController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'index');
  }

  /**
   * Creates an index; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.index_already_exists` (412) when it exists;
   * `services.storage.invalid_index_name` (400) when the storage does not accept the name (upper case, spaces, ...).
   *
   * @example Create it, or go on if it is there already
   * ```ts
   * kuzzle.index
   *   .create('shop')
   *   .pipe(
   *     catchError((error: unknown) =>
   *       isKuzzleError(error) && error.id === 'services.storage.index_already_exists' ? of(undefined) : throwError(() => error),
   *     ),
   *   )
   *   .subscribe(() => console.log('the shop index is there'));
   * ```
   */
  create(index: string, options?: CallOptions): Observable<void> {
    return this.call('create', options, (check) => ({ index: check.string('index', index) })).pipe(map((): void => undefined));
  }

  /**
   * Deletes an index and its collections; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `index` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_index` (412) when the index does not exist.
   */
  delete(index: string, options?: CallOptions): Observable<void> {
    return this.call('delete', options, (check) => ({ index: check.string('index', index) })).pipe(map((): void => undefined));
  }

  /**
   * Emits whether the index exists once, then completes.
   *
   * @throws {InvalidRequestError} when `index` is not a non-empty string.
   */
  exists(index: string, options?: CallOptions): Observable<boolean> {
    return this.call('exists', options, (check) => ({ index: check.string('index', index) }));
  }

  /**
   * Emits the names of the indexes the user may see once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `index:list`; the action has no
   * error of its own.
   */
  list(options?: CallOptions): Observable<readonly string[]> {
    return this.call<{ indexes: readonly string[] }>('list', options).pipe(map((r) => r.indexes));
  }

  /**
   * Deletes several indexes and emits the names of those deleted once, then completes. An index the user may not
   * delete, or that does not exist, is left out of the names, not an error.
   *
   * @throws {InvalidRequestError} when `indexes` is not an array of non-empty strings.
   */
  mDelete(indexes: readonly string[], options?: CallOptions): Observable<readonly string[]> {
    return this.call<{ deleted: readonly string[] }>('mDelete', options, (check) => ({
      body: { indexes: check.strings('indexes', indexes) },
    })).pipe(map((r) => r.deleted));
  }

  /**
   * Emits the storage used by every index and collection once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `index:stats`; the action has no
   * error of its own.
   */
  stats(options?: CallOptions): Observable<IndexStats> {
    return this.call('stats', options);
  }
}
