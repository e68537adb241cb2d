import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests and CLI end-to-end tests spawn processes; keep the pool small on 2-core machines.
    maxWorkers: 2,
  },
});
