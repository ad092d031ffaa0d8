import { isPlainObject } from './ast';

/** A document as Koncorde sees it: every nested object's fields also under their dotted path. Arrays stay whole. */
export type FlatDocument = ReadonlyMap<string, unknown>;

/** Flattens `{ ...document, _id: id }` (what the server tests) when an id is given. */
export function flatten(document: Record<string, unknown>, id?: string): FlatDocument {
  const flat = new Map<string, unknown>();
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const key in object) {
      if (!Object.prototype.hasOwnProperty.call(object, key) || (id && !prefix && key === '_id')) continue;
      const value = object[key];
      const path = prefix ? `${prefix}.${key}` : key;
      if (isPlainObject(value)) walk(value, path);
      // after the walk: a later field wins over a nested one of the same dotted name, as in Koncorde
      flat.set(path, value);
    }
  };
  walk(document, '');
  if (id) flat.set('_id', id);
  return flat;
}
