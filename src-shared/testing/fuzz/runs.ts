/**
 * How many generated cases each property test runs. The fast tier (npm test) uses FAST_RUNS;
 * `npm run test:long` sets RNN_LAB_LONG=1 for the full counts.
 */
const long = typeof process !== 'undefined' && process.env.RNN_LAB_LONG === '1';

export function runs(fast: number, full = 10_000): number {
  return long ? full : fast;
}
