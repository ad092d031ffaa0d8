/** A value that survives `JSON.stringify`/`JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/**
 * A JSON object. `undefined` members are allowed because the real server builds frames with
 * optional keys that `JSON.stringify` drops (e.g. `index:create` answers without `result`).
 */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy through JSON, so stored documents never alias what a request or a response holds. */
export function cloneJson<T extends JsonValue | JsonObject>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Reads a dotted path (`a.b.c`) inside a JSON object. */
export function readPath(source: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = source;
  for (const key of path.split('.')) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}
