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
];

export default config;
