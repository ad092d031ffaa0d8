import type { Subscriber } from 'rxjs';
import type { Room } from './room';
import type { SubscriptionEvent, SubscriptionStatus } from '../vocabulary/subscription-status';

type Watcher = Subscriber<SubscriptionEvent>;

/**
 * The subscribers of `subscribeWithStatus()`, by room. They are also ordinary members of their room (that is how they
 * get its notifications and its error); this map only adds who is told of status changes. It is kept apart from the
 * rooms so that a room of plain `subscribe()` subscribers carries nothing for statuses: a room with no watcher has no
 * entry here. The lists are replaced, never changed in place, so a status is told to a stable list even when a
 * watcher leaves or joins from its own callback.
 */
export class RoomWatchers {
  private readonly byRoom = new Map<Room, readonly Watcher[]>();

  add(room: Room, watcher: Watcher): void {
    this.byRoom.set(room, [...(this.byRoom.get(room) ?? []), watcher]);
  }

  remove(room: Room, watcher: Watcher): void {
    const list = this.byRoom.get(room);
    if (!list?.includes(watcher)) return;
    const rest = list.filter((other) => other !== watcher);
    if (rest.length > 0) this.byRoom.set(room, rest);
    else this.byRoom.delete(room);
  }

  /** Forgets a room's watchers (it failed: its own error reaches them). */
  forget(room: Room): void {
    this.byRoom.delete(room);
  }

  /** Tells every watcher of `room` its new status. */
  tell(room: Room, status: SubscriptionStatus): void {
    const list = this.byRoom.get(room);
    if (list) for (const watcher of list) watcher.next(status);
  }
}
