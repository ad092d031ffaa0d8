import { makeStateKey, type StateKey } from '@angular/core';
import type { KuzzleDocument } from 'kuzzle-rx';

/** What `injectLiveQuery(..., { transferKey })` hands from server-side rendering to the browser (JSON). */
export interface TransferredLiveResult<S extends object = Record<string, unknown>> {
  readonly documents: ReadonlyArray<KuzzleDocument<S>>;
  readonly total: number;
}

/**
 * The `TransferState` key under which `injectLiveQuery(..., { transferKey })` stores the server-rendered result. An
 * app that fetched the result on the server another way may store it there itself: the browser starts from it alike.
 *
 * @example Hand over a result fetched on the server otherwise
 * ```ts
 * declare const documents: ReadonlyArray<KuzzleDocument<{ total: number }>>;
 * inject(TransferState).set(liveQueryStateKey<{ total: number }>('orders'), { documents, total: documents.length });
 * ```
 */
export function liveQueryStateKey<S extends object = Record<string, unknown>>(transferKey: string): StateKey<TransferredLiveResult<S>> {
  return makeStateKey<TransferredLiveResult<S>>(`kuzzle-rx:live:${transferKey}`);
}
