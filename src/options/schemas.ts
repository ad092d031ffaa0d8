import * as z from 'zod/mini';

export { oneOf } from '../vocabulary/one-of';

/*
 * The value checks of the options and frame schemas, each a `z.refine` or `z.custom` with its own message: zod's
 * `int`, `gte`, `literal`, `enum`, `startsWith`... each bring a schema class of their own into a browser bundle,
 * these bring none. A message reads after the field's name; `validateOptions` adds what was given.
 */

/** At least `min`. */
export const atLeast = (min: number) => z.refine<number>((v) => v >= min, `must be at least ${min}`);

/** At most `max`. */
export const atMost = (max: number) => z.refine<number>((v) => v <= max, `must be at most ${max}`);

/** More than `min`. */
export const moreThan = (min: number) => z.refine<number>((v) => v > min, `must be more than ${min}`);

/** A whole number. */
export const whole = () => z.refine(Number.isInteger, 'must be a whole number');

/** A duration in milliseconds: a number >= 0 (`z.number()` refuses NaN and ±Infinity). */
export const milliseconds = () => z.number().check(atLeast(0));

/** A whole number >= 0, or `Infinity` (which `z.number()` refuses). */
export const wholeOrInfinity = () =>
  z.custom<number>((v) => typeof v === 'number' && v >= 0 && (Number.isInteger(v) || v === Infinity), {
    error: 'must be a whole number >= 0, or Infinity',
  });

/** A count (`queueMaxSize`, `maxReconnectionAttempts`): a whole number >= 0, or `Infinity` for no bound. */
export const countOrInfinity = wholeOrInfinity;

/** A string that passes `test`, `message` saying how it must be. */
export const textWhere = (test: (text: string) => boolean, message: string) => z.string().check(z.refine(test, message));
