import { defineConfig } from 'vitest/config';

// Fast suites only: everything here needs nothing but npm packages.
// Browser, LibreOffice and PostgreSQL suites live under test/e2e, test/documents and test/server-pg
// and run through `npm run test:all` (scripts/test-all.mjs), which checks their system packages first.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/documents/**', 'test/server-pg/**', 'node_modules/**'],
    environment: 'node',
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
