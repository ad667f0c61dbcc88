import * as v from 'valibot';

/** The number schemas every message shares. */

/** A finite number: no NaN, no ±Infinity (JSON would turn them into null). */
export const finite = v.pipe(v.number(), v.finite());

/** A whole number from 0: a step, a length, an index. */
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
