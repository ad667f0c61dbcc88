import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';

/** A synthetic StepDetail: T steps of H units, gradient norms shrinking by `decay` per step back in time. */
export function fakeDetail(opts: { T: number; H: number; inputs?: number; outputs?: number; targets?: number; decay?: number; gates?: string[]; cells?: boolean; hiddenBackward?: boolean; step?: number; rowLen?: number }): StepDetail {
  const { T, H } = opts;
  const rowLen = opts.rowLen ?? H;
  const decay = opts.decay ?? 0.7;
  const hidden = Array.from({ length: T }, (_, t) => Array.from({ length: rowLen }, (_, j) => Math.tanh(Math.sin(t * 0.7 + j * 1.3))));
  const gates: Record<string, number[][]> = {};
  for (const g of opts.gates ?? []) gates[g] = Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => 1 / (1 + Math.exp(-Math.cos(t + j)))));
  // c_t is not squashed: some values lie past ±1, as a real cell state's do.
  const cells = Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => 1.6 * Math.sin(t * 0.9 + j * 0.4)));
  // h←_t differs from h→_t, so a test can tell which direction a number came from.
  const hiddenBackward = Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => Math.tanh(Math.cos(t * 1.1 + j * 0.5))));
  return {
    step: opts.step ?? 100,
    dhNorms: Array.from({ length: T }, (_, t) => decay ** (T - 1 - t)),
    hidden,
    gates,
    whhContrib: Array.from({ length: T }, () => 0.1),
    ...(opts.cells ? { cells } : {}),
    ...(opts.hiddenBackward ? { hiddenBackward } : {}),
    spectralRadius: 0.9,
    inputTokens: Array.from({ length: opts.inputs ?? T }, (_, t) => `w${t}`),
    outputTokens: Array.from({ length: opts.outputs ?? T }, (_, t) => `y${t}`),
    targetTokens: Array.from({ length: opts.targets ?? opts.outputs ?? T }, (_, t) => (t % 3 === 0 ? `z${t}` : `y${t}`)),
  };
}

/**
 * A bidirectional two-layer model's detail: the top chain in `hidden`, and the engine's other three chains, each
 * with values and gradient norms of its own (so a test can tell which chain a number came from).
 */
export function fakeTwoLayerBidir(T: number, H: number): StepDetail {
  const base = fakeDetail({ T, H });
  const chain = (scale: number, phase: number) => ({
    dhNorms: base.dhNorms.map((n) => n * scale),
    hidden: Array.from({ length: T }, (_, t) => Array.from({ length: H }, (_, j) => Math.tanh(Math.sin(t * 0.9 + j * 0.6 + phase)))),
    gates: {},
    whhContrib: base.whhContrib,
  });
  return { ...base, chains: { backward: chain(0.8, 1), lower: chain(0.5, 2), lowerBackward: chain(0.3, 3) } };
}

/** jsdom has no ResizeObserver: one that never reports (the views fall back to their default size). */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
