import {
  catchError,
  defer,
  EMPTY,
  ignoreElements,
  map,
  merge,
  Observable,
  Subject,
  Subscription,
  tap,
  type Subscriber,
  type Unsubscribable,
} from 'rxjs';
import type { KuzzleEvent } from '../vocabulary/events';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';
import { ConnectionLostError } from '../vocabulary/errors/client-errors';
import type { Notification } from '../vocabulary/notifications';
import type { SubscriptionEvent } from '../vocabulary/subscription-status';
import { Room, roomKey, type RoomSpec } from './room';
import { RoomWatchers } from './room-watchers';
import { RoomChannels } from './room-channels';
import { channelOf, statusOf, type SubscribeResult } from './rooms/room-state';
import { subscribeRequest, unsubscribeRequest } from './rooms/room-requests';
import { type RoomEffect, type RoomEvent, roomTransition } from './rooms/room-transition';
import { unsubscribeNeeded } from './rooms/unsubscribe-needed';

/** What the registry reports: a room acknowledged, first or after a restoration. */
export type RoomReport = Extract<KuzzleEvent, { readonly type: 'subscribed' | 'resubscribed' }>;

export interface RoomRegistryDeps {
  /** Sends a request; `bypassQueue` for restoration, which runs before the client reports itself connected. */
  readonly request: (request: KuzzleRequest, options: RequestOptions, bypassQueue: boolean) => Observable<KuzzleResponse>;
  readonly instanceId: string;
  readonly isConnected: () => boolean;
}

const LINK_LOST: RoomEvent = Object.freeze({ type: 'linkLost' });
const RESTORE_STARTED: RoomEvent = Object.freeze({ type: 'restoreStarted' });
const LAST_SUBSCRIBER_LEFT: RoomEvent = Object.freeze({ type: 'lastSubscriberLeft' });
/**
 * A first subscription is sent again on the next socket when the link drops before its acknowledgement, however many
 * times: a small frame that the server answers at once is the victim of a flaky link, not its cause.
 */
const FIRST_SUBSCRIPTION: RequestOptions = Object.freeze({ resendAfterReconnect: true, maxResends: Infinity });
const RESTORATION: RequestOptions = Object.freeze({});
const UNSUBSCRIPTION: RequestOptions = Object.freeze({ queuable: false });

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Every server subscription of the client: shared between local subscribers, routed by channel, unsubscribed on the
 * server when its last local subscriber leaves (and no other room of this client uses its roomId), restored on each
 * new socket. Subscribers that asked for statuses share the rooms of the others and are told, besides, when their
 * room is acknowledged, loses its link and is restored.
 *
 * A room's life is `roomTransition`, a pure function; this class feeds it events (acknowledgements, link losses,
 * subscribers leaving...) and does what it returns. Local subscribers are held by their room in plain arrays rather
 * than behind a `share()` per room, which keeps a Subject, a connection and a closure per subscriber for the life of
 * the room: measured with bench/main.ts's heap per subscription (2000 rooms), a `share()` per room took 3.44 KB per
 * subscription against 1.06 KB for these arrays.
 */
