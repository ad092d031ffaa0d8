import type { Volatile } from './request';

interface NotificationBase {
  /** The channel this notification was sent to. */
  readonly room: string;
  readonly status: number;
  readonly timestamp?: number;
  readonly volatile?: Volatile | null;
  readonly index: string;
  readonly collection: string;
  readonly controller: string;
  readonly action: string;
  readonly protocol?: string | null;
  /** The id of the request that caused it. */
  readonly requestId?: string | null;
}

/** A document entered (`scope: 'in'`) or left (`'out'`) the subscription's filters, or a message was published. */
export interface DocumentNotification<S extends Record<string, unknown> = Record<string, unknown>> extends NotificationBase {
  readonly type: 'document';
  readonly scope: 'in' | 'out';
  /** 'write', 'delete', 'publish', ... */
  readonly event: string;
  readonly result: {
    readonly _id?: string | null;
    readonly _source?: S;
    readonly _updatedFields?: readonly string[];
    readonly _version?: number;
  };
}

/** A user entered or left the room; `result.count` is how many are in it now. */
export interface UserNotification extends NotificationBase {
  readonly type: 'user';
  readonly user: 'in' | 'out';
  readonly result: { readonly count: number };
}

/** What a realtime subscription emits. Narrow on `type`; `S` types the documents' `_source`. */
export type Notification<S extends Record<string, unknown> = Record<string, unknown>> = DocumentNotification<S> | UserNotification;

/** Sent to the connection, not to a room: delivered on `events$`, never on subscription streams. */
export interface ServerNotification {
  readonly type: 'TokenExpired';
  readonly room: string;
  readonly status: number;
  readonly message: string;
  readonly info?: string;
}
