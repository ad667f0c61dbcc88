/** The engine's public surface. */
export type * from './types';
export type * from './api';
export { createEngineRng, createEngineRngFromState, type EngineRng } from './rng';
export { getKernels, jsKernels, setKernels, type Kernels } from './kernels';
export { createModel, type PredictOptions, type SequenceModel } from './model';
export { paramCount, paramParts, type ChainParams } from './model-shape';
export { initParams, rescaleToRadius } from './init';
export { clipGradients, createOptimizer, globalGradNorm } from './optimizer';
export { exportParamArrays, exportParams, hasNonFinite, importParams } from './params-io';
export { spectralNormOf, spectralRadiusOf, RunningSpectralRadius } from './spectral';
export { gradCheck, type GradCheckOptions, type GradCheckResult } from './gradcheck';
export { StepInterrupted, type Interrupt } from './interrupt';
export { jacobianChain, makeWhhWithRadius, type JacobianChainOptions, type JacobianChainResult } from './jacobian';
export type { Connectivity } from './attribution';
