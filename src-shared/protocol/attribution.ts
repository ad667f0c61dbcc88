import * as v from 'valibot';

/**
 * Connectivity of one fixed held-out example, as the session sends it with a step's detail: the engine's
 * a[t][s] = |⟨∂y_{t,ĉ_t}/∂x_s, x_s⟩| (engine/attribution.ts) with the tokens it is drawn over.
 */
export const AttributionSchema = v.strictObject({
  /** x_1..x_S as text (the columns). */
  inputTokens: v.array(v.string()),
  /** The model's output ĉ_t at each row, as text. */
  outputTokens: v.array(v.string()),
  /** The 1-based output step of each row (many-to-one: the single row T). */
  outputSteps: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** a[t][s], rows × S. */
  matrix: v.array(v.array(v.number())),
});
export type Attribution = v.InferOutput<typeof AttributionSchema>;
