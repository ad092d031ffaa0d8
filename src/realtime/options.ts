import * as z from 'zod/mini';
import { oneOf } from '../vocabulary/one-of';
import type { Volatile } from '../vocabulary/request';

/** Who is notified of what: documents entering or leaving the filters, users entering or leaving the room. */
export type Scope = 'all' | 'in' | 'out' | 'none';

/** Options of `realtime.subscribe(...)`. */
export interface SubscribeOptions {
  /** Document notifications to receive. @default 'all' */
  scope?: Scope;
  /** User notifications to receive (users entering or leaving the room). @default 'none' */
  users?: Scope;
  /** Also receive the notifications caused by this client's own requests. @default true */
  subscribeToSelf?: boolean;
  /** Volatile data sent with the subscription, echoed in the user notifications it causes. @default undefined */
  volatile?: Volatile;
}

const scope = oneOf('all', 'in', 'out', 'none');

export const subscribeOptionsSchema = z.strictObject({
  scope: z.optional(scope),
  users: z.optional(scope),
  subscribeToSelf: z.optional(z.boolean()),
  volatile: z.optional(z.record(z.string(), z.unknown())),
});

/** Options of `realtime.presence(...)`. */
export interface PresenceOptions {
  /** Volatile data sent with the subscription, echoed in the `in` and `out` events it causes to others. @default undefined */
  volatile?: Volatile;
}

export const presenceOptionsSchema = z.strictObject({
  volatile: z.optional(z.record(z.string(), z.unknown())),
});
