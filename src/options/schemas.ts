import * as z from 'zod/mini';

/** A duration in milliseconds: a finite number >= 0. */
export const milliseconds = () => z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite'));

/** A count that may be `Infinity`. */
export const countOrInfinity = () => z.number().check(z.gte(0));

export const positiveInt = () => z.int().check(z.gte(1));
