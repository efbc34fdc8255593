import { defineConfig } from 'vitest/config';

// The suites that need system packages: a real Chromium, LibreOffice, a real PostgreSQL; and the timing
// tests that must run alone (*.alone.test.ts): files here run one at a time.
export default defineConfig({
  test: {
    include: [
      'test/e2e/**/*.test.ts',
      'test/documents/**/*.test.ts',
      'test/server-pg/**/*.test.ts',
      'test/**/*.alone.test.ts',
    ],
    environment: 'node',
    globals: true,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // The collector on the main thread: timing tests measure this process's CPU time, to which the
    // collector's helper threads add time waiting for a core on a busy machine, more the larger the heap.
    execArgv: ['--single-threaded-gc'],
    passWithNoTests: false,
    globalSetup: ['test/e2e/globalSetup.ts'],
    // A polled state (a field filled by a template, a line count) may take seconds on a busy 2-core machine:
    // browser steps wait for the state up to 15 s, as the driver's own waits do, never for a fixed time.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
