import type { JsonObject } from '../json';
import { documentNotification, type DocumentAction, type NotificationOrigin } from './notifications';
import type { Rooms } from './rooms';

/** A changed document: what filters are tested against, and the `result` its notification carries. */
export interface DocumentChange {
  readonly _id: string;
  readonly source: JsonObject;
  readonly result: JsonObject;
  /** For createOrReplace: whether the write created the document (notified as create, else replace). */
  readonly created?: boolean;
}

export type ChangeKind = 'create' | 'replace' | 'update' | 'delete' | 'write';

type Dispatch = (roomIds: readonly string[], notification: JsonObject, scope: 'in' | 'out') => void;

/**
 * Turns document changes into scoped notifications. Like the real server, it remembers which rooms a
 * document matched when it was last notified: a replace or update that no longer matches one of
 * them sends that room a `scope: "out"` notification. A document never notified before (written
 * before the room existed) therefore leaves silently, as it does on the real server.
 */
export class DocumentNotifier {
  private readonly lastRooms = new Map<string, readonly string[]>();

  constructor(
    private readonly rooms: Rooms,
    private readonly dispatch: Dispatch,
  ) {}

  notify(origin: NotificationOrigin, kind: ChangeKind, changes: readonly DocumentChange[]): void {
    for (const change of changes) {
      const key = JSON.stringify([origin.index, origin.collection, change._id]);
      const previous = this.lastRooms.get(key) ?? [];
      const matched = this.rooms.match(origin.index, origin.collection, change.source, change._id);
      const action = this.actionOf(kind, change);
      const scope = action === 'delete' ? 'out' : 'in';
      if (matched.length > 0) {
        this.dispatch(matched, documentNotification(origin, action, scope, change.result), scope);
      }
      if (action === 'replace' || action === 'update') {
        const left = previous.filter((roomId) => !matched.includes(roomId));
        if (left.length > 0) {
          this.dispatch(left, documentNotification(origin, action, 'out', change.result), 'out');
        }
      }
      if (action !== 'delete' && matched.length > 0) {
        this.lastRooms.set(key, matched);
      } else {
        this.lastRooms.delete(key);
      }
    }
  }

  private actionOf(kind: ChangeKind, change: DocumentChange): DocumentAction {
    if (kind === 'write') {
      return change.created === true ? 'create' : 'replace';
    }
    return kind;
  }
}
