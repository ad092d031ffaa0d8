import type { KuzzleDocument } from '../../controllers/document/types';
import type { Notification } from '../../vocabulary/notifications';
import { writtenAt } from '../query/changes';

/** What a notification says of one watched document: its new version, or `null` once it is deleted. */
export interface DocumentChange<S extends object> {
  readonly id: string;
  readonly document: KuzzleDocument<S> | null;
  /**
   * When the server made the change, to compare with a fetched document's `_kuzzle_info`: the written `_source`'s
   * own `_kuzzle_info` time when the notification carries one (creates, updates), else the notification's
   * `timestamp` (replaces, deletes: a deleted document's `_kuzzle_info` is that of its last write, not of the delete).
   * A notification without either is newer than anything: it was received, so it happened.
   */
  readonly time: number;
}

/**
 * The change a document notification reports, or `undefined` for a notification that changes no stored document
 * (a published message, a user entering the room).
 */
export function changeOf<S extends object>(notification: Notification): DocumentChange<S> | undefined {
  if (notification.type !== 'document' || notification.event === 'publish') return undefined;
  const { _id: id, _source: source, _version: version } = notification.result;
  if (typeof id !== 'string') return undefined;
  const timestamp = notification.timestamp ?? Number.POSITIVE_INFINITY;
  if (notification.event === 'delete') return { id, document: null, time: timestamp };
  if (notification.scope !== 'in' || source === undefined) return undefined;
  // Update and replace notifications carry no `_version`: such a document has none until it is fetched again.
  const document = (
    version === undefined ? { _id: id, _source: source } : { _id: id, _source: source, _version: version }
  ) as KuzzleDocument<S>;
  const written = writtenAt(document);
  return { id, document, time: Number.isFinite(written) ? written : timestamp };
}
