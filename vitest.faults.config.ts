import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the fault matrix. Each row puts the client, under a steady workload, through one network or
 * server fault (a fault proxy between it and the server) and checks what a user would see. Runs against the embedded
 * server, and the real one too when KUZZLE_URL is set. Prints a table of the rows at the end.
 */
export default defineConfig({
  resolve: { alias: { 'kuzzle-rx': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    globals: true,
    include: ['spec/faults/**/*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    // One family at a time: the rows measure recovery times, which other files running beside them would skew.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The flood row compares the heap after a garbage collection.
    execArgv: ['--expose-gc'],
    // The default reporter, then the table of the rows (spec/faults/support/fault-table-reporter.ts).
    reporters: ['default', './spec/faults/support/fault-table-reporter.ts'],
  },
});
