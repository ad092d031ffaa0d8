import { type Observable, throwError } from 'rxjs';
import type { QuerySender } from '../../controllers/BaseController';
import { InvalidRequestError } from '../../errors/ClientErrors';
import type { KuzzleClient } from '../../client/KuzzleClient';
import type { KoncordeFilter } from '../filters/index';
import type { LiveResult } from '../types';
import type { WatchOptions } from './options';

/**
 * A live query: the current result of a search, kept current. See `DocumentController.watch()`.
 */
export function watchQuery<S extends object>(
  client: KuzzleClient & QuerySender,
  index: string,
  collection: string,
  query: KoncordeFilter,
  options: WatchOptions<S> = {},
): Observable<LiveResult<S>> {
  return throwError(() => new InvalidRequestError('document.watch: not implemented yet', { client, index, collection, query, options }));
}
