import {
  catchError,
  defer,
  EMPTY,
  ignoreElements,
  map,
  merge,
  Observable,
  tap,
  type ObservableInput,
  type Subscriber,
  type Unsubscribable,
} from 'rxjs';
import type { KuzzleEvent } from '../vocabulary/events';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';
import { ConnectionLostError } from '../vocabulary/errors/client-errors';
import { SubscriptionLostError } from '../vocabulary/errors/client-errors';
import type { Notification } from '../vocabulary/notifications';
import { filtersKey, Room, roomKey, type RoomSpec } from './room';
import { RoomWatchers, statusOf } from './room-watchers';
import type { SubscriptionEvent } from '../vocabulary/subscription-status';

export interface RoomRegistryDeps {
  /** Sends a request; `bypassQueue` for restoration, which runs before the client reports itself connected. */
  readonly request: (request: KuzzleRequest, options: RequestOptions, bypassQueue: boolean) => Observable<KuzzleResponse>;
  readonly emit: (event: KuzzleEvent) => void;
  readonly instanceId: string;
  readonly isConnected: () => boolean;
}

interface SubscribeResult {
  readonly roomId: string;
  readonly channel: string;
}

/**
 * Every server subscription of the client: shared between local subscribers, routed by channel, unsubscribed on the
 * server when its last local subscriber leaves (and no other room of this client uses its roomId), restored on each
 * new socket. Subscribers that asked for statuses share the rooms of the others and are told, besides, when their
 * room is acknowledged, loses its link and is restored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  /** Rooms by channel. The arrays are replaced, never changed in place, so a delivery loop sees a stable list. */
  private readonly byChannel = new Map<string, readonly Room[]>();
  private readonly watchers = new RoomWatchers();

  constructor(private readonly deps: RoomRegistryDeps) {}

  observe(spec: RoomSpec, subscribeToSelf: boolean): Observable<Notification> {
    return new Observable<Notification>((subscriber) => this.join(spec, subscribeToSelf, subscriber));
  }

  /** The notifications of `observe()` and the room's status changes, in one stream, its current status first. */
  observeWithStatus(spec: RoomSpec, subscribeToSelf: boolean): Observable<SubscriptionEvent> {
    return new Observable<SubscriptionEvent>((subscriber) => this.join(spec, subscribeToSelf, subscriber, subscriber));
  }

  /**
   * The link dropped: every live room is restoring until it is subscribed again on the next socket. Called before
   * the requests in flight end, so that a watcher hears of it before any request of its own fails.
   */
  suspend(): void {
    for (const room of Array.from(this.rooms.values())) this.markRestoring(room);
  }

  /**
   * Adds a local subscriber to the room of `spec`, opening it if needed; what it returns makes it leave. A `watcher`
   * (the same subscriber, typed for statuses) is told the room's status now and at each change.
   */
  private join(
    spec: RoomSpec,
    includeOwn: boolean,
    subscriber: Subscriber<Notification>,
    watcher?: Subscriber<SubscriptionEvent>,
  ): Unsubscribable | undefined {
    const key = roomKey(spec);
    const room = this.rooms.get(key) ?? this.open(key, spec);
    // open() fails at once when the request cannot even be sent (offline): say so to this subscriber too.
    if (room.failure) {
      subscriber.error(room.failure);
      return undefined;
    }
    room.add(subscriber, includeOwn);
    // An object rather than a closure: it is kept for as long as the subscription lives, and it is the smaller.
    const membership = new Membership(this, room, subscriber);
    if (watcher) {
      this.watchers.add(room, watcher);
      // If this makes the subscriber unsubscribe, rxjs runs the membership's teardown as soon as it is returned.
      watcher.next(statusOf(room));
    }
    return membership;
  }

  /** A local subscriber leaves; the room closes after its last one. */
  leave(room: Room, subscriber: Subscriber<Notification>): void {
    room.remove(subscriber);
    this.watchers.remove(room, subscriber);
    if (room.size === 0) this.close(room);
  }

  /** Routes a notification to the rooms of its channel; false when no room of this client has that channel. */
  dispatch(notification: Notification): boolean {
    const rooms = this.byChannel.get(notification.room);
    if (!rooms) return false;
    const own = notification.volatile?.['sdkInstanceId'] === this.deps.instanceId;
    for (const room of rooms) room.deliver(notification, own);
    return true;
  }

  /**
   * Re-subscribes every live or restoring room on the current socket; a room the server refuses errors. Never errors
   * itself. A room still live (the server dropped it while the link stayed up: token expiry) is restoring from now.
   */
  restore$(): Observable<never> {
    return defer(() => {
      const held = [...this.rooms.values()].filter((room) => room.status === 'live' || room.status === 'restoring');
      for (const room of held) this.markRestoring(room);
      // A watcher may have left on hearing it, closing its room.
      return merge(...held.filter((room) => room.status === 'restoring').map((room) => this.resubscribe(room)));
    }).pipe(ignoreElements());
  }

  /** Errors every room (their subscribers get `error`) and forgets them: used when they cannot be restored. */
  failAll(error: (room: Room) => Error): void {
    // A snapshot: a subscriber that subscribes again from its error handler opens a new room, which must not fail.
    for (const room of Array.from(this.rooms.values())) this.fail(room, error(room));
  }

  private open(key: string, spec: RoomSpec): Room {
    const room = new Room(key, spec);
    this.rooms.set(key, room);
    room.request = this.subscribeRequest(room, false, { resendAfterReconnect: true }).subscribe({
      next: (result) => {
        room.request = undefined;
        this.attach(room, result);
        if (room.status === 'closed') {
          this.deps.emit({ type: 'subscribed', ...this.info(room, result) });
          this.unsubscribeOnServer(room);
          return;
        }
        room.status = 'live';
        // Watchers before the event: one that joins from an events$ handler is told `live` once, by join().
        this.watchers.tell(room, statusOf(room));
        this.deps.emit({ type: 'subscribed', ...this.info(room, result) });
      },
      error: (error: unknown) => this.fail(room, error instanceof Error ? error : new Error(String(error))),
    });
    return room;
  }

  private resubscribe(room: Room): ObservableInput<unknown> {
    return this.subscribeRequest(room, true, {}).pipe(
      tap((result) => {
        this.attach(room, result);
        // Its last subscriber left while it was restored: the server holds it again, so unsubscribe now.
        if (room.status === 'closed') {
          this.unsubscribeOnServer(room, true);
          return;
        }
        room.status = 'live';
        this.watchers.tell(room, statusOf(room, true));
        // A watcher that left on hearing it closed the room, which close() cannot unsubscribe before the client is
        // connected again: the socket is open, do it now.
        if (room.status !== 'live') {
          if (!this.deps.isConnected()) this.unsubscribeOnServer(room, true);
          return;
        }
        this.deps.emit({ type: 'resubscribed', ...this.info(room, result) });
      }),
      catchError((error: unknown) => {
        // The link dropped again: the next socket restores it.
        if (error instanceof ConnectionLostError) return EMPTY;
        this.fail(room, new SubscriptionLostError(room.roomId, error));
        return EMPTY;
      }),
    );
  }

  private subscribeRequest(room: Room, bypassQueue: boolean, options: RequestOptions): Observable<SubscribeResult> {
    const { spec } = room;
    const request: KuzzleRequest = {
      controller: 'realtime',
      action: 'subscribe',
      index: spec.index,
      collection: spec.collection,
      body: spec.filters,
      scope: spec.scope,
      users: spec.users,
      ...(spec.volatile ? { volatile: spec.volatile } : {}),
    };
    return this.deps.request(request, options, bypassQueue).pipe(map((response) => response.result as SubscribeResult));
  }

  private attach(room: Room, result: SubscribeResult): void {
    this.unlink(room);
    room.roomId = result.roomId;
    room.channel = result.channel;
    if (room.status === 'closed') return;
    this.byChannel.set(result.channel, [...(this.byChannel.get(result.channel) ?? []), room]);
  }

  private detach(room: Room): void {
    if (this.rooms.get(room.key) === room) this.rooms.delete(room.key);
    this.unlink(room);
  }

  private unlink(room: Room): void {
    if (room.channel === undefined) return;
    const rest = (this.byChannel.get(room.channel) ?? []).filter((other) => other !== room);
    if (rest.length > 0) this.byChannel.set(room.channel, rest);
    else this.byChannel.delete(room.channel);
  }

  private markRestoring(room: Room): void {
    if (room.status !== 'live') return;
    room.status = 'restoring';
    this.watchers.tell(room, statusOf(room));
  }

  private close(room: Room): void {
    // A restoring room is not held by the server: if its restoration is acknowledged, resubscribe() unsubscribes it.
    const wasLive = room.status === 'live';
    room.status = 'closed';
    this.detach(room);
    // A pending subscription is unsubscribed once the server acknowledges it (see open()).
    if (wasLive) this.unsubscribeOnServer(room);
  }

  private fail(room: Room, error: Error): void {
    room.status = 'closed';
    this.detach(room);
    room.request?.unsubscribe();
    this.watchers.forget(room);
    room.fail(error);
  }

  /** `realtime:unsubscribe` removes every channel of the roomId: only when no other room of ours needs it. */
  private unsubscribeOnServer(room: Room, restoring = false): void {
    const { roomId } = room;
    if (roomId === undefined || (!restoring && !this.deps.isConnected())) return;
    const filters = filtersKey(room.spec);
    for (const other of this.rooms.values()) {
      if (other.roomId === roomId) return;
      if (other.status === 'pending' && filtersKey(other.spec) === filters) return;
    }
    this.deps
      .request(
        { controller: 'realtime', action: 'unsubscribe', index: room.spec.index, collection: room.spec.collection, body: { roomId } },
        { queuable: false },
        restoring,
      )
      .subscribe({ error: () => undefined });
  }

  private info(room: Room, result: SubscribeResult) {
    return { roomId: result.roomId, channel: result.channel, index: room.spec.index, collection: room.spec.collection };
  }
}

/** One local subscriber's place in a room, until it unsubscribes. */
class Membership implements Unsubscribable {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly room: Room,
    private readonly subscriber: Subscriber<Notification>,
  ) {}

  unsubscribe(): void {
    this.registry.leave(this.room, this.subscriber);
  }
}
