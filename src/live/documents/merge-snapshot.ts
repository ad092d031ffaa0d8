import type { KuzzleDocument, MGetResult } from '../../controllers/document/types';
import { writtenAt } from '../query/changes';
import type { DocumentMap } from './apply-change';
import type { DocumentChange } from './document-change';
import { sameDocument } from './same-document';

/**
 * The last change notified for each id while a fetch was in flight (a delete is a tombstone: `document: null`).
 * Kept for that window only: once the fetch is merged, notifications apply as they come.
 */
export type ChangeWindow<S extends object> = ReadonlyMap<string, DocumentChange<S>>;

/**
 * Which of a fetched document and a change notified during the fetch is the newer. Newest wins by server time; a
 * tie goes to the change: if that is wrong (the fetch already held a later write), that write's own notification is
 * still to come and sets it right, whereas a change wrongly dropped would be lost for good. A fetched document
 * without `_kuzzle_info` is older than any change, for the same reason.
 */
function newest<S extends object>(fetched: KuzzleDocument<S> | null, change: DocumentChange<S> | undefined): KuzzleDocument<S> | null {
  if (change === undefined) return fetched;
  if (fetched === null) return change.document;
  const changeWins = change.time >= writtenAt(fetched);
  // The change may be the very write the fetch saw: keep the fetched version then, it has its `_version`.
  return changeWins && !sameDocument(fetched, change.document) ? change.document : fetched;
}

/**
 * The documents once a fetch (`mGet` of every watched id) is merged with the changes notified while it was in
 * flight. `previous` objects are kept for the ids whose document did not change, and `previous` itself is returned
 * when none did.
 */
export function mergeSnapshot<S extends object>(
  ids: readonly string[],
  previous: DocumentMap<S>,
  fetched: MGetResult<S>,
  window: ChangeWindow<S>,
): DocumentMap<S> {
  const found = new Map(fetched.successes.map((document) => [document._id, document]));
  const next = new Map<string, KuzzleDocument<S> | null>();
  let changed = previous.size !== ids.length;
  for (const id of ids) {
    const current = newest(found.get(id) ?? null, window.get(id));
    const before = previous.get(id);
    const kept = previous.has(id) && sameDocument(before, current) ? (before ?? null) : current;
    if (kept !== before || !previous.has(id)) changed = true;
    next.set(id, kept);
  }
  return changed ? next : previous;
}
