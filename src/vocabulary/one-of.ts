import * as z from 'zod/mini';

/**
 * One of the given strings, as a `z.custom`: zod's `literal` and `enum` each bring a schema class of their own into a
 * browser bundle, this brings none. Its message reads after a field's name.
 */
export const oneOf = <const T extends readonly string[]>(...values: T) =>
  z.custom<T[number]>((v) => values.includes(v as string), { error: `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
