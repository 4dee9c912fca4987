// Moved to lib/design/graph.ts; kept until the imports are rewritten to the engine's entry (node /work/codemods/engine-imports.mjs).
export * from '../design/graph';
