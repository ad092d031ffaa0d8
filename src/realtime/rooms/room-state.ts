import type { SubscriptionStatus } from '../../vocabulary/subscription-status';

/**
 * Where one room stands:
 * - `pending`: its subscribe request is out (or waits for a connection), not acknowledged yet;
 * - `live`: the server holds it on the current socket, under `roomId`, notifying on `channel`;
 * - `restoring`: the link was lost (or the server dropped it: token expiry); it is subscribed again on the next socket,
 *   and until then keeps the roomId and channel it had;
 * - `closed`: its last local subscriber left, or it failed. A request still in flight for it may yet be acknowledged:
 *   the server then holds a subscription nobody uses, which is unsubscribed.
 */
export type RoomState =
  | { readonly kind: 'pending' }
  | { readonly kind: 'live'; readonly roomId: string; readonly channel: string }
  | { readonly kind: 'restoring'; readonly roomId: string; readonly channel: string }
  | { readonly kind: 'closed' };

/** The server's answer to a `realtime:subscribe`. */
export interface SubscribeResult {
  readonly roomId: string;
  readonly channel: string;
}

/** Every pending room is in this one state; states are values, replaced by each transition, never changed. */
export const PENDING: Extract<RoomState, { kind: 'pending' }> = Object.freeze({ kind: 'pending' });
export const CLOSED: Extract<RoomState, { kind: 'closed' }> = Object.freeze({ kind: 'closed' });

const PENDING_STATUS: SubscriptionStatus = Object.freeze({ type: 'status', state: 'pending' });

/**
 * The status of an open room as its watchers are told it. `restored` only when it is told at a restoration: for a
 * subscriber who arrives at a live room, it is just live. A closed room has no status (its subscribers were told why).
 */
export function statusOf(state: Exclude<RoomState, { kind: 'closed' }>, restored = false): SubscriptionStatus {
  if (state.kind === 'pending') return PENDING_STATUS;
  const { roomId, channel } = state;
  if (state.kind === 'restoring') return { type: 'status', state: 'restoring', roomId, channel };
  return { type: 'status', state: 'live', roomId, channel, restored };
}

/** The channel a room's notifications come on: only a live or restoring room has one routed to it. */
export function channelOf(state: RoomState): string | undefined {
  return state.kind === 'live' || state.kind === 'restoring' ? state.channel : undefined;
}

/** The roomId a room holds (or held, while restoring) on the server. */
export function roomIdOf(state: RoomState): string | undefined {
  return state.kind === 'live' || state.kind === 'restoring' ? state.roomId : undefined;
}
