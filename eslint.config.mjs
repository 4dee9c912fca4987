import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

const engineBoundary = {
  files: ['lib/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*', '@xyflow/*', 'zustand', 'zustand/*', 'zundo', '@prisma/*', '@/lib/generated/*', '**/generated/**'],
            message: 'lib/engine is a pure library: no UI, framework or database imports (see STYLE: a pure engine behind a hard boundary).',
          },
        ],
      },
    ],
  },
};

/*
 * lib/engine/index.ts is the engine's entry: outside lib/engine, code imports `@/lib/engine`, never a
 * module below it; two narrower entries, `@/lib/engine/data` (tables and rules without the model runs,
 * for code the browser loads) and `@/lib/engine/testing` (test doubles). The engine's own modules and
 * tests may import its internals. Imports are rewritten by node /work/codemods/engine-imports.mjs.
 */
const ENGINE_INTERNALS = [
  '@/lib/engine/*',
  '!@/lib/engine/data',
  '!@/lib/engine/testing',
  '**/lib/engine/*',
  '!**/lib/engine/data',
  '!**/lib/engine/testing',
  '../engine/*',
  '!../engine/data',
  '!../engine/testing',
];
const engineEntry = {
  files: ['**/*.{ts,tsx,mts,cts,js,mjs,jsx}'],
  ignores: ['lib/engine/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ENGINE_INTERNALS,
            message:
              "Import the engine through its entry, '@/lib/engine' (in code the browser loads, '@/lib/engine/data'; test doubles: '@/lib/engine/testing'); lib/engine/index.ts and data.ts export what callers need.",
          },
        ],
      },
    ],
  },
};

/* lib/design sits below the engine: the engine imports the design's kinds, types, schema and registry, never the reverse (tests may use the engine). */
const designBoundary = {
  files: ['lib/design/**/*.ts'],
  ignores: ['lib/design/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/lib/engine', '@/lib/engine/*', '**/lib/engine', '**/lib/engine/*', '../engine', '../engine/*'],
            message: 'lib/design must not import the engine: the engine builds on the design (move what both need into lib/design).',
          },
        ],
      },
    ],
  },
};

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'data/**', 'next-env.d.ts'] },
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  engineBoundary,
  engineEntry,
  designBoundary,
];

export default config;
