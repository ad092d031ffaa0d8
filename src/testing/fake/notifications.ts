import type { DocumentNotification, Scope, UserNotification, Volatile } from 'kuzzle-rx';

/**
 * A change to push to document subscriptions, as the server would report it. Only `action` decides the rest by
 * default: `delete` leaves the filters (`scope: 'out'`, `event: 'delete'`), `publish` is a realtime message
 * (`controller: 'realtime'`, `event: 'publish'`, no `_id`), every other action is a write that enters them.
 */
export interface DocumentChange {
  /** The API action that caused it: create, update, replace, createOrReplace, upsert, delete, publish, ... @default 'create' */
  readonly action?: string;
  /** The document's id; none for a published message. @default undefined */
  readonly _id?: string;
  /** The document's content (a published message's body). @default {} */
  readonly _source?: Record<string, unknown>;
  /** The fields an update changed. @default undefined (the server sends them for updates only) */
  readonly _updatedFields?: readonly string[];
  /** The document's version (the server sends it with creations, not with updates or replacements). @default undefined */
  readonly _version?: number;
  /** Whether the document enters or leaves the filters. @default 'out' for delete, 'in' otherwise */
  readonly scope?: 'in' | 'out';
  /** The notification's event. @default 'delete', 'publish' or 'write', after `action` */
  readonly event?: string;
  /** The volatile data of the request that caused it (`subscribeToSelf: false` reads its `sdkInstanceId`). @default null */
  readonly volatile?: Volatile | null;
  /** Server time of the change (ms). @default the backend's clock, `scheduler.now()` */
  readonly timestamp?: number;
  /** The id of the request that caused it. @default a new id of the backend's */
  readonly requestId?: string;
}

/** A user entering or leaving a room, to push to the subscriptions that asked for users. */
export interface UserChange {
  /** Entering or leaving. */
  readonly user: 'in' | 'out';
  /** How many users the room has now. */
  readonly count: number;
  /** The volatile data of the subscription that entered or left. @default null */
  readonly volatile?: Volatile | null;
  /** Server time (ms). @default the backend's clock */
  readonly timestamp?: number;
}

/** Where a notification is delivered: a subscription's channel and what it is about. */
export interface Delivery {
  readonly index: string;
  readonly collection: string;
  readonly channel: string;
}

/** What the backend fills in: its clock and a request id of its own. */
export interface Stamp {
  readonly timestamp: number;
  readonly requestId: string;
}

/** The document notification the server would send on `to.channel` for `change`. */
export function documentNotification(change: DocumentChange, to: Delivery, stamp: Stamp): DocumentNotification {
  const action = change.action ?? 'create';
  const publish = action === 'publish';
  const result = {
    ...(change._id === undefined ? {} : { _id: change._id }),
    _source: change._source ?? {},
    ...(change._updatedFields === undefined ? {} : { _updatedFields: change._updatedFields }),
    ...(change._version === undefined ? {} : { _version: change._version }),
  };
  return {
    type: 'document',
    status: 200,
    action,
    scope: change.scope ?? (action === 'delete' ? 'out' : 'in'),
    event: change.event ?? (action === 'delete' ? 'delete' : publish ? 'publish' : 'write'),
    result,
    requestId: change.requestId ?? stamp.requestId,
    timestamp: change.timestamp ?? stamp.timestamp,
    volatile: change.volatile ?? null,
    index: to.index,
    collection: to.collection,
    controller: publish ? 'realtime' : 'document',
    protocol: 'websocket',
    room: to.channel,
  };
}

/** The user notification the server would send on `to.channel` for `change`. */
export function userNotification(change: UserChange, to: Delivery, stamp: Stamp): UserNotification {
  return {
    type: 'user',
    status: 200,
    user: change.user,
    result: { count: change.count },
    timestamp: change.timestamp ?? stamp.timestamp,
    volatile: change.volatile ?? null,
    index: to.index,
    collection: to.collection,
    controller: 'realtime',
    action: change.user === 'in' ? 'subscribe' : 'unsubscribe',
    protocol: 'websocket',
    room: to.channel,
  };
}

/** Whether a subscription with this `scope` (or `users`) option receives a notification going `way`. */
export function accepts(option: Scope, way: 'in' | 'out'): boolean {
  return option === 'all' || option === way;
}
