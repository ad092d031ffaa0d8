import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['spec/unit/**/*.spec.ts', 'spec/integration/**/*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
