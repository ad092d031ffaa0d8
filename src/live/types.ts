import type { KuzzleDocument } from '../controllers/document/document-controller';

/**
 * Where a live query stands:
 * - `loading`: subscribing, then fetching the first snapshot (`documents` is empty, or the initial documents given);
 * - `live`: the result is the server's, kept current by notifications;
 * - `resyncing`: the subscription is being restored or a new snapshot fetched (after a link loss, or a suspected
 *   missed notification); `documents` is the last known result until the new one is merged.
 */
export type LiveStatus = 'loading' | 'live' | 'resyncing';

/**
 * One value of `document.watch()`: the current result of the query. Immutable: a new array per change, and a document
 * that did not change keeps its object identity (so `track`/OnPush/signals see exactly what changed).
 */
export interface LiveResult<S extends object = Record<string, unknown>> {
  readonly status: LiveStatus;
  /** The matching documents, in the query's sort order (by `_id` when it has none), at most `size` of them. */
  readonly documents: ReadonlyArray<KuzzleDocument<S>>;
  /** How many documents match on the server (may exceed `documents.length` when the result is bounded). */
  readonly total: number;
}

/**
 * One value of `document.watchDocuments()`: each watched id mapped to its document, or to `null` once it does not
 * exist (never created, or deleted). Immutable, with unchanged documents keeping their identity.
 */
export interface WatchedDocuments<S extends object = Record<string, unknown>> {
  readonly status: LiveStatus;
  readonly documents: ReadonlyMap<string, KuzzleDocument<S> | null>;
}
