import { randomBytes } from 'node:crypto';
import { isJsonObject, type JsonObject } from '../json';

/**
 * A partial update as Elasticsearch applies it: objects merge recursively, anything else (arrays
 * included) replaces; existing keys keep their place and new ones are appended.
 */
export function deepMerge(target: JsonObject, changes: JsonObject): JsonObject {
  const merged: JsonObject = { ...target };
  for (const [key, value] of Object.entries(changes)) {
    const current = merged[key];
    merged[key] = isJsonObject(current) && isJsonObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** The dotted paths of an update's leaves, as the real server lists them in `_updatedFields`. */
export function extractFields(changes: JsonObject, ignore: readonly string[] = ['_kuzzle_info'], prefix = ''): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (ignore.includes(key)) {
      continue;
    }
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isJsonObject(value)) {
      fields.push(...extractFields(value, ignore, path));
    } else {
      fields.push(path);
    }
  }
  return fields;
}

/** A 20-character id like the ones Elasticsearch generates. */
export function generateId(): string {
  return randomBytes(15).toString('base64url');
}
