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

/**
 * Realtime: subscriptions as Observables of notifications, publications, and the rooms of the server.
 *
 * `subscribe()`, `subscribeWithStatus()` and `presence()` are streams: they emit as the server notifies, never complete
 * on its own, and ride through reconnections (the client subscribes again on the new socket). They end with an error
 * when the subscription cannot go on: `SubscriptionLostError` (it could not be restored, or the client went offline for
 * good), `TokenExpiredError` (the server ended it as the token expired, and no `authenticator` could log in again), or
 * the server's refusal of the subscription. The other methods emit once, then complete; all can error with the errors
 * of every request (see `BaseController`).
 *
 * @example Notifications of the new orders
 * ```ts
 * type Order = { status: string; total: number };
 * kuzzle.realtime
 *   .subscribe<Order>('shop', 'orders', { equals: { status: 'new' } }, { scope: 'in' })
 *   .pipe(filter((n): n is DocumentNotification<Order> => n.type === 'document'))
 *   .subscribe((n) => console.log(`${n.event}: order ${n.result._id}, total ${n.result._source?.total}`));
 * ```
 */
export class RealtimeController extends BaseController {
  constructor(private readonly client: KuzzleClient) {
    super(client, 'realtime');
  }

  /**
   * Emits the notifications of the documents and messages matching Koncorde `filters` in a collection, as the server
   * sends them; never completes on its own. Cold: the first local subscriber subscribes on the server, the last one to
   * leave unsubscribes; subscribers with the same arguments share one server subscription. Restored after every
   * reconnection. `S` types the documents' `_source`: `subscribe<Order>('shop', 'orders', filters)`.
   *
   * @throws {InvalidRequestError} at subscription, before anything is sent, when `index` or `collection` is not a
   * non-empty string, or `filters` not an object.
   * @throws {InvalidOptionError} when `options` has an unknown option or a bad value (`scope: 'everything'`).
   * @throws {KuzzleError} when the server refuses the subscription: `api.assert.koncorde_dsl_error` (400) for a filter
   * Koncorde cannot read (an unknown keyword, ...), `core.realtime.too_many_terms` (413) for a filter too complex,
   * `core.realtime.too_many_rooms` (413) when the server holds its maximum of rooms.
   * @throws {SubscriptionLostError} when the subscription could not be restored after a reconnection, or the client
   * went offline for good (`disconnect()`, reconnection given up).
   * @throws {TokenExpiredError} when the server ended the subscription because the session's token expired, and no
   * `authenticator` could log in again.
   *
   * @example A chat room's new messages
   * ```ts
   * type Message = { room: string; author: string; text: string };
   * kuzzle.realtime
   *   .subscribe<Message>('chat', 'messages', { equals: { room: 'general' } }, { scope: 'in', subscribeToSelf: false })
   *   .pipe(filter((n): n is DocumentNotification<Message> => n.type === 'document'))
   *   .subscribe((n) => console.log(`${n.result._source?.author}: ${n.result._source?.text}`));
   * ```
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
   * Emits the notifications of `subscribe()` with the subscription's status changes in the same stream, in order; never
   * completes on its own: `{ type: 'status', state: 'pending' }` first (unless the room is already live), `live` (with
   * `roomId` and `channel`) once the server acknowledged it, `restoring` when the link is lost, `live` with
   * `restored: true` once restored; then every notification as `subscribe()` emits it. "Once live, fetch the snapshot"
   * is a `filter` on this one stream, with no race.
   *
   * @throws {InvalidRequestError} at subscription, before anything is sent, when `index` or `collection` is not a
   * non-empty string, or `filters` not an object.
   * @throws {InvalidOptionError} when `options` has an unknown option or a bad value.
   * @throws {KuzzleError} when the server refuses the subscription (see `subscribe()`).
   * @throws {SubscriptionLostError} when the subscription could not be restored after a reconnection, or the client
   * went offline for good.
   * @throws {TokenExpiredError} when the server ended the subscription because the session's token expired, and no
   * `authenticator` could log in again.
   *
   * @example Fetch the current orders each time the subscription is live, so no change falls between the two
   * ```ts
   * kuzzle.realtime
   *   .subscribeWithStatus('shop', 'orders', { equals: { status: 'new' } })
   *   .pipe(
   *     filter((event) => event.type === 'status' && event.state === 'live'),
   *     switchMap(() => kuzzle.document.count('shop', 'orders', { query: { term: { status: 'new' } } })),
   *   )
   *   .subscribe((count) => console.log(`${count} new orders, every later one notified`));
   * ```
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
   * after each restoration, and `{ count, event: { user: 'in' | 'out', volatile } }` at each join and leave; never
   * completes on its own. The count after a (re)subscription is fetched with `realtime:count`: joins and leaves while
   * the link was down were not notified. Subscribes with `users: 'all'` and `scope: 'none'` (no document
   * notifications).
   *
   * @throws {InvalidRequestError} at subscription, before anything is sent, when `index` or `collection` is not a
   * non-empty string, or `filters` not an object.
   * @throws {InvalidOptionError} when `options` has an unknown option or a bad value.
   * @throws {KuzzleError} when the server refuses the subscription (see `subscribe()`).
   * @throws {SubscriptionLostError} when the subscription could not be restored after a reconnection, or the client
   * went offline for good.
   * @throws {TokenExpiredError} when the server ended the subscription because the session's token expired, and no
   * `authenticator` could log in again.
   *
   * @example
   * ```ts
   * kuzzle.realtime
   *   .presence('chat', 'messages', { equals: { room: 'general' } }, { volatile: { nickname: 'jo' } })
   *   .subscribe(({ count, event }) => console.log(`${count} here`, event ? `(someone went ${event.user})` : ''));
   * ```
   */
  presence(index: string, collection: string, filters: Record<string, unknown> = {}, options: PresenceOptions = {}): Observable<Presence> {
    return defer(() => {
      checkRoom('realtime.presence', index, collection, filters);
      const valid = validateOptions(presenceOptionsSchema, options, 'PresenceOptions');
      const spec = roomSpec(index, collection, filters, { scope: 'none', users: 'all', volatile: valid.volatile });
      return presenceOf(this.client.rooms.observeWithStatus(spec, true), (roomId) => this.count(roomId));
    });
  }

