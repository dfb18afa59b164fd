import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // 2-core machines: keep parallelism modest so servers in tests are not starved.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
