/**
 * ScaleLab's capacity engine (MODEL.md): a pure, deterministic library.
 * No UI, framework or database imports (an ESLint rule enforces it).
 */
export * from './kinds';
export * from './types';
export { findCycle } from './graph';
export * from './catalog';
export * from './prices';
export * from './lessons';
export * from './workload';
export * from './queueing';
export * from './evaluation';
export { STAGES, PRACTICES, practicePresent, judgeStage, consistencyChecks, MAX_SHED_SHARE, type StageSpec, type PracticeId, type StageMeasures, type ConsistencyDemand } from './stages';
export { HOT_UTILIZATION } from './findings';
export {
  compile,
  guardDesign,
  InvalidDesignError,
  STATIC,
  READ,
  WRITE,
  JOB,
  CLASS_NAMES,
  MODEL_SOURCE,
  MODEL_QUEUE,
  MODEL_RATED,
  MODEL_NONE,
  ALG_RANDOM,
  ALG_ROUND_ROBIN,
  ALG_LEAST_CONNECTIONS,
  type CompiledNetwork,
} from './compile';
export { createRunState, forward, run, backward, groupsOf, kOfN, MIX_MAX, LAT_ALL, LAT_READ, LAT_NONE, type RunState, type RegionCheck } from './run';
export { evaluate, evaluatePrepared, evaluateStages, prepare, sweep, type EvaluateOptions, type PreparedDesign } from './evaluate';
export { validateDesign, validate } from './validate';
export * from './what-if';
export { simulate, type SimulateOptions, type SimulationResult, type SimulatedNode, type SimulatedLatency } from './simulate';
export * from './technologies';
export { compareTechnologies, withTechnology, type TechnologyComparisonRow, type CompareOptions } from './compare-technologies';
export { consistencyOf, staleProbability, type ConsistencyReport, type ReplicaConsistency, type StoreConsistency } from './consistency';
export * from './tech-figures';
