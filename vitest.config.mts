import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components.
      'server-only': path.resolve(import.meta.dirname, 'tests/stubs/server-only.ts'),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'content/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
      // Test files that tests run in a Vitest run of their own.
      ...(process.env.SCALELAB_VITEST_FIXTURES ? ['tests/fixtures/*.fixture.ts'] : []),
    ],
    // tests/integration builds and starts the production app: not part of the
    // unit run; `npm test` runs it after the browser tests (scripts/test-integration.ts).
    exclude: ['node_modules/**', 'e2e/**', '.next/**', ...(process.env.SCALELAB_INTEGRATION ? [] : ['tests/integration/**'])],
    environment: 'node',
    // A run's temporary files live in one folder, removed when it ends; each
    // file's own temporary folders are removed after it.
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
