import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and process tests start servers and Chromium: keep the 2-core machine from thrashing.
    maxWorkers: 2,
    // expect.poll waits for the page to reach a state (a refetch, a Leaflet restyle); its 1 s default is too short
    // for a loaded CI machine. A wrong state still fails, after this long.
    expect: { poll: { timeout: 10_000 } },
  },
});
