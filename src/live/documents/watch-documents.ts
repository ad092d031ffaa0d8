import { defer, map, type Observable } from 'rxjs';
import * as z from 'zod/mini';
import type { KuzzleClient } from '../../client/kuzzle-client';
import { ArgumentCheck } from '../../controllers/arguments';
import { inCollection } from '../../controllers/collection/in-collection';
import type { MGetResult } from '../../controllers/document/types';
import { InvalidRequestError } from '../../vocabulary/errors/client-errors';
import { validateOptions } from '../../options/validate';
import { RealtimeController } from '../../realtime/realtime-controller';
import type { WatchedDocuments } from '../types';
import { liveDocuments } from './live-documents';

/** Options of `document.watchDocuments()`. */
export interface WatchDocumentsOptions {
  /** Volatile data sent with the subscription and the fetches. @default undefined */
  readonly volatile?: Record<string, unknown>;
}

const optionsSchema = z.strictObject({ volatile: z.optional(z.record(z.string(), z.unknown())) });

/** The watched ids, checked (a non-empty array of non-empty strings) and deduplicated, in the order given. */
function watchedIds(check: ArgumentCheck, ids: readonly string[]): readonly string[] {
  check.strings('ids', ids);
  if (ids.length === 0) throw new InvalidRequestError(`${check.method}: ids must be a non-empty array, got an empty array`, { ids });
  return [...new Set(ids)];
}

/** Documents watched by id. See `DocumentController.watchDocuments()`. */
export function watchDocuments<S extends object>(
  client: KuzzleClient,
  index: string,
  collection: string,
  ids: readonly string[],
  options: WatchDocumentsOptions = {},
): Observable<WatchedDocuments<S>> {
  return defer(() => {
    const check = new ArgumentCheck('document.watchDocuments');
    const where = inCollection(check, index, collection);
    const watched = watchedIds(check, ids);
    const { volatile } = validateOptions(optionsSchema, options, 'WatchDocumentsOptions');
    const events$ = new RealtimeController(client).subscribeWithStatus(
      where.index,
      where.collection,
      { ids: { values: watched } },
      { scope: 'all', volatile },
    );
    const fetch$ = client
      .query<MGetResult<S>>({ controller: 'document', action: 'mGet', ...where, body: { ids: watched } }, { volatile })
      .pipe(map((response) => response.result));
    return liveDocuments<S>(watched, { events$, fetch$ });
  });
}
