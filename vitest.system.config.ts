import { defineConfig } from 'vitest/config';

// The suites that need system packages: a real Chromium, LibreOffice, a real PostgreSQL.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/documents/**/*.test.ts', 'test/server-pg/**/*.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    passWithNoTests: false,
    globalSetup: ['test/e2e/globalSetup.ts'],
  },
});
