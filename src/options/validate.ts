import type * as z from 'zod/mini';
import { InvalidOptionError } from '../vocabulary/errors/client-errors';

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly message: string;
}

function describe(issue: Issue, value: unknown): string {
  const got = `got ${value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      // zod's number refuses NaN and ±Infinity with the same code as a string.
      return `expected ${issue.expected === 'number' && typeof value === 'number' ? 'a finite number' : (issue.expected ?? 'another type')}, ${got}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}, ${got}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}, ${got}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}, ${got}`;
    case 'unrecognized_keys':
      return `unknown option(s) ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message === 'Invalid input' ? `is not valid, ${got}` : `${issue.message}, ${got}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates user options once, at construction. Throws an `InvalidOptionError` naming the first bad field
 * (prefixed with `scope`, e.g. `WebSocketProtocol.pingInterval`).
 */
export function validateOptions<T>(schema: z.ZodMiniType<T>, input: unknown, scope: string): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0] as Issue;
  const field = issue.code === 'unrecognized_keys' || issue.path.length === 0 ? scope : `${scope}.${issue.path.map(String).join('.')}`;
  throw new InvalidOptionError(field, describe(issue, valueAt(input, issue.path)));
}
