import { type Observable, throwError } from 'rxjs';
import type { KuzzleClient } from '../../client/KuzzleClient';
import { InvalidRequestError } from '../../errors/ClientErrors';
import type { WatchedDocuments } from '../types';

/** Options of `document.watchDocuments()`. */
export interface WatchDocumentsOptions {
  /** Volatile data sent with the subscription and the fetches. @default undefined */
  readonly volatile?: Record<string, unknown>;
}

/** Documents watched by id. See `DocumentController.watchDocuments()`. */
export function watchDocuments<S extends object>(
  client: KuzzleClient,
  index: string,
  collection: string,
  ids: readonly string[],
  options: WatchDocumentsOptions = {},
): Observable<WatchedDocuments<S>> {
  return throwError(() => new InvalidRequestError('document.watchDocuments: not implemented yet', { client, index, collection, ids, options }));
}
