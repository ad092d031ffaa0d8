import { Koncorde, type NormalizedFilter } from 'koncorde';
import { kerror } from '../errors';
import type { JsonObject } from '../json';
import type { ChannelSpec } from './channel';

export interface ServerRoom {
  readonly id: string;
  readonly index: string;
  readonly collection: string;
  /** Channels ever opened on the room; like the real server, they live as long as the room. */
  readonly channels: Map<string, ChannelSpec>;
  /** Connections that joined each channel. */
  readonly members: Map<string, Set<string>>;
  readonly connections: Set<string>;
}

/** Koncorde indexes filters by index and collection joined with a slash, as the real server does. */
function koncordeIndex(index: string, collection: string): string {
  return `${index}/${collection}`;
}

/**
 * Rooms (one per distinct filter, the room id being Koncorde's filter id, so equal filters share a
 * room across clients), their channels, and each connection's subscriptions with the volatile data
 * of its first subscribe, which the real server reuses in the "user left" notification.
 */
export class Rooms {
  private readonly koncorde: Koncorde;
  private readonly rooms = new Map<string, ServerRoom>();
  private readonly subscriptions = new Map<string, Map<string, JsonObject | null>>();

  constructor(seed: Buffer) {
    // Koncorde's typings say ArrayBuffer but its constructor checks for a 32-byte Buffer.
    const typedSeed = seed as unknown as ArrayBuffer;
    this.koncorde = new Koncorde({ maxConditions: 50, regExpEngine: 're2', seed: typedSeed });
  }

  normalize(index: string, collection: string, filters: JsonObject): NormalizedFilter {
    try {
      return this.koncorde.normalize(filters, koncordeIndex(index, collection));
    } catch (error) {
      throw kerror('api.assert.koncorde_dsl_error', error instanceof Error ? error.message : String(error));
    }
  }

  /** Opens the room of a normalized filter if needed, and returns it. */
  open(normalized: NormalizedFilter, index: string, collection: string): ServerRoom {
    const existing = this.rooms.get(normalized.id);
    if (existing !== undefined) {
      return existing;
    }
    this.koncorde.store(normalized);
    const room: ServerRoom = { id: normalized.id, index, collection, channels: new Map(), members: new Map(), connections: new Set() };
    this.rooms.set(room.id, room);
    return room;
  }

  get(roomId: string): ServerRoom | undefined {
    return this.rooms.get(roomId);
  }

  isSubscribed(connectionId: string, roomId: string): boolean {
    return this.subscriptions.get(connectionId)?.has(roomId) ?? false;
  }

  /** Records a connection entering a room (its first channel there). */
  enter(connectionId: string, room: ServerRoom, volatile: JsonObject | null): void {
    const rooms = this.subscriptions.get(connectionId) ?? new Map<string, JsonObject | null>();
    rooms.set(room.id, volatile);
    this.subscriptions.set(connectionId, rooms);
    room.connections.add(connectionId);
  }

  joinChannel(connectionId: string, room: ServerRoom, channel: ChannelSpec): void {
    room.channels.set(channel.name, channel);
    const members = room.members.get(channel.name) ?? new Set<string>();
    members.add(connectionId);
    room.members.set(channel.name, members);
  }

  /**
   * Takes a connection out of every channel of a room, closing the room when it empties. Returns the
   * volatile data of its subscription.
   */
  leave(connectionId: string, roomId: string): { room: ServerRoom; volatile: JsonObject | null; closed: boolean } {
    const rooms = this.subscriptions.get(connectionId);
    const room = this.rooms.get(roomId);
    if (rooms === undefined || !rooms.has(roomId) || room === undefined) {
      throw kerror('core.realtime.not_subscribed', connectionId, roomId);
    }
    const volatile = rooms.get(roomId) ?? null;
    rooms.delete(roomId);
    if (rooms.size === 0) {
      this.subscriptions.delete(connectionId);
    }
    for (const members of room.members.values()) {
      members.delete(connectionId);
    }
    room.connections.delete(connectionId);
    const closed = room.connections.size === 0;
    if (closed) {
      this.rooms.delete(roomId);
      this.koncorde.remove(roomId, koncordeIndex(room.index, room.collection));
    }
    return { room, volatile, closed };
  }

  roomsOf(connectionId: string): string[] {
    return [...(this.subscriptions.get(connectionId)?.keys() ?? [])];
  }

  /** Rooms whose filters match a document (its `_id` is visible to filters, as on the real server). */
  match(index: string, collection: string, source: JsonObject, _id: string | undefined): string[] {
    const data = _id === undefined ? source : { ...source, _id };
    return this.koncorde.test(data, koncordeIndex(index, collection));
  }

  count(roomId: string): number {
    return this.rooms.get(roomId)?.connections.size ?? 0;
  }

  /** `realtime:list`: subscriber counts by index, collection and room. */
  list(): JsonObject {
    const listing: Record<string, Record<string, Record<string, number>>> = {};
    for (const room of this.rooms.values()) {
      const collections = (listing[room.index] ??= {});
      const rooms = (collections[room.collection] ??= {});
      rooms[room.id] = room.connections.size;
    }
    return listing;
  }
}
