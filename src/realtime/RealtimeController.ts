import { defer, map, type Observable } from 'rxjs';
import type { KuzzleClient } from '../client/KuzzleClient';
import { BaseController, type CallOptions } from '../controllers/BaseController';
import { InvalidRequestError } from '../errors/ClientErrors';
import { validateOptions } from '../options/validate';
import type { Notification } from './notifications';
import { subscribeOptionsSchema, type SubscribeOptions } from './options';

/** Realtime: subscriptions as Observables, publish, count. */
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
      if (typeof index !== 'string' || index === '') throw new InvalidRequestError('realtime.subscribe: index must be a non-empty string', { index });
      if (typeof collection !== 'string' || collection === '') {
        throw new InvalidRequestError('realtime.subscribe: collection must be a non-empty string', { collection });
      }
      if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
        throw new InvalidRequestError('realtime.subscribe: filters must be an object', { filters });
      }
      const valid = validateOptions(subscribeOptionsSchema, options, 'SubscribeOptions');
      // The server does not check `_source` against S: the type is the caller's statement about the collection.
      return this.client.rooms.observe(
        { index, collection, filters, scope: valid.scope ?? 'all', users: valid.users ?? 'none', volatile: valid.volatile },
        valid.subscribeToSelf ?? true,
      ) as Observable<Notification<S>>;
    });
  }

  /** Sends a message to the subscribers of matching rooms (stored nowhere). */
  publish(index: string, collection: string, message: Record<string, unknown>, options?: CallOptions): Observable<{ published: true }> {
    return this.call<unknown>('publish', options, (check) => ({
      index: check.string('index', index),
      collection: check.string('collection', collection),
      body: check.object('message', message),
    })).pipe(map(() => ({ published: true as const })));
  }

  /** How many subscribers a room has. */
  count(roomId: string, options?: CallOptions): Observable<number> {
    return this.call<{ count: number }>('count', options, (check) => ({ body: { roomId: check.string('roomId', roomId) } })).pipe(map((result) => result.count));
  }
}
