import type { KuzzleDocument, StoredSource } from '../../controllers/document/types';
import type { Notification } from '../../vocabulary/notifications';

/** A document as a live result holds it: its id and content, in a frozen object that is never changed. */
export type LiveDocument<S extends object> = KuzzleDocument<S>;

/** What a notification says happened to one document. */
export interface DocumentChange<S extends object> {
  readonly id: string;
  /** `write` (created, updated or replaced: `source` is the document now) or `delete`. */
  readonly kind: 'write' | 'delete';
  /** The document's content after a write; its content before, on a delete, when the server sent it. */
  readonly source: StoredSource<S> | undefined;
  /** The write created the document (it did not exist before). */
  readonly created: boolean;
  /**
   * When the server made the change, on the clock of the hits' `_kuzzle_info`: the written `_source`'s own
   * `_kuzzle_info` time when it carries one (creates, updates), else the notification's `timestamp` (replaces,
   * deletes; it is when the request arrived, a few ms before the write's own time).
   */
  readonly time: number;
  /** When the client received it, by the live query's clock. */
  readonly at: number;
}

const CREATES: ReadonlySet<string> = new Set(['create', 'mCreate']);

/**
 * A write notified without the id of its document: Kuzzle 2.56 notifies an `upsert` that creates a document with
 * the document's content as `result`, and no `_id`. The change cannot be applied: only a new snapshot shows it.
 */
export function isUnidentifiedWrite(notification: Notification): boolean {
  if (notification.type !== 'document' || notification.event === 'publish' || notification.event === 'delete') return false;
  const id = notification.result._id;
  return typeof id !== 'string' || id === '';
}

/**
 * The document change a notification tells, or null when it tells none (a published message, a user entering a
 * room). A notification without `timestamp` counts as newer than any snapshot: it was received, so it happened.
 */
export function changeOf<S extends object>(notification: Notification, at: number): DocumentChange<S> | null {
  if (notification.type !== 'document' || notification.event === 'publish') return null;
  const { _id: id, _source: source, _version: version } = notification.result;
  if (typeof id !== 'string' || id === '') return null;
  const deleted = notification.event === 'delete';
  return {
    id,
    kind: deleted ? 'delete' : 'write',
    source: source as StoredSource<S> | undefined,
    // Only a first write carries version 1: updates and replacements carry none.
    created: !deleted && (CREATES.has(notification.action) || version === 1),
    time: (deleted ? undefined : sourceWrittenAt(source)) ?? notification.timestamp ?? Number.POSITIVE_INFINITY,
    at,
  };
}

/** When the server last wrote a `_source`, by its `_kuzzle_info` (undefined without one: a replace, a delete). */
function sourceWrittenAt(source: unknown): number | undefined {
  const info = (source as { _kuzzle_info?: { updatedAt?: number | null; createdAt?: number } } | undefined)?._kuzzle_info;
  return info?.updatedAt ?? info?.createdAt ?? undefined;
}

/** When the server last wrote a document, by its `_kuzzle_info`; -Infinity when it has none (any change is newer). */
export function writtenAt(document: KuzzleDocument<object>): number {
  return sourceWrittenAt(document._source) ?? Number.NEGATIVE_INFINITY;
}

/** A frozen `{ _id, _source }`: what a live result holds, whatever it came from (a hit, a notification, `initial`). */
export const liveDocument = <S extends object>(id: string, source: StoredSource<S>): LiveDocument<S> =>
  Object.freeze({ _id: id, _source: source });
