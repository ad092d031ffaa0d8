import { randomUUID } from 'node:crypto';
import type { ConnectionRegistry } from '../connections';
import type { JsonObject } from '../json';
import type { ServerRequest } from '../request';
import { channelFor } from './channel';
import { DocumentNotifier } from './document-notifier';
import { documentNotification, userNotification, withRoom, type NotificationOrigin } from './notifications';
import { Rooms, type ServerRoom } from './rooms';

/** The fields a notification copies from the request that caused it. */
export function originOf(request: ServerRequest, index: string, collection: string): NotificationOrigin {
  return {
    requestId: request.id,
    timestamp: request.timestamp,
    volatile: request.volatile,
    index,
    collection,
    controller: request.controller ?? '',
    protocol: request.protocol,
  };
}

/**
 * Subscriptions and notification delivery. Rebuilt on restart (subscriptions die with their sockets);
 * the seed survives so equal filters keep their room ids.
 */
export class RealtimeEngine {
  readonly rooms: Rooms;
  readonly documents: DocumentNotifier;

  constructor(
    seed: Buffer,
    private readonly connections: ConnectionRegistry,
  ) {
    this.rooms = new Rooms(seed);
    this.documents = new DocumentNotifier(this.rooms, (roomIds, notification, scope) =>
      this.dispatchDocument(roomIds, notification, scope),
    );
  }

  subscribe(request: ServerRequest, connectionId: string): JsonObject {
    const { index, collection } = request.requireIndexAndCollection();
    const normalized = this.rooms.normalize(index, collection, request.requireBody());
    const channel = channelFor(normalized.id, request);
    const room = this.rooms.open(normalized, index, collection);
    if (!this.rooms.isSubscribed(connectionId, room.id)) {
      this.rooms.enter(connectionId, room, request.volatile);
      // Sent before the subscriber joins its channel: like the real server, nobody hears of their own arrival.
      const origin = originOf(request, index, collection);
      this.dispatchUser(room, userNotification(origin, 'subscribe', 'in', room.connections.size), 'in');
    }
    this.rooms.joinChannel(connectionId, room, channel);
    return { channel: channel.name, roomId: room.id };
  }

  unsubscribe(connectionId: string, roomId: string): void {
    const { room, volatile, closed } = this.rooms.leave(connectionId, roomId);
    if (closed) {
      return;
    }
    const origin: NotificationOrigin = {
      requestId: randomUUID(),
      timestamp: Date.now(),
      volatile,
      index: room.index,
      collection: room.collection,
      controller: 'realtime',
      protocol: null,
    };
    this.dispatchUser(room, userNotification(origin, 'unsubscribe', 'out', room.connections.size), 'out');
  }

  /** Notifies the rooms matching a published message, which is never stored. */
  publish(request: ServerRequest, source: JsonObject): void {
    const { index, collection } = request.requireIndexAndCollection();
    const matched = this.rooms.match(index, collection, source, request._id);
    if (matched.length > 0) {
      const result = { _id: request._id, _source: source };
      this.dispatchDocument(matched, documentNotification(originOf(request, index, collection), 'publish', 'in', result), 'in');
    }
  }

  removeConnection(connectionId: string): void {
    for (const roomId of this.rooms.roomsOf(connectionId)) {
      this.unsubscribe(connectionId, roomId);
    }
  }

  private dispatchDocument(roomIds: readonly string[], notification: JsonObject, scope: 'in' | 'out'): void {
    for (const roomId of roomIds) {
      const room = this.rooms.get(roomId);
      if (room !== undefined) {
        this.deliver(room, notification, (channel) => channel.scope === 'all' || channel.scope === scope);
      }
    }
  }

  private dispatchUser(room: ServerRoom, notification: JsonObject, user: 'in' | 'out'): void {
    this.deliver(room, notification, (channel) => channel.users === 'all' || channel.users === user);
  }

  private deliver(room: ServerRoom, notification: JsonObject, wants: (channel: { scope: string; users: string }) => boolean): void {
    for (const [name, channel] of room.channels) {
      const members = room.members.get(name);
      if (!wants(channel) || members === undefined || members.size === 0) {
        continue;
      }
      const text = withRoom(notification, name);
      for (const connectionId of members) {
        this.connections.send(connectionId, text);
      }
    }
  }
}
