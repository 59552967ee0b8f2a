import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and process tests start servers and Chromium: keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
