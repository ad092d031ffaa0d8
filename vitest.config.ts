import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `npm test`: unit and marble tests, and the integration suite against the embedded server. */
export default defineConfig({
  // The /angular entry imports the main one by the package name.
  resolve: { alias: { 'kuzzle-rx': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    globals: true,
    include: ['spec/unit/**/*.spec.ts', 'spec/integration/**/*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
