import type {
  DocumentNotificationFrame,
  DocumentResultFrame,
  ServerNotificationFrame,
  UserNotificationFrame,
  UserResultFrame,
} from './frame-schemas';

/**
 * A document entered (`scope: 'in'`) or left (`'out'`) the subscription's filters, or a message was published.
 * The frame's type, inferred from its schema (`frame-schemas.ts`), with `S` typing the document's `_source`.
 */
export type DocumentNotification<S extends Record<string, unknown> = Record<string, unknown>> = Omit<
  DocumentNotificationFrame,
  'result'
> & {
  readonly result: Omit<DocumentResultFrame, '_source'> & { readonly _source?: S };
};

/** A user entered or left the room; `result.count` is how many are in it now. */
export type UserNotification = Omit<UserNotificationFrame, 'result'> & { readonly result: UserResultFrame };

/** What a realtime subscription emits. Narrow on `type`; `S` types the documents' `_source`. */
export type Notification<S extends Record<string, unknown> = Record<string, unknown>> = DocumentNotification<S> | UserNotification;

/** Sent to the connection, not to a room: delivered on `events$`, never on subscription streams. */
export type ServerNotification = ServerNotificationFrame;
