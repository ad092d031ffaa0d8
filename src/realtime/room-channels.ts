import type { Notification } from '../vocabulary/notifications';
import { Room } from './room';

/**
 * The rooms of this client by channel, for routing notifications. A channel's one room is held as it is (the usual
 * case: no array, for the heap per subscription), several in an array. The arrays are replaced, never changed in
 * place, so a delivery loop sees a stable list even when a subscriber leaves or joins from its own callback.
 */
export class RoomChannels {
  private readonly byChannel = new Map<string, Room | readonly Room[]>();

  /** Moves `room` from channel `was` to channel `now` (either undefined: none). */
  move(room: Room, was: string | undefined, now: string | undefined): void {
    if (was === now) return;
    if (was !== undefined) {
      const rest = without(this.byChannel.get(was), room);
      if (rest) this.byChannel.set(was, rest);
      else this.byChannel.delete(was);
    }
    if (now !== undefined) this.byChannel.set(now, withRoom(this.byChannel.get(now), room));
  }

  /** Hands `notification` to the rooms of its channel; false when there is none. `own`: this client caused it. */
  deliver(notification: Notification, own: boolean): boolean {
    const rooms = this.byChannel.get(notification.room);
    if (!rooms) return false;
    if (rooms instanceof Room) rooms.deliver(notification, own);
    else for (const room of rooms) room.deliver(notification, own);
    return true;
  }
}

function withRoom(rooms: Room | readonly Room[] | undefined, room: Room): Room | readonly Room[] {
  if (rooms === undefined) return room;
  return rooms instanceof Room ? [rooms, room] : [...rooms, room];
}

function without(rooms: Room | readonly Room[] | undefined, room: Room): Room | readonly Room[] | undefined {
  if (rooms === undefined || rooms === room) return undefined;
  if (rooms instanceof Room) return rooms;
  const rest = rooms.filter((other) => other !== room);
  return rest.length === 1 ? rest[0] : rest;
}
