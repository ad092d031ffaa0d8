import * as z from 'zod/mini';
import type { Notification, ServerNotification } from './notifications';
import type { KuzzleResponse } from './request';

/** Why a frame from the server was set aside. */
export type DiscardReason = 'not-json' | 'binary' | 'unexpected-shape' | 'unknown-request' | 'unknown-room';

/** A server frame, once validated. */
export type ServerFrame =
  | { readonly kind: 'response'; readonly response: KuzzleResponse }
  | { readonly kind: 'notification'; readonly notification: Notification }
  | { readonly kind: 'server-notification'; readonly notification: ServerNotification };

export type ParsedFrame = { readonly ok: true; readonly frame: ServerFrame } | { readonly ok: false; readonly reason: DiscardReason };

const nullableString = () => z.optional(z.nullable(z.string()));

const errorSchema = z.looseObject({
  message: z.string(),
  status: z.number(),
  id: z.optional(z.string()),
  code: z.optional(z.number()),
  // Usually strings, but some errors nest a list (`security:refresh`: ["orders", ["users", "profiles", "roles"]]).
  props: z.optional(z.array(z.unknown())),
  stack: z.optional(z.string()),
  errors: z.optional(z.array(z.unknown())),
  count: z.optional(z.number()),
});

const responseSchema = z.looseObject({
  requestId: z.string(),
  status: z.number(),
  controller: z.nullable(z.string()),
  action: z.nullable(z.string()),
  index: nullableString(),
  collection: nullableString(),
  error: z.nullable(errorSchema),
  // Some actions (index:create, ...) answer without a result at all.
  result: z.optional(z.unknown()),
  volatile: z.nullable(z.record(z.string(), z.unknown())),
  room: z.optional(z.string()),
});

const common = {
  room: z.string(),
  status: z.number(),
  timestamp: z.optional(z.number()),
  volatile: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  index: z.string(),
  collection: z.string(),
  controller: z.string(),
  action: z.string(),
  protocol: z.optional(z.nullable(z.string())),
  requestId: z.optional(z.nullable(z.string())),
};

const documentSchema = z.looseObject({
  ...common,
  type: z.literal('document'),
  scope: z.enum(['in', 'out']),
  event: z.string(),
  result: z.looseObject({
    _id: z.optional(z.nullable(z.string())),
    _source: z.optional(z.record(z.string(), z.unknown())),
    _updatedFields: z.optional(z.array(z.string())),
    _version: z.optional(z.number()),
  }),
});

const userSchema = z.looseObject({
  ...common,
  type: z.literal('user'),
  user: z.enum(['in', 'out']),
  result: z.looseObject({ count: z.number() }),
});

const serverSchema = z.looseObject({
  type: z.literal('TokenExpired'),
  room: z.string(),
  status: z.number(),
  message: z.string(),
  info: z.optional(z.string()),
});

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Validates one text frame at the boundary. Never throws: a bad frame is a reason to discard it. */
export function parseServerFrame(text: string): ParsedFrame {
  const json = tryJson(text);
  if (!json.ok) return { ok: false, reason: 'not-json' };
  const value = json.value;
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type === 'document' || type === 'user') {
    const parsed = (type === 'document' ? documentSchema : userSchema).safeParse(value);
    return parsed.success
      ? { ok: true, frame: { kind: 'notification', notification: parsed.data as Notification } }
      : { ok: false, reason: 'unexpected-shape' };
  }
  if (type === 'TokenExpired') {
    const parsed = serverSchema.safeParse(value);
    return parsed.success
      ? { ok: true, frame: { kind: 'server-notification', notification: parsed.data as ServerNotification } }
      : { ok: false, reason: 'unexpected-shape' };
  }
  const parsed = responseSchema.safeParse(value);
  return parsed.success
    ? { ok: true, frame: { kind: 'response', response: { ...parsed.data, result: parsed.data.result ?? null } as KuzzleResponse } }
    : { ok: false, reason: 'unexpected-shape' };
}
