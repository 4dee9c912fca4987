/**
 * The engine's data and rules without its model runs: the catalog, prices,
 * kinds and technologies with their figures, workload defaults, stages and
 * rubric, the formatters, compile's route rules and the what-if vocabulary.
 * A second entry beside index.ts (which re-exports all of this), for code a
 * page loads in the browser: importing a table from here does not bring the
 * evaluator, the simulator or the calibration tables into the page's
 * JavaScript (the bundler keeps every module an entry re-exports). The
 * model itself runs in the scoring Web Worker and on the server, through
 * `@/lib/engine`.
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
export * from '../rules/rubric';
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
export { SERVERLESS, CLUSTER, MESH } from './cloud-native';
export * from './what-if-terms';
export * from './technologies';
export * from './tech-figures';
