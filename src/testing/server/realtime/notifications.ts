import type { JsonObject, JsonValue } from '../json';
import type { Protocol } from '../request';

/** Where the real server publishes server notifications such as token expiry. */
export const SERVER_NOTIFICATION_ROOM = 'kuzzle:notification:server';

/** What caused a notification: the fields a notification copies from its originating request. */
export interface NotificationOrigin {
  readonly requestId: string;
  readonly timestamp: number;
  readonly volatile: JsonObject | null;
  readonly index: string;
  readonly collection: string;
  readonly controller: string;
  /** null when no client request caused it (a subscriber left by disconnecting, or lost its token). */
  readonly protocol: Protocol | null;
}

export type DocumentAction = 'create' | 'replace' | 'update' | 'delete' | 'publish';

const EVENTS: Readonly<Record<DocumentAction, string>> = {
  create: 'write',
  replace: 'write',
  update: 'write',
  delete: 'delete',
  publish: 'publish',
};

/** A document notification without its `room`, in the real key order. */
export function documentNotification(
  origin: NotificationOrigin,
  action: DocumentAction,
  scope: 'in' | 'out',
  result: JsonObject,
): JsonObject {
  return {
    type: 'document',
    status: 200,
    action,
    scope,
    result,
    event: EVENTS[action],
    requestId: origin.requestId,
    timestamp: origin.timestamp,
    volatile: origin.volatile,
    index: origin.index,
    collection: origin.collection,
    controller: origin.controller,
    protocol: origin.protocol,
  };
}

/** A user notification (someone entered or left a room) without its `room`, in the real key order. */
export function userNotification(
  origin: NotificationOrigin,
  action: 'subscribe' | 'unsubscribe',
  user: 'in' | 'out',
  count: number,
): JsonObject {
  return {
    type: 'user',
    status: 200,
    user,
    result: { count },
    timestamp: origin.timestamp,
    volatile: origin.volatile,
    index: origin.index,
    collection: origin.collection,
    controller: 'realtime',
    action,
    protocol: origin.protocol,
  };
}

/** The frame a connection receives when the token it used expires. */
export const TOKEN_EXPIRED_FRAME = JSON.stringify({
  status: 200,
  info: 'This is an automated server notification',
  message: 'Authentication Token Expired',
  type: 'TokenExpired',
  room: SERVER_NOTIFICATION_ROOM,
});

/** Appends the channel as `room`, last, where the real server writes it. */
export function withRoom(notification: JsonObject, channel: string): string {
  const payload: Record<string, JsonValue | undefined> = { ...notification, room: channel };
  return JSON.stringify(payload);
}
