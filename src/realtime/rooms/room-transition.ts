import { SubscriptionLostError } from '../../vocabulary/errors/client-errors';
import type { SubscriptionStatus } from '../../vocabulary/subscription-status';
import { CLOSED, type RoomState, statusOf, type SubscribeResult } from './room-state';

/** What happens to a room. */
export type RoomEvent =
  /** The server acknowledged its first subscribe request. */
  | { readonly type: 'acknowledged'; readonly result: SubscribeResult }
  /** The server refused its subscribe request (the first one, or a restoration), or it could not be sent. */
  | { readonly type: 'refused'; readonly error: Error }
  /** The link dropped: the server no longer holds what it held on that socket. */
  | { readonly type: 'linkLost' }
  /** A restoration begins (a new socket, or a new session after token expiry). */
  | { readonly type: 'restoreStarted' }
  /** The server acknowledged a restoration. */
  | { readonly type: 'restored'; readonly result: SubscribeResult }
  /** Its last local subscriber left. */
  | { readonly type: 'lastSubscriberLeft' }
  /** It can no longer be restored (the client is offline, the session expired). */
  | { readonly type: 'failed'; readonly error: Error };

/** What a transition asks the registry to do, in order. */
export type RoomEffect =
  /** Tell the room's watchers its new status. */
  | { readonly type: 'tell'; readonly status: SubscriptionStatus }
  /**
   * Report the acknowledgement on `events$`. `whileLive`: only if the room is still live once the effects before
   * this one ran (a watcher may leave on hearing `restored`, and then the room was not restored for anyone).
   */
  | {
      readonly type: 'report';
      readonly event: 'subscribed' | 'resubscribed';
      readonly result: SubscribeResult;
      readonly whileLive: boolean;
    }
  /** Subscribe on the server again, on the current socket (a restoration). */
  | { readonly type: 'subscribe' }
  /** Unsubscribe `roomId` on the server, unless another room of this client uses it. */
  | { readonly type: 'unsubscribe'; readonly roomId: string }
  /** Error every local subscriber with `error`. */
  | { readonly type: 'fail'; readonly error: Error };

export interface RoomTransition {
  readonly state: RoomState;
  readonly effects: readonly RoomEffect[];
}

/** A move (or none) with nothing to do. */
const quietly = (state: RoomState): RoomTransition => ({ state, effects: [] });
const fail = (error: Error): RoomTransition => ({ state: CLOSED, effects: [{ type: 'fail', error }] });

/**
 * The life of a room, as a pure function: the state it moves to on `event`, and the effects that go with the move.
 * An event that does not apply to a state (an acknowledgement of a live room, say) leaves it as it is.
 */
export function roomTransition(state: RoomState, event: RoomEvent): RoomTransition {
  switch (state.kind) {
    case 'pending':
      return fromPending(state, event);
    case 'live':
      return fromLive(state, event);
    case 'restoring':
      return fromRestoring(state, event);
    case 'closed':
      return fromClosed(state, event);
  }
}

/** A pending room's request is sent again on the next socket by the client itself: a link loss changes nothing. */
function fromPending(state: Extract<RoomState, { kind: 'pending' }>, event: RoomEvent): RoomTransition {
  switch (event.type) {
    case 'acknowledged': {
      const live: RoomState = { kind: 'live', roomId: event.result.roomId, channel: event.result.channel };
      // Watchers before the event: one that joins from an events$ handler is told `live` once, on joining.
      const report = { type: 'report', event: 'subscribed', result: event.result, whileLive: false } as const;
      return { state: live, effects: [{ type: 'tell', status: statusOf(live) }, report] };
    }
    case 'refused':
    case 'failed':
      return fail(event.error);
    // Unsubscribed once acknowledged (see fromClosed): only then is its roomId known.
    case 'lastSubscriberLeft':
      return quietly(CLOSED);
    default:
      return quietly(state);
  }
}

function fromLive(state: Extract<RoomState, { kind: 'live' }>, event: RoomEvent): RoomTransition {
  switch (event.type) {
    case 'linkLost':
    case 'restoreStarted': {
      const restoring: RoomState = { kind: 'restoring', roomId: state.roomId, channel: state.channel };
      const tell: RoomEffect = { type: 'tell', status: statusOf(restoring) };
      return { state: restoring, effects: event.type === 'linkLost' ? [tell] : [tell, { type: 'subscribe' }] };
    }
    case 'lastSubscriberLeft':
      return { state: CLOSED, effects: [{ type: 'unsubscribe', roomId: state.roomId }] };
    case 'failed':
      return fail(event.error);
    default:
      return quietly(state);
  }
}

function fromRestoring(state: Extract<RoomState, { kind: 'restoring' }>, event: RoomEvent): RoomTransition {
  switch (event.type) {
    // Already told: watchers hear `restoring` once, however many sockets it takes.
    case 'restoreStarted':
      return { state, effects: [{ type: 'subscribe' }] };
    case 'restored': {
      const live: RoomState = { kind: 'live', roomId: event.result.roomId, channel: event.result.channel };
      const report = { type: 'report', event: 'resubscribed', result: event.result, whileLive: true } as const;
      return { state: live, effects: [{ type: 'tell', status: statusOf(live, true) }, report] };
    }
    case 'refused':
      return fail(new SubscriptionLostError(state.roomId, event.error));
    case 'failed':
      return fail(event.error);
    // The server no longer holds it; a restoration in flight is unsubscribed once acknowledged (see fromClosed).
    case 'lastSubscriberLeft':
      return quietly(CLOSED);
    default:
      return quietly(state);
  }
}

/** A closed room's request still in flight may be acknowledged: the server holds it then, and nobody wants it. */
function fromClosed(state: Extract<RoomState, { kind: 'closed' }>, event: RoomEvent): RoomTransition {
  switch (event.type) {
    case 'acknowledged': {
      const report = { type: 'report', event: 'subscribed', result: event.result, whileLive: false } as const;
      return { state, effects: [report, { type: 'unsubscribe', roomId: event.result.roomId }] };
    }
    case 'restored':
      return { state, effects: [{ type: 'unsubscribe', roomId: event.result.roomId }] };
    default:
      return quietly(state);
  }
}
