import type { KuzzleRequest } from '../../vocabulary/request';
import type { RoomSpec } from '../room';

/** The `realtime:subscribe` of a room. */
export function subscribeRequest(spec: RoomSpec): KuzzleRequest {
  return {
    controller: 'realtime',
    action: 'subscribe',
    index: spec.index,
    collection: spec.collection,
    body: spec.filters,
    scope: spec.scope,
    users: spec.users,
    ...(spec.volatile ? { volatile: spec.volatile } : {}),
  };
}

/** The `realtime:unsubscribe` of `roomId`: it removes every channel of that roomId on the server. */
export function unsubscribeRequest(spec: RoomSpec, roomId: string): KuzzleRequest {
  return { controller: 'realtime', action: 'unsubscribe', index: spec.index, collection: spec.collection, body: { roomId } };
}