export class RoomRegistry {
  /** The acknowledgements (`subscribed`, `resubscribed`); only the registry reports here. */
  private readonly reported = new Subject<RoomReport>();
  /** The registry's events, for the client's `events$`. */
  readonly events$: Observable<RoomReport> = this.reported.asObservable();
  private readonly rooms = new Map<string, Room>();
  private readonly channels = new RoomChannels();
  private readonly watchers = new RoomWatchers();
  /**
   * The server requests that no local subscriber can own, since they outlive the last one: a room's first subscribe
   * request, which runs to its answer even when every subscriber left before it (only the answer tells the roomId to
   * unsubscribe), and the unsubscriptions of rooms nobody uses any more. This is the registry's one subscription: a
   * request leaves it once answered, or once the socket it was sent on is lost.
   */
  private readonly background = new Subscription();

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
    for (const room of Array.from(this.rooms.values())) this.apply(room, LINK_LOST);
  }

  /** A local subscriber leaves; the room closes after its last one. */
  leave(room: Room, subscriber: Subscriber<Notification>): void {
    room.remove(subscriber);
    this.watchers.remove(room, subscriber);
    if (room.size === 0) this.apply(room, LAST_SUBSCRIBER_LEFT);
  }

  /** Routes a notification to the rooms of its channel; false when no room of this client has that channel. */
  dispatch(notification: Notification): boolean {
    return this.channels.deliver(notification, notification.volatile?.['sdkInstanceId'] === this.deps.instanceId);
  }

  /**
   * Re-subscribes every live or restoring room on the current socket; a room the server refuses errors. Never errors
   * itself. A room still live (the server dropped it while the link stayed up: token expiry) is restoring from now.
   */
  restore$(): Observable<never> {
    return defer(() => {
      // Every watcher is told `restoring` before any request goes: one may leave on hearing it, closing its room.
      const restoring: Room[] = [];
      for (const room of Array.from(this.rooms.values())) {
        if (this.apply(room, RESTORE_STARTED).some(isSubscribe)) restoring.push(room);
      }
      return merge(...restoring.map((room) => this.resubscribe$(room)));
    });
  }

  /** Errors every room (their subscribers get `error`) and forgets them: used when they cannot be restored. */
  failAll(error: (room: Room) => Error): void {
    // A snapshot: a subscriber that subscribes again from its error handler opens a new room, which must not fail.
    for (const room of Array.from(this.rooms.values())) this.apply(room, { type: 'failed', error: error(room) });
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
  ): Unsubscribable {
    const key = roomKey(spec);
    const existing = this.rooms.get(key);
    const room = existing ?? new Room(key, spec);
    room.add(subscriber, includeOwn);
    // An object rather than a closure: it is kept for as long as the subscription lives, and it is the smaller.
    const membership = new Membership(this, room, subscriber);
    // The first subscriber sends the request. It fails at once when it cannot even be sent (offline): the room then
    // closed and errored this subscriber, whom rxjs makes leave as soon as the membership is returned.
    if (!existing) this.open(room);
    const { state } = room;
    if (watcher && state.kind !== 'closed') {
      this.watchers.add(room, watcher);
      watcher.next(statusOf(state));
    }
    return membership;
  }

  private open(room: Room): void {
    this.rooms.set(room.key, room);
    const subscription$ = this.subscribe$(room.spec, false, FIRST_SUBSCRIPTION).pipe(
      tap((result) => this.apply(room, { type: 'acknowledged', result })),
      catchError((error: unknown) => {
        this.apply(room, { type: 'refused', error: asError(error) });
        return EMPTY;
      }),
    );
    this.own(subscription$);
  }

  /** The restoration of a room that is still restoring when its turn comes. */
  private resubscribe$(room: Room): Observable<never> {
    return defer(() => (room.state.kind === 'restoring' ? this.subscribe$(room.spec, true, RESTORATION) : EMPTY)).pipe(
      tap((result) => this.apply(room, { type: 'restored', result })),
      ignoreElements(),
      catchError((error: unknown) => {
        // The link dropped again: the next socket restores it.
        if (!(error instanceof ConnectionLostError)) this.apply(room, { type: 'refused', error: asError(error) });
        return EMPTY;
      }),
    );
  }

  /** Moves `room` on `event`, keeps the rooms and channels in step with its new state, and runs the effects. */
  private apply(room: Room, event: RoomEvent): readonly RoomEffect[] {
    const before = room.state;
    const { state, effects } = roomTransition(before, event);
    room.state = state;
    if (state !== before) {
      // A closed room leaves the registry; a room is routed the channel of its state, if any.
      if (state.kind === 'closed' && this.rooms.get(room.key) === room) this.rooms.delete(room.key);
      this.channels.move(room, channelOf(before), channelOf(state));
    }
    for (const effect of effects) this.run(room, effect);
    return effects;
  }

  private run(room: Room, effect: RoomEffect): void {
    switch (effect.type) {
      case 'tell':
        this.watchers.tell(room, effect.status);
        return;
      case 'report':
        if (effect.whileLive && room.state.kind !== 'live') return;
        this.reported.next({ type: effect.event, ...effect.result, index: room.spec.index, collection: room.spec.collection });
        return;
      case 'unsubscribe':
        this.own(this.unsubscribe$(room.spec, effect.roomId));
        return;
      case 'fail':
        this.watchers.forget(room);
        room.fail(effect.error);
        return;
      case 'subscribe':
        // A restoration: restore$() composes it.
        return;
    }
  }

  private subscribe$(spec: RoomSpec, bypassQueue: boolean, options: RequestOptions): Observable<SubscribeResult> {
    return this.deps.request(subscribeRequest(spec), options, bypassQueue).pipe(map((response) => response.result as SubscribeResult));
  }

  /**
   * `realtime:unsubscribe` of `roomId`, decided when it is subscribed to (see `unsubscribeNeeded`). A room is live
   * only on an open socket and acknowledgements come on one: while the client is not connected yet (it is restoring
   * the rooms), the request goes ahead of the queue. Its answer, or failure, changes nothing.
   */
  private unsubscribe$(spec: RoomSpec, roomId: string): Observable<never> {
    return defer(() => {
      if (!unsubscribeNeeded(roomId, spec, this.rooms.values())) return EMPTY;
      return this.deps.request(unsubscribeRequest(spec, roomId), UNSUBSCRIPTION, !this.deps.isConnected());
    }).pipe(
      ignoreElements(),
      catchError(() => EMPTY),
    );
  }

  /** Runs `work$` in the registry's background subscription (see `background`). */
  private own(work$: Observable<unknown>): void {
    this.background.add(work$.subscribe());
  }
}

const isSubscribe = (effect: RoomEffect): boolean => effect.type === 'subscribe';

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
