import { uncataloguedError } from './errors';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { ServerRequest, type HeaderMap } from './request';

const RESERVED = new Set(['controller', 'action', 'index', 'collection', '_id', 'jwt', 'volatile', 'body']);

function optionalString(data: JsonObject, name: string): string | undefined {
  const value = data[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw uncataloguedError(`Attribute ${name} must be of type "string"`, 400);
  }
  return value;
}

function optionalObject(data: JsonObject, name: string): JsonObject | null {
  const value = data[name];
  if (value === undefined || value === null) {
    return null;
  }
  if (!isJsonObject(value)) {
    throw uncataloguedError(`Attribute ${name} must be of type "object"`, 400);
  }
  return value;
}

/**
 * Decodes a parsed WebSocket frame like the real `Request` constructor: recognised attributes are
 * type-checked (errors outside the catalogue, as the real server sends), everything else is an argument.
 */
export function requestFromFrame(data: unknown, headers: HeaderMap): ServerRequest {
  if (!isJsonObject(data)) {
    throw uncataloguedError('Input request data must be a non-null object', 500);
  }
  const args: Record<string, JsonValue | undefined> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!RESERVED.has(key)) {
      args[key] = value;
    }
  }
  return new ServerRequest({
    id: optionalString(data, 'requestId'),
    controller: optionalString(data, 'controller') ?? null,
    action: optionalString(data, 'action') ?? null,
    index: optionalString(data, 'index'),
    collection: optionalString(data, 'collection'),
    _id: optionalString(data, '_id'),
    jwt: optionalString(data, 'jwt') ?? null,
    volatile: optionalObject(data, 'volatile'),
    body: optionalObject(data, 'body'),
    args,
    headers,
    protocol: 'websocket',
  });
}
