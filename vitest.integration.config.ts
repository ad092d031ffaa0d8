import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The second pass of CI: the integration suite against the real server only (`npm test` already ran it against the
 * embedded one) and the browser suite. Needs KUZZLE_URL.
 */
export default defineConfig({
  // The /angular entry imports the main one by the package name.
  resolve: { alias: { 'kuzzle-rx': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    globals: true,
    include: ['spec/integration/**/*.spec.ts', 'spec/browser/**/*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    env: { KUZZLE_TARGETS: 'real' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
