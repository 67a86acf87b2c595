import { defineConfig } from 'vitest/config';

// End-to-end tests drive the real renderer in Debian's Chromium through the
// headless host; one file at a time keeps two cores from being starved.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
