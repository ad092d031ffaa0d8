import type { IncomingHttpHeaders } from 'node:http';
import type { HeaderMap } from './request';

/** Flattens Node's request headers (repeated headers joined, as HTTP allows). */
export function flattenHeaders(headers: IncomingHttpHeaders): HeaderMap {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
