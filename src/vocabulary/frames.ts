import * as z from 'zod/mini';
import type { Notification, ServerNotification } from './notifications';
import type { KuzzleResponse } from './request';
import { documentNotificationShape, responseShape, serverNotificationShape, userNotificationShape } from './frame-schemas';

/** Why a frame from the server was set aside. */
export type DiscardReason = 'not-json' | 'binary' | 'unexpected-shape' | 'unknown-request' | 'unknown-room';

/** A server frame, once validated. */
export type ServerFrame =
  | { readonly kind: 'response'; readonly response: KuzzleResponse }
  | { readonly kind: 'notification'; readonly notification: Notification }
  | { readonly kind: 'server-notification'; readonly notification: ServerNotification };

export type ParsedFrame = { readonly ok: true; readonly frame: ServerFrame } | { readonly ok: false; readonly reason: DiscardReason };

const responseSchema = z.looseObject(responseShape);
const documentSchema = z.looseObject(documentNotificationShape);
const userSchema = z.looseObject(userNotificationShape);
const serverSchema = z.looseObject(serverNotificationShape);

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A frame's text with the value of every `jwt` and `token` field replaced, fit for events and logs. */
export function redactFrame(text: string): string {
  return text.replace(/("(?:jwt|token)"\s*:\s*)"[^"]*"/g, '$1"[redacted]"');
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
      ? { ok: true, frame: { kind: 'notification', notification: parsed.data } }
      : { ok: false, reason: 'unexpected-shape' };
  }
  if (type === 'TokenExpired') {
    const parsed = serverSchema.safeParse(value);
    return parsed.success
      ? { ok: true, frame: { kind: 'server-notification', notification: parsed.data } }
      : { ok: false, reason: 'unexpected-shape' };
  }
  const parsed = responseSchema.safeParse(value);
  return parsed.success
    ? { ok: true, frame: { kind: 'response', response: { ...parsed.data, result: parsed.data.result ?? null } } }
    : { ok: false, reason: 'unexpected-shape' };
}
