import type { CallOptions } from '../controllers/base-controller';
import type { Volatile } from '../vocabulary/request';
import type { Scope } from './options';

/** Options of `realtime.publish()`. */
export interface PublishOptions extends CallOptions {
  /** An id for the message, given to subscribers as the notification's `result._id`. @default undefined */
  readonly _id?: string;
}

/** Options of `realtime.join()`. */
export interface JoinOptions extends CallOptions {
  /** Document notifications to receive. @default 'all' */
  readonly scope?: Scope;
  /** User notifications to receive (users entering or leaving the room). @default 'none' */
  readonly users?: Scope;
}

/** What `realtime.join()` emits: the room, and the channel its notifications are sent to. */
export interface JoinResult {
  readonly roomId: string;
  readonly channel: string;
}

/** What `realtime.list()` emits: how many subscribers each room has, by index, collection and roomId. */
export type RoomList = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;

/** A user joining (`in`) or leaving (`out`) the room, with the volatile data of their subscription. */
export interface PresenceEvent {
  readonly user: 'in' | 'out';
  readonly volatile: Volatile | null;
}

/**
 * What `realtime.presence()` emits: how many connections are in the room (this one included), and, when the value
 * comes from a join or a leave, that `event`. Without `event`, the count was fetched (`realtime:count`): once the
 * subscription is live and after each restoration.
 */
export interface Presence {
  readonly count: number;
  readonly event?: PresenceEvent;
}
