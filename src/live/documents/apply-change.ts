import type { KuzzleDocument } from '../../controllers/document/types';
import type { DocumentChange } from './document-change';
import { sameDocument } from './same-document';

/** The watched documents: each id, in the order given, to its document or `null`. */
export type DocumentMap<S extends object> = ReadonlyMap<string, KuzzleDocument<S> | null>;

/**
 * The documents after a change notified while live: notifications come in server order, so the change is applied
 * as it is. The same map when nothing changed (an id not watched, or the version already held); else a new map in
 * which only that id has a new value.
 */
export function applyChange<S extends object>(documents: DocumentMap<S>, change: DocumentChange<S>): DocumentMap<S> {
  if (!documents.has(change.id) || sameDocument(documents.get(change.id), change.document)) return documents;
  return new Map(documents).set(change.id, change.document);
}
