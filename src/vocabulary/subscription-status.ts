import type { Notification } from './notifications';

/**
 * Where one subscription stands, as `realtime.subscribeWithStatus()` reports it:
 * - `pending`: the subscribe request is sent (or waits in the offline queue to be), the server has not acknowledged
 *   it yet (notifications may be missed);
 * - `live`: the server acknowledged it, every notification from now on is delivered (`restored` after a link loss);
 * - `restoring`: the link was lost; notifications sent meanwhile are gone, and the subscription is restored on the
 *   next socket (then `live` again, with `restored: true`).
 * An ended subscription is the Observable's error (`SubscriptionLostError`, `TokenExpiredError`, ...).
 */
export type SubscriptionStatus =
  | { readonly type: 'status'; readonly state: 'pending' }
  | { readonly type: 'status'; readonly state: 'live'; readonly roomId: string; readonly channel: string; readonly restored: boolean }
  | { readonly type: 'status'; readonly state: 'restoring'; readonly roomId: string; readonly channel: string };

/** What `realtime.subscribeWithStatus()` emits: the subscription's notifications and its status changes, in order. */
export type SubscriptionEvent<S extends Record<string, unknown> = Record<string, unknown>> = Notification<S> | SubscriptionStatus;
