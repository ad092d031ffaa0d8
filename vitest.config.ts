import { defineConfig } from 'vitest/config';

/** `npm test`: unit and marble tests, and the integration suite against the embedded server. */
export default defineConfig({
  test: {
    globals: true,
    include: ['spec/unit/**/*.spec.ts', 'spec/integration/**/*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
