import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The hostile-input and CLI tests spawn processes and build large strings.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
