import type { Subscriber } from 'rxjs';
import type { Volatile } from '../vocabulary/request';
import type { Notification } from '../vocabulary/notifications';
import type { Scope } from './options';
import { PENDING, roomIdOf, type RoomState } from './rooms/room-state';
import { stableKey } from './stable-key';

/** What identifies one server subscription. */
export interface RoomSpec {
  readonly index: string;
  readonly collection: string;
  readonly filters: Record<string, unknown>;
  readonly scope: Scope;
  readonly users: Scope;
  readonly volatile: Volatile | undefined;
}

/** The same key for the same spec, whatever the key order of its objects. */
export const roomKey = (spec: RoomSpec): string =>
  stableKey([spec.index, spec.collection, spec.filters, spec.scope, spec.users, spec.volatile ?? null]);

/** The filters part of a spec: rooms with the same one share a roomId on the server. */
export const filtersKey = (spec: RoomSpec): string => stableKey([spec.index, spec.collection, spec.filters]);

type Local = Subscriber<Notification>;
/** Shared by every room without subscribers of a kind: the lists are replaced, never changed in place. */
const NONE: readonly Local[] = [];

/**
 * One server subscription shared by every local subscriber with the same spec. Where it stands is `state`, which only
 * the registry changes, with what `roomTransition` returns.
 *
 * The local subscribers are held in plain arrays, replaced rather than changed in place so that a delivery sees a
 * stable list even when a subscriber leaves or joins from its own callback. Those that opted out of their own
 * client's notifications are kept apart. Arrays rather than a `share()`d stream of notifications: see RoomRegistry.
 */
export class Room {
  state: RoomState = PENDING;
  private everything = NONE;
  private othersOnly = NONE;

  constructor(
    readonly key: string,
    readonly spec: RoomSpec,
  ) {}

  /** The roomId it holds (or held, while restoring) on the server; undefined until acknowledged. */
  get roomId(): string | undefined {
    return roomIdOf(this.state);
  }

  get size(): number {
    return this.everything.length + this.othersOnly.length;
  }

  add(subscriber: Local, includeOwn: boolean): void {
    if (includeOwn) this.everything = this.everything.concat(subscriber);
    else this.othersOnly = this.othersOnly.concat(subscriber);
  }

  remove(subscriber: Local): void {
    this.everything = without(this.everything, subscriber);
    this.othersOnly = without(this.othersOnly, subscriber);
  }

  /** Hands a notification to each local subscriber, in turn; `own` when this client's request caused it. */
  deliver(notification: Notification, own: boolean): void {
    for (const subscriber of this.everything) subscriber.next(notification);
    if (!own) for (const subscriber of this.othersOnly) subscriber.next(notification);
  }

  /** Errors every local subscriber. */
  fail(error: Error): void {
    const all = [...this.everything, ...this.othersOnly];
    this.everything = NONE;
    this.othersOnly = NONE;
    for (const subscriber of all) subscriber.error(error);
  }
}

function without(list: readonly Local[], subscriber: Local): readonly Local[] {
  if (!list.includes(subscriber)) return list;
  return list.length === 1 ? NONE : list.filter((s) => s !== subscriber);
}
