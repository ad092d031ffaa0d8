import type { Scope, Volatile } from 'kuzzle-rx';
import type { FakeWebSocket } from './fake-web-socket';
import { deepEqual, show, stableKey } from './json';
import type { SentFrame } from './response-frames';

/** A subscription the backend acknowledged, on a connection still open. */
export interface LiveSubscription {
  readonly index: string;
  readonly collection: string;
  /** The Koncorde filters, as sent (the request's `body`). */
  readonly filters: Readonly<Record<string, unknown>>;
  readonly scope: Scope;
  readonly users: Scope;
  /** The subscription's volatile data, as sent (the client adds its own fields to it). */
  readonly volatile: Volatile | null;
  /** Shared by every subscription to the same index, collection and filters, as on the server. */
  readonly roomId: string;
  /** Where its notifications go: one per roomId, scope and users. */
  readonly channel: string;
}

/**
 * Which live subscriptions a pushed notification is for: one channel, every channel of a room, or the subscriptions
 * to a collection (those with exactly these `filters`, when given). The backend does not evaluate filters: a test
 * says which subscriptions the change concerns.
 */
export type SubscriptionTarget =
  | { readonly channel: string }
  | { readonly roomId: string }
  | { readonly index: string; readonly collection: string; readonly filters?: Readonly<Record<string, unknown>> };

interface Entry extends LiveSubscription {
  readonly socket: FakeWebSocket;
}

const scopeOf = (value: unknown): Scope => (value === 'in' || value === 'out' || value === 'none' || value === 'all' ? value : 'all');

/** What a `realtime:subscribe` asks for, with the server's defaults made explicit. */
function parseSubscribe(frame: SentFrame): Omit<LiveSubscription, 'roomId' | 'channel'> {
  const body = frame['body'];
  const volatile = frame['volatile'];
  return {
    index: String(frame['index']),
    collection: String(frame['collection']),
    filters: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
    scope: scopeOf(frame['scope']),
    users: frame['users'] === undefined ? 'none' : scopeOf(frame['users']),
    volatile: typeof volatile === 'object' && volatile !== null ? (volatile as Volatile) : null,
  };
}

/**
 * The server's side of the subscriptions: the roomId of each set of filters (stable for the backend's life, so a
 * restored subscription gets its channel back) and the live subscriptions of each connection. A subscription lives
 * as long as its connection: one on a closed socket is gone, as on the server.
 */
export class SubscriptionTable {
  private readonly roomIds = new Map<string, string>();
  private entries: Entry[] = [];

  /** The roomId and channel the server gives a `realtime:subscribe` request. */
  idsFor(frame: SentFrame): { readonly roomId: string; readonly channel: string } {
    const asked = parseSubscribe(frame);
    const key = stableKey([asked.index, asked.collection, asked.filters]);
    const roomId = this.roomIds.get(key) ?? `room-${this.roomIds.size + 1}`;
    this.roomIds.set(key, roomId);
    return { roomId, channel: `${roomId}-${asked.scope}-${asked.users}` };
  }

  /** A subscribe request was answered with `result`: its subscription is live on `socket`. */
  add(frame: SentFrame, result: unknown, socket: FakeWebSocket): void {
    const ids = result as { roomId?: unknown; channel?: unknown } | null;
    if (typeof ids?.roomId !== 'string' || typeof ids.channel !== 'string') return;
    const { roomId, channel } = ids;
    if (this.live().some((entry) => entry.socket === socket && entry.channel === channel)) return;
    this.entries = [...this.live(), { ...parseSubscribe(frame), roomId, channel, socket }];
  }

  /** `realtime:unsubscribe` removes every channel of the room from the connection. */
  remove(roomId: unknown, socket: FakeWebSocket): void {
    this.entries = this.live().filter((entry) => entry.socket !== socket || entry.roomId !== roomId);
  }

  /** The live subscriptions, oldest first. */
  list(): readonly LiveSubscription[] {
    return this.live().map(({ socket: _socket, ...subscription }) => subscription);
  }

  /** The live subscriptions `target` designates, with their connection. */
  select(target: SubscriptionTarget): readonly Entry[] {
    return this.live().filter((entry) => {
      if ('channel' in target) return entry.channel === target.channel;
      if ('roomId' in target) return entry.roomId === target.roomId;
      return (
        entry.index === target.index &&
        entry.collection === target.collection &&
        (target.filters === undefined || deepEqual(entry.filters, target.filters))
      );
    });
  }

  /** The live subscriptions, one a line, for a message. */
  describe(): string {
    const live = this.list();
    if (live.length === 0) return 'There is no live subscription.';
    const lines = live.map((s) => `  ${s.index}/${s.collection} ${show(s.filters)} scope=${s.scope} users=${s.users} channel=${s.channel}`);
    return `Live subscriptions:\n${lines.join('\n')}`;
  }

  private live(): Entry[] {
    return this.entries.filter((entry) => entry.socket.readyState === entry.socket.OPEN);
  }
}

/** A target as text, for a message. */
export function describeTarget(target: SubscriptionTarget): string {
  if ('channel' in target) return `channel ${target.channel}`;
  if ('roomId' in target) return `room ${target.roomId}`;
  return `${target.index}/${target.collection}${target.filters === undefined ? '' : ` ${show(target.filters)}`}`;
}