  /**
   * Sends a message to the subscribers of matching rooms (it is stored nowhere) and emits `true` once, then completes.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `message` not an object.
   * @throws {KuzzleError} `validation.check.failed_document` or `validation.check.failed_field` (400) when the message
   * breaks the collection's validation specifications.
   *
   * @example
   * ```ts
   * kuzzle.realtime
   *   .publish('chat', 'messages', { room: 'general', author: 'jo', text: 'hello' }, { _id: 'm1' })
   *   .subscribe(() => console.log('sent'));
   * ```
   */
  publish(index: string, collection: string, message: Record<string, unknown>, options?: PublishOptions): Observable<boolean> {
    return this.call<{ published: boolean }>('publish', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('message', message),
    })).pipe(map((result) => result.published));
  }

  /**
   * Emits how many connections subscribe to a room (whatever their scope) once, then completes. A room nobody
   * subscribes to counts 0: it is no error.
   *
   * @throws {InvalidRequestError} when `roomId` is not a non-empty string.
   */
  count(roomId: string, options?: CallOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({ body: { roomId: check.string('roomId', roomId) } })).pipe(
      map((result) => result.count),
    );
  }

  /**
   * Emits the rooms this user may see, with how many subscribers each has, once, then completes:
   * `{ [index]: { [collection]: { [roomId]: count } } }`.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `realtime:list`; the action has
   * no error of its own.
   */
  list(options?: CallOptions): Observable<RoomList> {
    return this.call('list', options);
  }

  /**
   * Emits whether a document or message would pass the collection's validation specifications
   * (`{ valid, errorMessages }`) once, then completes. One that would not is `valid: false`, not an error.
   *
   * @throws {InvalidRequestError} when `index` or `collection` is not a non-empty string, or `content` not an object.
   */
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
   * Joins, by its id, a room that exists on the server (someone subscribed to it) and emits `{ roomId, channel }` once,
   * then completes. What this gives is a server-side membership only, outside the subscriptions this client manages:
   * the client does not route its channel (its notifications are reported on `events$` as `discarded`, reason
   * `unknown-room`, unless a `subscribe()` of this client has the same channel), does not restore it after a
   * reconnection, and never unsubscribes it. It lasts as long as the connection, or until the last `subscribe()` of
   * this client to the same room ends (`realtime:unsubscribe` removes every channel of a roomId). Nothing it does can
   * end or reroute a `subscribe()`: this method sends no unsubscription and registers no channel. To receive a room's
   * notifications, `subscribe()` with its filters: the same filters make the same roomId.
   *
   * @throws {InvalidRequestError} when `roomId` is not a non-empty string.
   * @throws {KuzzleError} `core.realtime.room_not_found` (404) when no room has that id (nobody subscribes to it).
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
