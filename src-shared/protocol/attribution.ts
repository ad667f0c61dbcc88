/**
 * Connectivity of one fixed held-out example, as the session sends it with a step's detail: the engine's
 * a[t][s] = |⟨∂y_{t,ĉ_t}/∂x_s, x_s⟩| (engine/attribution.ts) with the tokens it is drawn over. Its schema is part of
 * the step detail's (step-detail.ts), where the compiler checks it against this type.
 */
export interface Attribution {
  /** x_1..x_S as text (the columns). */
  readonly inputTokens: string[];
  /** The model's output ĉ_t at each row, as text. */
  readonly outputTokens: string[];
  /** The 1-based output step of each row (many-to-one: the single row T). */
  readonly outputSteps: number[];
  /** a[t][s], rows × S. */
  readonly matrix: number[][];
}
