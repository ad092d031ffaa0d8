import { defer, map, type Observable } from 'rxjs';
import type { KuzzleClient } from '../client/kuzzle-client';
import { ArgumentCheck } from '../controllers/arguments';
import { BaseController, type CallOptions } from '../controllers/base-controller';
import { validateOptions } from '../options/validate';
import type { DocumentValidationResult } from '../controllers/document/types';
import type { Notification } from '../vocabulary/notifications';
import { presenceOf } from './presence';
import type { RoomSpec } from './room';
import type { SubscriptionEvent } from '../vocabulary/subscription-status';
import { presenceOptionsSchema, subscribeOptionsSchema, type PresenceOptions, type SubscribeOptions } from './options';
import type { JoinOptions, JoinResult, Presence, PublishOptions, RoomList } from './types';

/** Realtime: subscriptions as Observables of notifications, publications, and the rooms of the server. */
export class RealtimeController extends BaseController {
  constructor(private readonly client: KuzzleClient) {
    super(client, 'realtime');
  }

  /**
   * Notifications of the documents and messages matching Koncorde `filters` in a collection. Cold: the first local
   * subscriber subscribes on the server, the last one to leave unsubscribes; subscribers with the same arguments share
   * one server subscription. Restored after every reconnection; errors with a typed error when it cannot be.
   * `S` types the documents' `_source`: `subscribe<Order>('shop', 'orders', filters)`.
   */
  subscribe<S extends Record<string, unknown> = Record<string, unknown>>(
    index: string,
    collection: string,
    filters: Record<string, unknown> = {},
    options: SubscribeOptions = {},
  ): Observable<Notification<S>> {
    return defer(() => {
      checkRoom('realtime.subscribe', index, collection, filters);
      const valid = validateOptions(subscribeOptionsSchema, options, 'SubscribeOptions');
      // The server does not check `_source` against S: the type is the caller's statement about the collection.
      return this.client.rooms.observe(roomSpec(index, collection, filters, valid), valid.subscribeToSelf ?? true) as Observable<
        Notification<S>
      >;
    });
  }

  /**
   * The subscription of `subscribe()`, with its status changes in the same stream, in order: `{ type: 'status',
   * state: 'pending' }` first (unless the room is already live), `live` (with `roomId` and `channel`) once the server
   * acknowledged it, `restoring` when the link is lost, `live` with `restored: true` once restored; then every
   * notification as `subscribe()` emits it. "Once live, fetch the snapshot" is a `filter` on this one stream, with
   * no race. Ends with the same typed errors as `subscribe()`.
   */
  subscribeWithStatus<S extends Record<string, unknown> = Record<string, unknown>>(
    index: string,
    collection: string,
    filters: Record<string, unknown> = {},
    options: SubscribeOptions = {},
  ): Observable<SubscriptionEvent<S>> {
    return defer(() => {
      checkRoom('realtime.subscribeWithStatus', index, collection, filters);
      const valid = validateOptions(subscribeOptionsSchema, options, 'SubscribeOptions');
      const events$ = this.client.rooms.observeWithStatus(roomSpec(index, collection, filters, valid), valid.subscribeToSelf ?? true);
      return events$ as Observable<SubscriptionEvent<S>>;
    });
  }

  /**
   * Who is in a room: emits `{ count }` (connections in the room, this one included) once the subscription is live and
   * after each restoration (fetched with `realtime:count`: joins and leaves while the link was down were not
   * notified), and `{ count, event: { user: 'in' | 'out', volatile } }` at each join and leave. Subscribes with
   * `users: 'all'` and `scope: 'none'` (no document notifications). Ends with the same typed errors as `subscribe()`.
   */
  presence(index: string, collection: string, filters: Record<string, unknown> = {}, options: PresenceOptions = {}): Observable<Presence> {
    return defer(() => {
      checkRoom('realtime.presence', index, collection, filters);
      const valid = validateOptions(presenceOptionsSchema, options, 'PresenceOptions');
      const spec = roomSpec(index, collection, filters, { scope: 'none', users: 'all', volatile: valid.volatile });
      return presenceOf(this.client.rooms.observeWithStatus(spec, true), (roomId) => this.count(roomId));
    });
  }

  /** Sends a message to the subscribers of matching rooms (it is stored nowhere); emits `true`. */
  publish(index: string, collection: string, message: Record<string, unknown>, options?: PublishOptions): Observable<boolean> {
    return this.call<{ published: boolean }>('publish', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('message', message),
    })).pipe(map((result) => result.published));
  }

  /** Emits how many connections subscribe to a room (whatever their scope). */
  count(roomId: string, options?: CallOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({ body: { roomId: check.string('roomId', roomId) } })).pipe(
      map((result) => result.count),
    );
  }

  /** Emits the rooms this user may see, with how many subscribers each has: `{ [index]: { [collection]: { [roomId]: count } } }`. */
  list(options?: CallOptions): Observable<RoomList> {
    return this.call('list', options);
  }

  /** Emits whether a document or message would pass the collection's validation specifications (`{ valid, errorMessages }`). */
  validate(
    index: string,
    collection: string,
    content: Record<string, unknown>,
    options?: CallOptions,
  ): Observable<DocumentValidationResult> {
    return this.call('validate', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('content', content),
    }));
  }

  /**
   * Joins, by its id, a room that exists on the server (someone subscribed to it); emits `{ roomId, channel }`, or errors
   * with `core.realtime.room_not_found`. What this gives is a server-side membership only, outside the subscriptions
   * this client manages: the client does not route its channel (its notifications are reported on `events$` as
   * `discarded`, reason `unknown-room`, unless a `subscribe()` of this client has the same channel), does not restore
   * it after a reconnection, and never unsubscribes it. It lasts as long as the connection, or until the last
   * `subscribe()` of this client to the same room ends (`realtime:unsubscribe` removes every channel of a roomId).
   * Nothing it does can end or reroute a `subscribe()`: this method sends no unsubscription and registers no channel.
   * To receive a room's notifications, `subscribe()` with its filters: the same filters make the same roomId.
   */
  join(roomId: string, options?: JoinOptions): Observable<JoinResult> {
    return this.call('join', options, (check) => ({ body: { roomId: check.string('roomId', roomId) } }));
  }
}

/** Refuses bad subscription arguments (InvalidRequestError naming `method`) before anything is sent. */
function checkRoom(method: string, index: string, collection: string, filters: Record<string, unknown>): void {
  const check = new ArgumentCheck(method);
  check.string('index', index);
  check.string('collection', collection);
  check.object('filters', filters);
}

/** The server subscription of a call, with the server's defaults made explicit. */
function roomSpec(index: string, collection: string, filters: Record<string, unknown>, options: SubscribeOptions): RoomSpec {
  return { index, collection, filters, scope: options.scope ?? 'all', users: options.users ?? 'none', volatile: options.volatile };
}
