import * as z from 'zod/mini';
import { oneOf } from './one-of';

/**
 * The frames the server sends, as zod shapes: the parser validates with them (`frames.ts`, keeping unknown fields)
 * and the wire types are inferred from them, so that the two cannot drift apart.
 */

const nullableString = () => z.optional(z.nullable(z.string()));
const volatile = () => z.nullable(z.record(z.string(), z.unknown()));

export const errorShape = {
  message: z.string(),
  status: z.number(),
  /** The error's id in the server's catalogue (`services.storage.not_found`, ...). */
  id: z.optional(z.string()),
  code: z.optional(z.number()),
  /** Usually strings, but some errors nest a list (`security:refresh`: ["orders", ["users", "profiles", "roles"]]). */
  props: z.optional(z.array(z.unknown())),
  stack: z.optional(z.string()),
  /** A partial error's (status 206) failures, one per item that failed. */
  errors: z.optional(z.array(z.unknown())),
  /** A partial error's number of failures. */
  count: z.optional(z.number()),
};

export const responseShape = {
  requestId: z.string(),
  status: z.number(),
  controller: z.nullable(z.string()),
  action: z.nullable(z.string()),
  index: nullableString(),
  collection: nullableString(),
  error: z.nullable(z.looseObject(errorShape)),
  /** Some actions (index:create, ...) answer without a result at all: it is then `null`. */
  result: z.optional(z.unknown()),
  volatile: volatile(),
  room: z.optional(z.string()),
};

const notificationShape = {
  /** The channel this notification was sent to. */
  room: z.string(),
  status: z.number(),
  timestamp: z.optional(z.number()),
  volatile: z.optional(volatile()),
  index: z.string(),
  collection: z.string(),
  controller: z.string(),
  action: z.string(),
  protocol: nullableString(),
  /** The id of the request that caused it. */
  requestId: nullableString(),
};

export const documentResultShape = {
  _id: nullableString(),
  _source: z.optional(z.record(z.string(), z.unknown())),
  /** The fields an update changed. */
  _updatedFields: z.optional(z.array(z.string())),
  _version: z.optional(z.number()),
};

export const documentNotificationShape = {
  ...notificationShape,
  type: oneOf('document'),
  /** The document entered (`in`) or left (`out`) the subscription's filters. */
  scope: oneOf('in', 'out'),
  /** 'write', 'delete', 'publish', ... */
  event: z.string(),
  result: z.looseObject(documentResultShape),
};

export const userResultShape = {
  /** How many users are in the room now. */
  count: z.number(),
};

export const userNotificationShape = {
  ...notificationShape,
  type: oneOf('user'),
  /** The user entered (`in`) or left (`out`) the room. */
  user: oneOf('in', 'out'),
  result: z.looseObject(userResultShape),
};

export const serverNotificationShape = {
  type: oneOf('TokenExpired'),
  room: z.string(),
  status: z.number(),
  message: z.string(),
  info: z.optional(z.string()),
};

type ReadonlyLists<T> = T extends readonly (infer E)[] ? readonly E[] : T;

/** The fields of a frame as the server sends them, read-only (its lists too). */
type Frame<Shape extends z.core.$ZodShape> = {
  readonly [K in keyof z.infer<z.ZodMiniObject<Shape>>]: ReadonlyLists<z.infer<z.ZodMiniObject<Shape>>[K]>;
};

export type ErrorFrame = Frame<typeof errorShape>;
export type ResponseFrame = Frame<typeof responseShape>;
export type DocumentNotificationFrame = Frame<typeof documentNotificationShape>;
export type DocumentResultFrame = Frame<typeof documentResultShape>;
export type UserNotificationFrame = Frame<typeof userNotificationShape>;
export type UserResultFrame = Frame<typeof userResultShape>;
export type ServerNotificationFrame = Frame<typeof serverNotificationShape>;
