/**
 * ScaleLab's capacity engine (MODEL.md): a pure, deterministic library.
 * No UI, framework or database imports (an ESLint rule enforces it).
 *
 * This file is the engine's only entry: code outside lib/engine imports
 * `@/lib/engine` and nothing below it (types included), and ESLint's
 * no-restricted-imports says so. Two narrower entries: `@/lib/engine/data`
 * (data.ts: the tables and rules without the model runs, for code the
 * browser loads) and `@/lib/engine/testing` (the test doubles). The design's kinds, types and graph check live in
 * lib/design, which the engine builds on and re-exports here.
 */
export * from './data';
export { HOT_UTILIZATION } from './findings';
export { createRunState, forward, run, backward, groupsOf, kOfN, MIX_MAX, LAT_ALL, LAT_READ, LAT_NONE, type RunState, type RegionCheck } from './run';
export { evaluate, evaluatePrepared, evaluateStages, prepare, sweep, type EvaluateOptions, type PreparedDesign } from './evaluate';
export { validateDesign, validate } from './validate';
export { designRegions, applyWhatIf, compareWhatIf, regionOf, removeNodes, mapNodes, withParams, withoutRegion, setParams, slowDown, type WhatIfComparison } from './what-if';
export { simulate, type SimulateOptions, type SimulationResult, type SimulatedNode, type SimulatedLatency } from './simulate';
export { compareTechnologies, withTechnology, type TechnologyComparisonRow, type CompareOptions } from './compare-technologies';
export { consistencyOf, staleProbability, type ConsistencyReport, type ReplicaConsistency, type StoreConsistency } from './consistency';
export * from './accuracy';
export { CALIBRATION, calibrationResults, departure, type CalibrationGroup, type CalibrationRow, type CalibrationResult, type Evidence, type PublishedRange } from './calibration';
