// Moved to lib/design/kinds.ts; kept until the imports are rewritten to the engine's entry (node /work/codemods/engine-imports.mjs).
export * from '../design/kinds';
