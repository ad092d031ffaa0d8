import { InvalidRequestError } from '../vocabulary/errors/client-errors';

/** A JSON object argument (a document's content, a query, a mapping, ...). */
export type JsonObject = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a method's arguments before anything is sent. Each check returns the value it was given, typed, or throws an
 * `InvalidRequestError` naming the method and the argument: `document.mCreate: documents must be an array, got null`.
 * Controller methods run their checks inside the Observable, so a bad argument errors the call at subscription.
 */
export class ArgumentCheck {
  constructor(readonly method: string) {}

  /** Throws the `InvalidRequestError` for `name`. */
  fail(name: string, expected: string, value: unknown): never {
    throw new InvalidRequestError(`${this.method}: ${name} must be ${expected}, got ${describe(value)}`, { [name]: value });
  }

  /** A non-empty string. */
  string(name: string, value: unknown): string {
    return typeof value === 'string' && value !== '' ? value : this.fail(name, 'a non-empty string', value);
  }

  /** A string, possibly empty (a pattern, a value to store, ...). */
  text(name: string, value: unknown): string {
    return typeof value === 'string' ? value : this.fail(name, 'a string', value);
  }

  /** A finite number. */
  number(name: string, value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(name, 'a finite number', value);
  }

  /** A boolean. */
  boolean(name: string, value: unknown): boolean {
    return typeof value === 'boolean' ? value : this.fail(name, 'a boolean', value);
  }

  /** A plain object (not null, not an array). */
  object<T extends object = JsonObject>(name: string, value: T): T {
    return isObject(value) ? value : this.fail(name, 'an object', value);
  }

  /** An array; `item` checks each element (its name is `name[i]`). */
  array<T>(name: string, value: readonly T[], item?: (name: string, value: T) => unknown): readonly T[] {
    if (!Array.isArray(value)) return this.fail(name, 'an array', value);
    if (item) value.forEach((element: T, i) => item.call(this, `${name}[${i}]`, element));
    return value;
  }

  /** An array of non-empty strings. */
  strings(name: string, value: readonly string[]): readonly string[] {
    return this.array(name, value, (n, v) => this.string(n, v));
  }

  /** A string or a number (a Redis value, a score, ...). */
  scalar(name: string, value: string | number): string | number {
    return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
      ? value
      : this.fail(name, 'a string or a number', value);
  }

  /** `undefined`, or a non-empty string. */
  optionalString(name: string, value: unknown): string | undefined {
    return value === undefined ? undefined : this.string(name, value);
  }

  /** `undefined`, or a plain object. */
  optionalObject<T extends object = JsonObject>(name: string, value: T | undefined): T | undefined {
    return value === undefined ? undefined : this.object(name, value);
  }

  /** `undefined`, or what `check` accepts. */
  optional<T>(value: T | undefined, check: (value: T) => T): T | undefined {
    return value === undefined ? undefined : check(value);
  }
}
