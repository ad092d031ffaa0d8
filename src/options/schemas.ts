import * as z from 'zod/mini';

/** A duration in milliseconds: a finite number >= 0. */
export const milliseconds = () => z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite'));

/** A count that may be `Infinity`. */

export const positiveInt = () => z.int().check(z.gte(1));

/** A whole number >= 0, or `Infinity` (which `z.number()` refuses). */
export const wholeOrInfinity = () =>
  z.custom<number>((v) => typeof v === 'number' && v >= 0 && (Number.isInteger(v) || v === Infinity), {
    error: 'must be a whole number >= 0, or Infinity',
  });

/** A count (`queueMaxSize`, `maxReconnectionAttempts`): a whole number >= 0, or `Infinity` for no bound. */
export const countOrInfinity = wholeOrInfinity;
