import { InvalidFaultError } from './errors';
import type { ProxyDirection, FramePredicate } from './proxied-frame';
import type { RefusalMode } from './refusal';

const DIRECTIONS: readonly ProxyDirection[] = ['toClient', 'toServer'];
const REFUSAL_MODES: readonly RefusalMode[] = ['reset', 'close'];

function shown(value: unknown): string {
  if (typeof value === 'string') return `got ${JSON.stringify(value)}`;
  if (value === null) return 'got null';
  return `got ${typeof value === 'object' ? 'an object' : typeof value === 'function' ? 'a function' : String(value)}`;
}

function milliseconds(fault: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidFaultError(fault, argument, `must be a finite number of milliseconds >= 0, ${shown(value)}`);
  }
  return value;
}

/** `latency(ms)` or `latency({ toClient, toServer })`. */
export function checkLatency(value: unknown): Partial<Record<ProxyDirection, number>> {
  if (typeof value !== 'object' || value === null) {
    const ms = milliseconds('latency', 'ms', value);
    return { toClient: ms, toServer: ms };
  }
  const given = value as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !DIRECTIONS.includes(key as ProxyDirection));
  if (unknown !== undefined) throw new InvalidFaultError('latency', unknown, 'is not a direction (toClient or toServer)');
  const latency: Partial<Record<ProxyDirection, number>> = {};
  for (const direction of DIRECTIONS) {
    if (given[direction] !== undefined) latency[direction] = milliseconds('latency', direction, given[direction]);
  }
  return latency;
}

export function checkDirection(fault: string, value: unknown): ProxyDirection {
  if (!DIRECTIONS.includes(value as ProxyDirection)) {
    throw new InvalidFaultError(fault, 'direction', `must be "toClient" or "toServer", ${shown(value)}`);
  }
  return value as ProxyDirection;
}

export function checkPredicate(value: unknown): FramePredicate | null {
  if (value !== null && typeof value !== 'function') {
    throw new InvalidFaultError('swallow', 'predicate', `must be a function or null, ${shown(value)}`);
  }
  return value as FramePredicate | null;
}

export function checkBytes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidFaultError('truncateNext', 'bytes', `must be an integer >= 0, ${shown(value)}`);
  }
  return value;
}

/** A code a client accepts in a close frame (1005 and 1006 are never sent: use `cut()` for 1006). */
export function checkCloseCode(value: unknown): number {
  const valid =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    ((value >= 1000 && value <= 1014 && value !== 1004 && value !== 1005 && value !== 1006) || (value >= 3000 && value <= 4999));
  if (!valid) {
    throw new InvalidFaultError('close', 'code', `must be 1000-1003, 1007-1014 or 3000-4999 (cut() gives 1006), ${shown(value)}`);
  }
  return value;
}

export function checkCloseReason(value: unknown): string {
  if (typeof value !== 'string' || Buffer.byteLength(value) > 123) {
    throw new InvalidFaultError('close', 'reason', `must be a string of at most 123 UTF-8 bytes, ${shown(value)}`);
  }
  return value;
}

export function checkInjected(value: unknown): string | Uint8Array {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    throw new InvalidFaultError('inject', 'data', `must be a string (text frame) or a Uint8Array (binary frame), ${shown(value)}`);
  }
  return value;
}

export function checkRefusal(ms: unknown, how: unknown): { ms: number | undefined; how: RefusalMode | undefined } {
  if (how !== undefined && !REFUSAL_MODES.includes(how as RefusalMode)) {
    throw new InvalidFaultError('refuse', 'how', `must be "reset" or "close", ${shown(how)}`);
  }
  return { ms: ms === undefined ? undefined : milliseconds('refuse', 'ms', ms), how: how as RefusalMode | undefined };
}
