/**
 * ScaleLab's capacity engine (MODEL.md): a pure, deterministic library.
 * No UI, framework or database imports (an ESLint rule enforces it).
 *
 * This file is the engine's only entry: code outside lib/engine imports
 * `@/lib/engine` and nothing below it (types included), and ESLint's
 * no-restricted-imports says so; the test doubles have their own entry,
 * `@/lib/engine/testing`. The design's kinds, types and graph check live in
 * lib/design, which the engine builds on and re-exports here.
 */
export * from '../design/kinds';
export * from './types';
export { findCycle } from '../design/graph';
export * from './catalog';
export * from './prices';
export * from './lessons';
export * from './workload';
export * from './queueing';
export * from './evaluation';
export { STAGES, PRACTICES, practicePresent, judgeStage, consistencyChecks, MAX_SHED_SHARE, type StageSpec, type PracticeId, type StageMeasures, type ConsistencyDemand } from './stages';
export { HOT_UTILIZATION, fmtDuration, fmtGB } from './findings';
export { formatMs, formatPercent, formatUsd, thousands } from './format';
export * from './rubric';
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
  TECHNOLOGY_KIND_SPECS,
  forwardsOf,
  routesBetween,
  ALG_RANDOM,
  ALG_ROUND_ROBIN,
  ALG_LEAST_CONNECTIONS,
  type CompiledNetwork,
} from './compile';
export { createRunState, forward, run, backward, groupsOf, kOfN, MIX_MAX, LAT_ALL, LAT_READ, LAT_NONE, type RunState, type RegionCheck } from './run';
export { SERVERLESS, CLUSTER, MESH } from './cloud-native';
export { evaluate, evaluatePrepared, evaluateStages, prepare, sweep, type EvaluateOptions, type PreparedDesign } from './evaluate';
export { validateDesign, validate } from './validate';
export * from './what-if';
export { DATA_KINDS, GLOBAL_KINDS, regionOfKind } from './what-if-terms';
export { simulate, type SimulateOptions, type SimulationResult, type SimulatedNode, type SimulatedLatency } from './simulate';
export * from './technologies';
export { compareTechnologies, withTechnology, type TechnologyComparisonRow, type CompareOptions } from './compare-technologies';
export { consistencyOf, staleProbability, type ConsistencyReport, type ReplicaConsistency, type StoreConsistency } from './consistency';
export * from './tech-figures';
export * from './accuracy';
export { CALIBRATION, calibrationResults, departure, type CalibrationGroup, type CalibrationRow, type CalibrationResult, type Evidence, type PublishedRange } from './calibration';
