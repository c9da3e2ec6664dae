import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `npm test` runs tests/hostile.test.ts on its own after the rest: its linear-time checks compare
  // timings, which other test files running alongside would disturb.
  test: {
    include: ['tests/**/*.test.ts'],
    // The hostile-input and CLI tests spawn processes and build large strings.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
