import { FilterError, isPlainObject } from './ast';

/** Koncorde's own wording for a bad filter: `"range.age.gt": must be a number`. */
export const fail = (path: string, reason: string): never => {
  throw new FilterError(path ? `"${path}": ${reason}` : reason);
};

export const pathAdd = (path: string, leaf: string) => (path ? `${path}.${leaf}` : leaf);

export interface ObjectRules {
  readonly properties?: number;
  readonly nonEmpty?: boolean;
  readonly required?: readonly string[];
  readonly allowed?: readonly string[];
}

export function object(value: unknown, path: string, rules: ObjectRules = {}): Record<string, unknown> {
  if (!isPlainObject(value)) return fail(path, 'must be an object');
  const fields = Object.keys(value);
  if (rules.nonEmpty && fields.length === 0) fail(path, 'must be a non-empty object');
  const count = rules.properties;
  if (count && fields.length !== count) {
    fail(path, `expected object to have exactly ${count} propert${count > 1 ? 'ies' : 'y'}, got ${fields.length}`);
  }
  for (const name of rules.required ?? []) if (value[name] === undefined) fail(path, `the property "${name}" is missing`);
  const allowed = rules.allowed;
  for (const name of allowed ? fields : []) {
    if (!allowed!.includes(name)) fail(path, `"${name}" is not an allowed attribute (allowed: ${allowed!.join(',')})`);
  }
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') return fail(path, 'must be a string');
  return value.length > 0 ? value : fail(path, 'cannot be empty');
}

export function array(value: unknown, path: string, strings = false): unknown[] {
  if (!Array.isArray(value)) return fail(path, 'must be an array');
  if (value.length === 0) fail(path, 'cannot be empty');
  if (strings && !value.every((item) => typeof item === 'string')) fail(path, 'must hold only values of type "string"');
  return value;
}

export function integer(value: unknown, path: string): number {
  if (typeof value !== 'number') return fail(path, 'must be an integer');
  return Math.floor(value) === value ? value : fail(path, 'cannot have decimals, must be an integer');
}

/**
 * A field of `exists`/`missing`: a dotted path, or `path[value]` for "the array at path holds value" (the value in
 * JSON). `\[` and `\]` stand for brackets in a field name.
 */
export function fieldSyntax(field: string, path: string): { field: string; array: boolean; value: unknown } {
  const parts = /^(.*?[^\\])\[(.*)\]$/.exec(field);
  let value: unknown = null;
  if (parts) {
    try {
      value = JSON.parse(parts[2]!);
    } catch {
      fail(path, `contains an invalid array value ("${parts[2]}")`);
    }
  }
  return { field: (parts ? parts[1]! : field).replace(/\\([[\]])/g, '$1'), array: parts !== null, value };
}
