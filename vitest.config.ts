import { defineConfig } from 'vitest/config';

// Fast suites only: everything here needs nothing but npm packages.
// Browser, LibreOffice and PostgreSQL suites live under test/e2e, test/documents and test/server-pg, and
// timing tests that must run with no other test file beside them are named *.alone.test.ts; all of them
// run through `npm run test:all` (scripts/run-tests.mjs), in vitest.system.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/documents/**', 'test/server-pg/**', '**/*.alone.test.ts', 'node_modules/**'],
    environment: 'node',
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
